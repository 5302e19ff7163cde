/// Keeps file content out of messages: configs hold secrets, and a parse error inside a secret
/// value must not quote it.
enum SecretSafeText {
    /// Parser messages may quote the character they stopped at; letters, digits and anything
    /// outside ASCII could be part of a secret, so only JSON punctuation is kept.
    static func parseMessage(_ message: String) -> String {
        guard let found = message.range(of: "found '") else { return message }
        let rest = message[found.upperBound...]
        guard let end = rest.lastIndex(of: "'") else { return message }
        let quoted = rest[..<end]
        let safe = quoted.count == 1 && quoted.unicodeScalars.allSatisfy { $0.isASCII && "{}[]:,\"'".unicodeScalars.contains($0) }
        if safe { return message }
        return String(message[..<found.lowerBound]) + "found other text" + rest[rest.index(after: end)...]
    }
}
