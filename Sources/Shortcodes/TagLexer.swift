import Basics
/// A mistake found while lexing, at a UTF-8 offset; the scanner turns it into a `Diagnostic`
/// once it knows where the tag sits, so the lexer needs no line bookkeeping.
struct Problem {
    var offset: Int
    var message: String
}

/// What one tag turned out to be.
enum TagLexOutcome {
    /// An opening or single tag ending at `end`; pairing decides later whether it has content.
    case opening(name: String, arguments: ShortcodeArguments, end: Int, isSelfClosing: Bool)
    case closing(name: String, end: Int)
    /// A tag too broken to call anything (it has no name); its source stays text.
    case unusable(end: Int)
    /// No end was found; the caller keeps the `{{` as text and looks for the next tag, so one
    /// missing `>}}` does not swallow the rest of the page.
    case unterminated
}

/// Lexes one tag, from just after its `<` or `%` up to its terminator.
struct TagLexer {
    let bytes: ByteView
    let form: ShortcodeForm
    /// Offset of the tag's `{{`, where "not closed" problems are reported.
    let start: Int
    var pos: Int
    var problems: [Problem] = []
    /// Set once a string ran to the end of the text: its problem already explains why the tag
    /// has no end, so a second "not closed" message would only be noise.
    var endOfTextExplained = false

    init(bytes: ByteView, form: ShortcodeForm, start: Int, afterDelimiter: Int) {
        self.bytes = bytes
        self.form = form
        self.start = start
        self.pos = afterDelimiter
    }

    mutating func lex() -> TagLexOutcome {
        skipWhitespace()
        var isClosing = false
        if bytes[pos] == ASCII.slash && bytes.tagStop(at: pos, form: form) == nil {
            isClosing = true
            pos += 1
            skipWhitespace()
        }

        let nameStart = pos
        let name = lexName()
        if name.isEmpty {
            // Still find where it ends, so its text can be kept and scanning resumes after it.
            var ignored = ShortcodeArguments()
            switch lexArguments(into: &ignored, subject: .nameless, checkKinds: false) {
            case .end(let end, _):
                let what = isClosing ? "closing tag \(form.openDelimiter) /" : "shortcode tag \(form.openDelimiter)"
                problems.append(Problem(offset: nameStart, message: "\(what) has no shortcode name"))
                return .unusable(end: end)
            case .unterminated:
                // A stray `{{<` with nothing after it: "not closed" alone says it best.
                return .unterminated
            }
        }

        if isClosing {
            return lexClosingRest(name: name)
        }
        var arguments = ShortcodeArguments()
        switch lexArguments(into: &arguments, subject: .shortcode(name), checkKinds: true) {
        case .end(let end, let selfClosing):
            return .opening(name: name, arguments: arguments, end: end, isSelfClosing: selfClosing)
        case .unterminated:
            return .unterminated
        }
    }

    /// After `/name`: only the terminator may follow.
    private mutating func lexClosingRest(name: String) -> TagLexOutcome {
        skipWhitespace()
        if pos < bytes.count && bytes.tagStop(at: pos, form: form) == nil {
            problems.append(Problem(
                offset: pos,
                message: "closing tag \(form.openDelimiter) /\(name) \(form.closeDelimiter) cannot have arguments"))
        }
        var ignored = ShortcodeArguments()
        switch lexArguments(into: &ignored, subject: .closing(name), checkKinds: false) {
        case .end(let end, _): return .closing(name: name, end: end)
        case .unterminated: return .unterminated
        }
    }

    /// Reads a name up to whitespace, a quote or a stop sequence. Bad characters are reported
    /// but kept in the name, so the tag still pairs with its closing tag and errors do not cascade.
    private mutating func lexName() -> String {
        let nameStart = pos
        var firstInvalid: Int?
        var firstDot: Int?
        while pos < bytes.count {
            let b = bytes[pos]
            if bytes.isWhitespace(at: pos) || b == ASCII.quote || b == ASCII.backtick { break }
            if bytes.tagStop(at: pos, form: form) != nil { break }
            if b < 0x80 {
                if !NameCharacters.isASCIINameByte(b) && firstInvalid == nil { firstInvalid = pos }
                if b == ASCII.dot && firstDot == nil { firstDot = pos }
                pos += 1
            } else {
                let (scalar, length) = bytes.scalar(at: pos)
                if !NameCharacters.isNameScalar(scalar) && firstInvalid == nil { firstInvalid = pos }
                pos += length
            }
        }
        let name = bytes.string(nameStart..<pos)
        if let bad = firstInvalid {
            let character = String(bytes.scalar(at: bad).scalar)
            problems.append(Problem(
                offset: bad,
                message: "invalid character \"\(character)\" in shortcode name \"\(name)\"; "
                    + "names may contain letters, digits, \"-\", \"_\" and \"/\""))
        } else if let dot = firstDot, !Self.isInlineName(name) {
            // Hugo allows a period only in inline shortcode names ("name.inline").
            problems.append(Problem(
                offset: dot,
                message: "invalid character \".\" in shortcode name \"\(name)\"; "
                    + "a period is only allowed in inline shortcode names ending in \".inline\""))
        }
        return name
    }

    private static func isInlineName(_ name: String) -> Bool {
        name.hasSuffix(".inline") && name.utf8.filter { $0 == ASCII.dot }.count == 1 && name != ".inline"
    }

    mutating func skipWhitespace() {
        while bytes.isWhitespace(at: pos) { pos += 1 }
    }
}

/// Names the tag in messages. Kept as a value and only spelled out when a message is written,
/// because almost every tag is fine and building the text for each would be wasted work.
enum TagSubject: CustomStringConvertible {
    case shortcode(String)
    case closing(String)
    /// A tag whose name is missing.
    case nameless

    var description: String {
        switch self {
        case .shortcode(let name): return "shortcode \"\(name)\""
        case .closing(let name): return "closing tag \"/\(name)\""
        case .nameless: return "shortcode tag"
        }
    }
}
