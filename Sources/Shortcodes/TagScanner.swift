import Basics
import Diagnostics

/// A closing tag, kept until pairing finds (or fails to find) its opening tag.
struct ClosingTag {
    var name: String
    var form: ShortcodeForm
    var range: Range<Int>
    var location: SourceLocation
}

/// The body as a flat run of pieces, before closing tags are matched to opening ones.
enum TagToken {
    case text(Range<Int>)
    case escaped(literal: String, range: Range<Int>)
    /// An opening or single tag; `inner` is still nil.
    case opening(Shortcode)
    case closing(ClosingTag)
}

/// Receives tokens in source order. Pairing consumes them as they come, so no intermediate
/// token list is built and copied.
protocol TagTokenSink {
    mutating func add(_ token: TagToken)
}

/// Walks the body from one `{{` to the next, lexing each tag and leaving everything between
/// as text. Only tags and problems get a line and column, so plain prose costs one byte scan.
struct TagScanner<Sink: TagTokenSink> {
    /// Where scanning goes on after a tag.
    private enum Resume {
        /// The tag became a token ending at this offset.
        case after(Int)
        /// The tag ends here but its source stays part of the surrounding text.
        case afterAsText(Int)
        /// The tag has no end: its `{{` is text and the search goes on just past it.
        case abandoned
    }

    let bytes: ByteView
    let file: String
    let startLine: Int
    private var tracker: LineCounter
    private(set) var sink: Sink
    private(set) var diagnostics: [Diagnostic] = []

    init(bytes: ByteView, file: String, startLine: Int, sink: Sink) {
        self.bytes = bytes
        self.file = file
        self.startLine = startLine
        self.tracker = LineCounter(bytes.base)
        self.sink = sink
    }

    mutating func scan() {
        var textStart = 0
        var i = 0
        while let brace = nextDoubleBrace(from: i) {
            guard let (form, afterDelimiter) = bytes.shortcodeOpening(at: brace) else {
                // `{{ .Title }}` and the like: text. Step one byte so `{{{<` still finds its tag.
                i = brace + 1
                continue
            }
            let resume: Resume
            if bytes[afterDelimiter] == ASCII.slash && bytes[afterDelimiter + 1] == ASCII.star {
                resume = scanEscaped(at: brace, form: form, afterDelimiter: afterDelimiter, textStart: textStart)
            } else {
                resume = scanTag(at: brace, form: form, afterDelimiter: afterDelimiter, textStart: textStart)
            }
            switch resume {
            case .after(let end):
                i = end
                textStart = end
            case .afterAsText(let end):
                i = end
            case .abandoned:
                i = brace + 2
            }
        }
        if textStart < bytes.count { sink.add(.text(textStart..<bytes.count)) }
    }

    private func nextDoubleBrace(from start: Int) -> Int? {
        let base = bytes.base
        var i = start
        let last = base.count - 1
        while i < last {
            if base[i] == ASCII.openBrace {
                if base[i + 1] == ASCII.openBrace { return i }
                i += 2
            } else {
                i += 1
            }
        }
        return nil
    }

    /// `{{</* name "x" */>}}`: Hugo prints it with the comment markers removed and nothing else
    /// touched, which is how docs show shortcode syntax.
    private mutating func scanEscaped(at brace: Int, form: ShortcodeForm, afterDelimiter: Int,
                                      textStart: Int) -> Resume {
        let contentStart = afterDelimiter + 2
        var p = contentStart
        while p < bytes.count {
            if bytes[p] == ASCII.star && bytes[p + 1] == ASCII.slash
                && bytes.hasTerminator(form.closeByte, at: p + 2) {
                var literal = Array(UnsafeBufferPointer(rebasing: bytes.base[brace..<afterDelimiter]))
                literal.append(contentsOf: UnsafeBufferPointer(rebasing: bytes.base[contentStart..<p]))
                literal.append(contentsOf: form.closeDelimiter.utf8)
                let end = p + 2 + 3
                flushText(textStart..<brace)
                sink.add(.escaped(literal: String(decoding: literal, as: UTF8.self), range: brace..<end))
                return .after(end)
            }
            p += 1
        }
        let opener = bytes.string(brace..<afterDelimiter) + "/*"
        report([Problem(offset: brace,
                        message: "escaped shortcode \(opener) is not closed: expected */\(form.closeDelimiter)")])
        return .abandoned
    }

    /// Lexes an ordinary tag.
    private mutating func scanTag(at brace: Int, form: ShortcodeForm, afterDelimiter: Int,
                                  textStart: Int) -> Resume {
        var lexer = TagLexer(bytes: bytes, form: form, start: brace, afterDelimiter: afterDelimiter)
        let outcome = lexer.lex()
        // The tag's own position first: problems all lie at or after it, so the tracker only
        // moves forward.
        let location = self.location(of: brace)
        report(lexer.problems)

        switch outcome {
        case .opening(let name, let arguments, let end, let isSelfClosing):
            flushText(textStart..<brace)
            var shortcode = Shortcode(name: name, arguments: arguments, form: form, location: location,
                                      range: brace..<end, isSelfClosing: isSelfClosing)
            shortcode.isFaulty = !lexer.problems.isEmpty
            sink.add(.opening(shortcode))
            return .after(end)
        case .closing(let name, let end):
            flushText(textStart..<brace)
            sink.add(.closing(ClosingTag(name: name, form: form, range: brace..<end, location: location)))
            return .after(end)
        case .unusable(let end):
            return .afterAsText(end)
        case .unterminated:
            return .abandoned
        }
    }

    private mutating func flushText(_ range: Range<Int>) {
        if !range.isEmpty { sink.add(.text(range)) }
    }

    private mutating func location(of offset: Int) -> SourceLocation {
        let (line, column) = tracker.position(of: offset)
        return SourceLocation(file: file, line: startLine + line - 1, column: column)
    }

    private mutating func report(_ problems: [Problem]) {
        if problems.isEmpty { return }
        for problem in problems.sorted(by: { $0.offset < $1.offset }) {
            diagnostics.append(Diagnostic(.error, at: location(of: problem.offset), problem.message))
        }
    }
}
