import Basics
/// The delimiter grammar shared by the scanner and the lexers: where a tag opens and the
/// sequences that can end one.

/// A byte sequence inside a tag that stops the current name or argument.
enum TagStop {
    /// The terminator matching the opening (`>}}` after `{{<`).
    case own
    /// `/>}}`: a self-closing tag.
    case ownSelfClosing
    /// The other form's terminator (`%}}` after `{{<`): a mistake, but clearly meant as the end.
    case other
    case otherSelfClosing
    /// A bare `}}`: the author forgot the `>` or `%`.
    case bareBraces
    /// The start of another shortcode tag: this one was never closed.
    case nextTag

    var length: Int {
        switch self {
        case .own, .other: return 3
        case .ownSelfClosing, .otherSelfClosing: return 4
        case .bareBraces: return 2
        case .nextTag: return 0
        }
    }

    var isSelfClosing: Bool { self == .ownSelfClosing || self == .otherSelfClosing }
}

extension ByteView {
    /// When `{{` at `i` opens a shortcode tag: its form and the offset just past the `<` or `%`.
    /// Spaces or tabs may sit between the braces and the marker; anything else (e.g. Go
    /// template text such as `{{ .Title }}`) is ordinary text.
    func shortcodeOpening(at i: Int) -> (form: ShortcodeForm, afterDelimiter: Int)? {
        guard self[i] == ASCII.openBrace, self[i + 1] == ASCII.openBrace else { return nil }
        var p = i + 2
        while self[p] == ASCII.space || self[p] == ASCII.tab { p += 1 }
        switch self[p] {
        case ASCII.lessThan: return (.html, p + 1)
        case ASCII.percent: return (.markdown, p + 1)
        default: return nil
        }
    }

    /// Whether `close}}` (e.g. `>}}`) starts at `i`.
    func hasTerminator(_ close: UInt8, at i: Int) -> Bool {
        self[i] == close && self[i + 1] == ASCII.closeBrace && self[i + 2] == ASCII.closeBrace
    }

    /// The stop sequence starting at `i`, if any, for a tag written in `form`.
    func tagStop(at i: Int, form: ShortcodeForm) -> TagStop? {
        let own = form.closeByte
        let other = form == .html ? ASCII.percent : ASCII.greaterThan
        switch self[i] {
        case own:
            return hasTerminator(own, at: i) ? .own : nil
        case other:
            return hasTerminator(other, at: i) ? .other : nil
        case ASCII.slash:
            if hasTerminator(own, at: i + 1) { return .ownSelfClosing }
            if hasTerminator(other, at: i + 1) { return .otherSelfClosing }
            return nil
        case ASCII.closeBrace:
            return self[i + 1] == ASCII.closeBrace ? .bareBraces : nil
        case ASCII.openBrace:
            return shortcodeOpening(at: i) != nil ? .nextTag : nil
        default:
            return nil
        }
    }
}
