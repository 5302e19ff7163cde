import CCmarkGFM

/// The text a heading's ID is made from, under each rule set.
enum HeadingSource {
    /// Hugo 0.110's basis: the raw Markdown of the heading's (last) line, with the ATX markers and
    /// closing sequence removed. Link destinations, backticks and HTML tags are part of it.
    static func rawText(of node: OpaquePointer, lines: SourceLines) -> String {
        let startLine = Int(cmark_node_get_start_line(node))
        let endLine = Int(cmark_node_get_end_line(node))
        let startColumn = Int(cmark_node_get_start_column(node))
        var line = lines.line(startLine, from: startColumn).drop { $0 == " " || $0 == "\t" }
        if line.first == "#" {
            line = line.drop { $0 == "#" }.drop { $0 == " " || $0 == "\t" }
            line = trimTrailingSpace(line)
            // An optional closing sequence of `#`s, when it stands alone after a space.
            let withoutHashes = line.reversed().drop { $0 == "#" }
            if withoutHashes.isEmpty {
                line = ""
            } else if withoutHashes.count < line.count, let last = withoutHashes.first, last == " " || last == "\t" {
                line = trimTrailingSpace(line.dropLast(line.count - withoutHashes.count))
            }
            return String(line)
        }
        // Setext heading: goldmark builds the ID from the last line of its text only, the line
        // above the underline. cmark's end line is not always the underline's: with a heading
        // right after, it is that heading's line.
        var underline = startLine + 1
        while underline < endLine, !isSetextUnderline(lines.line(underline)) { underline += 1 }
        let lastTextLine = max(startLine, underline - 1)
        let text = lastTextLine == startLine ? line : lines.line(lastTextLine).drop { $0 == " " || $0 == "\t" }
        return String(trimTrailingSpace(text))
    }

    /// The heading's text as a reader sees it: text and code spans, without markup.
    static func renderedText(of node: OpaquePointer) -> String {
        var text = ""
        let iterator = cmark_iter_new(node)
        defer { cmark_iter_free(iterator) }
        while true {
            let event = cmark_iter_next(iterator)
            if event == CMARK_EVENT_DONE { break }
            guard event == CMARK_EVENT_ENTER, let child = cmark_iter_get_node(iterator) else { continue }
            let type = cmark_node_get_type(child)
            if type == CMARK_NODE_TEXT || type == CMARK_NODE_CODE {
                if let literal = cmark_node_get_literal(child) { text += String(cString: literal) }
            } else if type == CMARK_NODE_SOFTBREAK || type == CMARK_NODE_LINEBREAK {
                text += " "
            }
        }
        return text
    }

    /// A line of `=` or of `-`, indented by up to three spaces, with spaces after it.
    private static func isSetextUnderline(_ line: Substring) -> Bool {
        let indent = line.prefix { $0 == " " }.count
        let marks = trimTrailingSpace(line.dropFirst(indent))
        guard indent < 4, let mark = marks.first, mark == "=" || mark == "-" else { return false }
        return marks.allSatisfy { $0 == mark }
    }

    private static func trimTrailingSpace(_ s: Substring) -> Substring {
        var s = s
        while let last = s.last, last == " " || last == "\t" { s.removeLast() }
        return s
    }
}

/// Heading attributes in Hugo's syntax, `## Title {#custom-id}`, which cmark-gfm does not know.
enum HeadingAttributes {
    /// Removes a trailing `{#id …}` from the heading's text and returns the ID.
    static func takeExplicitID(from heading: OpaquePointer) -> String? {
        guard let last = cmark_node_last_child(heading), cmark_node_get_type(last) == CMARK_NODE_TEXT,
              let literalPointer = cmark_node_get_literal(last) else { return nil }
        let literal = String(cString: literalPointer)
        guard literal.hasSuffix("}"), let open = literal.lastIndex(of: "{") else { return nil }
        let inside = literal[literal.index(after: open)..<literal.index(before: literal.endIndex)]
        let parts = inside.split(separator: " ")
        guard !parts.isEmpty, parts.allSatisfy({ $0.first == "#" || $0.first == "." || $0.contains("=") }),
              let idPart = parts.first(where: { $0.first == "#" && $0.count > 1 }) else { return nil }
        var rest = literal[..<open]
        while rest.last == " " { rest.removeLast() }
        _ = cmark_node_set_literal(last, String(rest))
        return String(idPart.dropFirst())
    }
}
