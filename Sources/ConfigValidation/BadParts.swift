import Basics
import Foundation

/// The part of a value a rule is about ("found '_' and 'B'" rather than the whole name), from the
/// rule's `x-docgen-part` pattern: each match, or its first group when it has one.
enum BadParts {
    static let shown = 8

    /// The distinct parts, quoted and listed, credentials masked; nil when the pattern finds
    /// nothing (or is not a pattern), so that the caller shows the value instead.
    static func of(_ value: String, pattern: String) -> String? {
        guard let regex = try? NSRegularExpression(pattern: pattern) else { return nil }
        // Parts come from the masked text, so that no piece of a credential is quoted (not even
        // its letters as "bad characters"); the mask itself is not a part.
        let text = URLCredentials.masked(value)
        let masked = text != value
        var parts: [String] = []
        for match in regex.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
            let range = match.numberOfRanges > 1 && match.range(at: 1).location != NSNotFound ? match.range(at: 1) : match.range
            guard let r = Range(range, in: text), !r.isEmpty else { continue }
            let part = String(text[r])
            if masked && part.allSatisfy({ $0 == "*" }) { continue }
            if !parts.contains(part) { parts.append(part) }
        }
        guard !parts.isEmpty else { return nil }
        var quoted = parts.prefix(shown).map { "'\($0)'" }
        if parts.count > shown { quoted.append("\(parts.count - shown) more") }
        // Characters alone are hard to place: a short value is shown around them.
        let context = parts.allSatisfy({ $0.count == 1 }) && text.count <= 40 ? " in '\(text)'" : ""
        return listed(quoted) + context
    }
}
