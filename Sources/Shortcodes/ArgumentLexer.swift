import Basics
/// Lexing of a tag's arguments and of the terminator that ends the tag.

/// How an argument list ended.
enum ArgumentsEnd {
    /// The tag ends just before `end`.
    case end(Int, selfClosing: Bool)
    case unterminated
}

/// Whether the tag has committed to positional or named arguments (Hugo forbids mixing).
private enum ArgumentKind {
    case undecided, positional, named
}

/// A quoted, raw or bare value, or the reason there is none.
private enum ValueLex {
    case value(String)
    /// A string was left open; the problem is recorded and `pos` was moved somewhere sensible.
    case failed
    /// Nothing follows where a value was expected.
    case missing
}

extension TagLexer {
    /// Reads arguments until the terminator. `subject` names the tag in messages; `checkKinds`
    /// is off when the arguments are thrown away anyway (closing tags, nameless tags), so one
    /// mistake yields one message.
    mutating func lexArguments(into arguments: inout ShortcodeArguments, subject: TagSubject,
                               checkKinds: Bool) -> ArgumentsEnd {
        var kind = ArgumentKind.undecided
        var mixReported = !checkKinds

        func note(_ new: ArgumentKind, at offset: Int, problems: inout [Problem]) {
            if kind == .undecided {
                kind = new
            } else if kind != new && !mixReported {
                mixReported = true
                problems.append(Problem(
                    offset: offset,
                    message: "\(subject) mixes positional and named arguments; use only one kind"))
            }
        }

        while true {
            skipWhitespace()
            if pos >= bytes.count {
                if !endOfTextExplained {
                    problems.append(Problem(
                        offset: start,
                        message: "\(subject) is not closed: expected \(form.closeDelimiter) before the end of the text"))
                }
                return .unterminated
            }
            if let stop = bytes.tagStop(at: pos, form: form) {
                return finish(at: stop, subject: subject)
            }

            let argumentStart = pos
            switch bytes[pos] {
            case ASCII.quote, ASCII.backtick:
                if case .value(let value) = lexValue(named: false, subject: subject) {
                    note(.positional, at: argumentStart, problems: &problems)
                    arguments.positional.append(value)
                }
            case ASCII.equals:
                problems.append(Problem(
                    offset: pos, message: "\(subject) has \"=\" without an argument name before it"))
                pos += 1
                skipWhitespace()
                _ = lexValue(named: true, subject: subject)
            default:
                let word = lexBareWord(stopAtEquals: true)
                let afterWord = pos
                skipWhitespace()
                guard bytes[pos] == ASCII.equals else {
                    pos = afterWord
                    note(.positional, at: argumentStart, problems: &problems)
                    arguments.positional.append(word)
                    continue
                }
                let equals = pos
                pos += 1
                skipWhitespace()
                switch lexValue(named: true, subject: subject) {
                case .value(let value):
                    note(.named, at: argumentStart, problems: &problems)
                    arguments.named.append((key: word, value: value))
                case .missing:
                    problems.append(Problem(
                        offset: equals, message: "named argument \"\(word)\" of \(subject) has no value after \"=\""))
                case .failed:
                    break
                }
            }
        }
    }

    /// Ends the tag at a stop sequence, reporting the wrong-terminator and next-tag cases.
    private mutating func finish(at stop: TagStop, subject: TagSubject) -> ArgumentsEnd {
        switch stop {
        case .own, .ownSelfClosing:
            return .end(pos + stop.length, selfClosing: stop.isSelfClosing)
        case .other, .otherSelfClosing, .bareBraces:
            let found = bytes.string(pos..<pos + stop.length)
            problems.append(Problem(
                offset: pos,
                message: "\(subject) opened with \(form.openDelimiter) must end with \(form.closeDelimiter), not \(found)"))
            // Clearly meant as the end: take it as such so the rest of the page parses normally.
            return .end(pos + stop.length, selfClosing: stop.isSelfClosing)
        case .nextTag:
            problems.append(Problem(
                offset: start,
                message: "\(subject) is not closed: expected \(form.closeDelimiter) before the next shortcode tag"))
            return .unterminated
        }
    }

