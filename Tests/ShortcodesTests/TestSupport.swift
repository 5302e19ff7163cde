import Diagnostics
@testable import Shortcodes

let testFile = "content/page.md"

/// Parses with a fixed file name so expected positions read "line:col: message".
func parse(_ body: String, startLine: Int = 1) -> (document: ShortcodeDocument, diagnostics: [Diagnostic]) {
    parseShortcodes(in: body, file: testFile, startLine: startLine)
}

/// Diagnostics as "line:col: message", the form the expectations are written in.
func positions(_ diagnostics: [Diagnostic]) -> [String] {
    diagnostics.map { "\($0.location.line):\($0.location.column): \($0.message)" }
}

extension String {
    /// The text at UTF-8 offsets, as segments report them.
    func utf8Slice(_ range: Range<Int>) -> String {
        let bytes = Array(utf8)[range]
        return String(decoding: bytes, as: UTF8.self)
    }
}

extension Array where Element == ShortcodeSegment {
    var shortcodes: [Shortcode] {
        compactMap { if case .shortcode(let s) = $0 { return s } else { return nil } }
    }
}

extension ShortcodeDocument {
    var shortcodes: [Shortcode] { segments.shortcodes }

    /// The only top-level shortcode, or nil when there is not exactly one.
    var single: Shortcode? { shortcodes.count == 1 ? shortcodes[0] : nil }
}

/// Describes segments compactly (`text("…")`, `sc(name)[…]`, `esc(…)`) so a whole tree can be
/// compared in one expectation.
func outline(_ segments: [ShortcodeSegment], in body: String) -> String {
    segments.map { segment -> String in
        switch segment {
        case .text(let range):
            return "text(\(body.utf8Slice(range).debugDescription))"
        case .escaped(let literal, _):
            return "esc(\(literal))"
        case .shortcode(let s):
            let inner = s.inner.map { "[" + outline($0, in: body) + "]" } ?? ""
            return "sc(\(s.name))\(inner)"
        }
    }.joined(separator: " ")
}
