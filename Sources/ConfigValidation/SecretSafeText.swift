/// Keeps file content out of messages: configs hold secrets, and a parse error inside a secret
/// value must not quote it.
enum SecretSafeText {
    /// Parser messages quote what they stopped at ("found 'w'", "unexpected 'w' after the end
    /// of the JSON value"); letters, digits and anything outside ASCII could be part of a
    /// secret, so such a quoted piece, unless it is a single JSON punctuation mark, becomes
    /// "other text". Quoted keys ("duplicate key 'resource'") are names, not values, and stay.
    static func parseMessage(_ message: String) -> String {
        let punctuation = Set("{}[]:,\"'")
        let characters = Array(message)
        var out = ""
        var i = 0
        while i < characters.count {
            guard characters[i] == "'" else { out.append(characters[i]); i += 1; continue }
            // The quoted piece ends at the next quote mark; a quote mark may itself be the
            // quoted character (''').
            let start = i + 1
            var end = start + 1
            while end < characters.count, characters[end] != "'" { end += 1 }
            guard end < characters.count else { out.append(contentsOf: characters[i...]); break }
            let quoted = characters[start..<end]
            let before = String(characters[..<i])
            let quotesInput = before.hasSuffix("found ") || before.hasSuffix("unexpected ")
            if !quotesInput || (quoted.count == 1 && punctuation.contains(quoted[start])) {
                out.append(contentsOf: characters[i...end])
            } else {
                out += "other text"
            }
            i = end + 1
        }
        return out
    }
}