    /// A value at `pos`: quoted, raw, or bare. Bare named values run to whitespace (as in Hugo,
    /// so `url=a?b=c` keeps its "="); bare positional words also stop at "=" to find keys.
    private mutating func lexValue(named: Bool, subject: TagSubject) -> ValueLex {
        if pos >= bytes.count || bytes.tagStop(at: pos, form: form) != nil { return .missing }
        switch bytes[pos] {
        case ASCII.quote: return lexQuoted(subject: subject)
        case ASCII.backtick: return lexRaw(subject: subject)
        default: return .value(lexBareWord(stopAtEquals: !named))
        }
    }

    private mutating func lexBareWord(stopAtEquals: Bool) -> String {
        let wordStart = pos
        while pos < bytes.count && !bytes.isWhitespace(at: pos) {
            if stopAtEquals && bytes[pos] == ASCII.equals { break }
            if bytes.tagStop(at: pos, form: form) != nil { break }
            pos += 1
        }
        return bytes.string(wordStart..<pos)
    }

    /// `"..."` with `\"` and `\\` escapes; other backslashes stay as written, so Windows paths
    /// and regexes need no doubling. Like Hugo, a quoted string cannot span lines.
    private mutating func lexQuoted(subject: TagSubject) -> ValueLex {
        let open = pos
        var p = open + 1
        var unescaped: [UInt8]?  // only built when an escape is seen; most strings are slices
        var segmentStart = p
        while p < bytes.count {
            let b = bytes[p]
            if b == ASCII.quote {
                let value: String
                if var buffer = unescaped {
                    buffer.append(contentsOf: UnsafeBufferPointer(rebasing: bytes.base[segmentStart..<p]))
                    value = String(decoding: buffer, as: UTF8.self)
                } else {
                    value = bytes.string(open + 1..<p)
                }
                pos = p + 1
                return .value(value)
            }
            if b == ASCII.newline { break }
            if b == ASCII.backslash && (bytes[p + 1] == ASCII.quote || bytes[p + 1] == ASCII.backslash) {
                var buffer = unescaped ?? []
                buffer.append(contentsOf: UnsafeBufferPointer(rebasing: bytes.base[segmentStart..<p]))
                buffer.append(bytes[p + 1])
                unescaped = buffer
                p += 2
                segmentStart = p
                continue
            }
            p += 1
        }
        problems.append(Problem(
            offset: open,
            message: "the quoted value in \(subject) is never closed: add the closing \" on the same line (for a value over several lines, use `backticks` instead of quotes)"))
        recoverFromOpenString(openedAt: open, lineEnd: p, resumeAfterLine: true)
        return .failed
    }

    /// `` `...` ``: taken exactly as written, newlines and quotes included.
    private mutating func lexRaw(subject: TagSubject) -> ValueLex {
        let open = pos
        var p = open + 1
        while p < bytes.count && bytes[p] != ASCII.backtick { p += 1 }
        if p < bytes.count {
            pos = p + 1
            return .value(bytes.string(open + 1..<p))
        }
        problems.append(Problem(
            offset: open, message: "unterminated raw string in \(subject): missing the closing backtick"))
        // A raw string may span lines, so an open one ran to the end of the text: there is no
        // later line on which the tag could sensibly go on.
        recoverFromOpenString(openedAt: open, lineEnd: bytes.lineEnd(from: open), resumeAfterLine: false)
        return .failed
    }

    /// Guesses where an unclosed string was meant to end. A terminator later on the same line
    /// is most likely the tag's end (`{{< x "oops >}}`); otherwise, when allowed, the string is
    /// taken to end with its line. Else the tag is lost, and the string's problem says why.
    private mutating func recoverFromOpenString(openedAt open: Int, lineEnd: Int, resumeAfterLine: Bool) {
        var p = open + 1
        while p < lineEnd {
            if bytes.hasTerminator(form.closeByte, at: p) {
                pos = bytes[p - 1] == ASCII.slash && p - 1 > open ? p - 1 : p
                return
            }
            p += 1
        }
        pos = resumeAfterLine ? lineEnd : bytes.count
        if pos >= bytes.count { endOfTextExplained = true }
    }
}
