import Diagnostics

/// Matches closing tags to opening tags and nests the content between them.
///
/// Hugo decides from a shortcode's template whether it takes content; the parser cannot see
/// templates, so it decides from the text: a closing tag for N closes the nearest open N, and
/// every tag still open above it (or at the end of the body) simply has no content.
struct Pairing: TagTokenSink {
    /// An opening tag whose closing tag has not been seen yet, with what followed it so far.
    private struct Frame {
        var opening: Shortcode
        var segments: [ShortcodeSegment] = []
    }

    private var root: [ShortcodeSegment] = []
    private var stack: [Frame] = []
    private(set) var diagnostics: [Diagnostic] = []
    /// Opening tags past `Limits.shortcodeNesting`, by name, kept as text; their closing tags
    /// are kept as text too, without a message of their own.
    private var tooDeep: [String: Int] = [:]

    /// After the last token: tags still open have no closing tag.
    mutating func finish() -> (segments: [ShortcodeSegment], diagnostics: [Diagnostic]) {
        while !stack.isEmpty { closeWithoutContent() }
        return (root, diagnostics)
    }

    mutating func add(_ token: TagToken) {
        switch token {
        case .text(let range):
            append(.text(range))
        case .escaped(let literal, let range):
            append(.escaped(literal: literal, range: range))
        case .opening(let shortcode):
            if shortcode.isSelfClosing {
                append(.shortcode(shortcode))
            } else if stack.count >= Limits.shortcodeNesting {
                // Expanding recurses once per level: a page of thousands of nested tags would
                // overflow the stack. One message for the page, however many tags.
                if tooDeep.isEmpty {
                    diagnostics.append(Diagnostic(.error, at: shortcode.location,
                        "shortcodes are nested more than \(Limits.shortcodeNesting) deep here; close some before opening more"))
                }
                tooDeep[shortcode.name, default: 0] += 1
                append(.text(shortcode.range))
            } else {
                stack.append(Frame(opening: shortcode))
            }
        case .closing(let closing):
            close(closing)
        }
    }

    private mutating func close(_ closing: ClosingTag) {
        if let open = tooDeep[closing.name], open > 0 {
            tooDeep[closing.name] = open - 1
            append(.text(closing.range))
            return
        }
        guard let index = stack.lastIndex(where: { $0.opening.name == closing.name }) else {
            diagnostics.append(Diagnostic(
                .error, at: closing.location,
                "closing tag \(closing.form.openDelimiter) /\(closing.name) \(closing.form.closeDelimiter) "
                    + "has no matching opening tag"))
            // Keep its source as text so nothing silently disappears from the page.
            append(.text(closing.range))
            return
        }
        while stack.count > index + 1 { closeWithoutContent() }
        let frame = stack.removeLast()
        var shortcode = frame.opening
        shortcode.innerRange = shortcode.range.upperBound..<closing.range.lowerBound
        shortcode.range = shortcode.range.lowerBound..<closing.range.upperBound
        shortcode.inner = frame.segments
        append(.shortcode(shortcode))
    }

    /// The top tag turns out to have no closing tag: it becomes a single tag and what was
    /// collected after it moves up to its parent, in order.
    private mutating func closeWithoutContent() {
        let frame = stack.removeLast()
        append(.shortcode(frame.opening))
        for segment in frame.segments { append(segment) }
    }

    /// Appends to the innermost open tag, joining touching text so callers see one run of text
    /// where the source has one.
    private mutating func append(_ segment: ShortcodeSegment) {
        if stack.isEmpty {
            Self.append(segment, to: &root)
        } else {
            Self.append(segment, to: &stack[stack.count - 1].segments)
        }
    }

    private static func append(_ segment: ShortcodeSegment, to segments: inout [ShortcodeSegment]) {
        if case .text(let new) = segment, case .text(let previous)? = segments.last,
           previous.upperBound == new.lowerBound {
            segments[segments.count - 1] = .text(previous.lowerBound..<new.upperBound)
        } else {
            segments.append(segment)
        }
    }
}
