import Diagnostics

/// Reading on past a syntax error, so one run reports the other mistakes of the same front matter
/// (a `weight: abc` below an unclosed quote) instead of one per build.
enum SyntaxRecovery {
    /// How many broken lines are set aside before giving up: past a few, what still parses is
    /// more likely to be a misreading than the writer's keys.
    static let lineLimit = 8

    /// The front matter read again with each line a syntax error points at left blank (so every
    /// other line keeps its number), until the rest parses as a mapping; nil when it never does.
    /// Only the first error is the writer's to see: the later ones may be echoes of it.
    static func parseWithoutBrokenLines(_ source: String, firstError: Diagnostic,
                                        parse: (String) -> Result<YAMLNode?, Diagnostic>) -> YAMLNode? {
        var lines = source.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var error = firstError
        for _ in 0..<lineLimit {
            // Front matter starts on the file's line 2, after the opening fence.
            let index = error.location.line - 2
            guard lines.indices.contains(index), !lines[index].isEmpty else { return nil }
            lines[index] = ""
            switch parse(lines.joined(separator: "\n")) {
            case .success(let node?) where node.mapping != nil: return node
            case .success: return nil
            case .failure(let next): error = next
            }
        }
        return nil
    }
}
