import Foundation

/// A compiled `pattern`/`patternProperties` regular expression.
///
/// JSON Schema patterns are ECMA-262 regexes; NSRegularExpression (ICU) is close, and the few
/// places where the two disagree in ways schemas rely on are rewritten before compiling (see
/// `translate`). Patterns are unanchored, as in ECMA-262.
final class Pattern: @unchecked Sendable {
    // NSRegularExpression is immutable once created and documented as safe to share between
    // threads, hence @unchecked; RegexProgram is a plain value.
    private enum Engine {
        case program(RegexProgram)
        case foundation(NSRegularExpression)
    }

    private let engine: Engine
    let source: String

    /// Common patterns run on the built-in matcher (`RegexProgram`), which is several times
    /// faster than going through NSString; the rest go to NSRegularExpression.
    init(_ source: String) throws {
        self.source = source
        if let program = try? RegexProgram(source) {
            engine = .program(program)
        } else {
            engine = .foundation(try NSRegularExpression(pattern: Pattern.translate(source), options: []))
        }
    }

    /// Compiles with NSRegularExpression only, to cross-check the built-in matcher in tests.
    init(foundationOnly source: String) throws {
        self.source = source
        engine = .foundation(try NSRegularExpression(pattern: Pattern.translate(source), options: []))
    }

    var usesBuiltInMatcher: Bool {
        if case .program = engine { return true }
        return false
    }

    func matches(_ s: String) -> Bool {
        switch engine {
        case .program(let program):
            return program.matches(s)
        case .foundation(let regex):
            let length = (s as NSString).length
            return regex.firstMatch(in: s, options: [], range: NSRange(location: 0, length: length)) != nil
        }
    }

    /// Rewrites ECMA-262 syntax into ICU syntax with the same meaning:
    /// - `\d`, `\w` (and negations) are ASCII-only in ECMA-262 but Unicode-aware in ICU;
    /// - `$` matches only at the very end in ECMA-262 (without the m flag), while ICU also
    ///   matches before a final newline;
    /// - `\u{…}` is ICU's `\x{…}`; `\cX` control escapes are passed through (ICU knows them).
    static func translate(_ source: String) -> String {
        var out = ""
        var inClass = false
        var chars = Array(source.unicodeScalars)[...]
        while let c = chars.popFirst() {
            if c == "\\", let next = chars.first {
                chars = chars.dropFirst()
                switch next {
                case "d": out += inClass ? "0-9" : "[0-9]"
                case "D": out += inClass ? "\\D" : "[^0-9]"
                case "w": out += inClass ? "a-zA-Z0-9_" : "[a-zA-Z0-9_]"
                case "W": out += inClass ? "\\W" : "[^a-zA-Z0-9_]"
                // ECMA-262 white space includes U+FEFF, which ICU's \s lacks.
                case "s": out += inClass ? "\\s\\x{FEFF}" : "[\\s\\x{FEFF}]"
                case "S": out += inClass ? "\\S" : "[^\\s\\x{FEFF}]"
                case "u" where chars.first == "{":
                    out += "\\x"
                default:
                    out.unicodeScalars.append(c)
                    out.unicodeScalars.append(next)
                }
                continue
            }
            if inClass {
                if c == "]" { inClass = false }
                out.unicodeScalars.append(c)
                continue
            }
            switch c {
            case "[":
                inClass = true
                out += "["
            case "$":
                out += "\\z"
            default:
                out.unicodeScalars.append(c)
            }
        }
        return out
    }
}
