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

/// Heading attributes in goldmark's syntax, `## Title {#custom-id .class key="value"}`, which
/// cmark-gfm does not know: read from the heading's source line, where typographic quotes have not
/// yet replaced the straight ones, then cut from the heading's text.
struct HeadingAttributes: Equatable {
    /// The attributes in the order written, classes joined into one `class` where the first was.
    var list: [(name: String, value: String)] = []
    /// The heading's source text without the attribute block.
    var rawText: Substring = ""

    var id: String? { list.first { $0.name == "id" }?.value }

    static func == (a: HeadingAttributes, b: HeadingAttributes) -> Bool {
        a.rawText == b.rawText && a.list.map(\.name) == b.list.map(\.name) && a.list.map(\.value) == b.list.map(\.value)
    }

    /// Goldmark's filter for heading attributes: the global HTML attributes and `data-*`, so an
    /// `onclick` is dropped rather than written.
    static let allowed: Set<String> = [
        "accesskey", "autocapitalize", "autofocus", "class", "contenteditable", "dir", "draggable", "enterkeyhint",
        "hidden", "id", "inert", "inputmode", "is", "itemid", "itemprop", "itemref", "itemscope", "itemtype", "lang",
        "part", "role", "slot", "spellcheck", "style", "tabindex", "title", "translate",
    ]

    /// The attribute block that ends a heading's source text, if it is one; anything else in
    /// braces is text, as in goldmark.
    static func parse(_ raw: String) -> HeadingAttributes? {
        var text = Substring(raw)
        while text.last == " " || text.last == "\t" { text.removeLast() }
        guard text.last == "}", let open = text.lastIndex(of: "{") else { return nil }
        var rest = text[text.index(after: open)..<text.index(before: text.endIndex)]
        var result = HeadingAttributes()
        func name(_ s: inout Substring) -> Substring? {
            let n = s.prefix { $0.isLetter || $0.isNumber || "_:.-".contains($0) }
            guard !n.isEmpty else { return nil }
            s = s.dropFirst(n.count)
            return n
        }
        func add(_ key: String, _ value: String) {
            if key == "class", let i = result.list.firstIndex(where: { $0.name == "class" }) {
                result.list[i].value += " " + value
            } else if let i = result.list.firstIndex(where: { $0.name == key }) {
                result.list[i].value = value
            } else {
                result.list.append((key, value))
            }
        }
        while true {
            rest = rest.drop { $0 == " " || $0 == "\t" }
            guard let first = rest.first else { break }
            if first == "#" || first == "." {
                rest = rest.dropFirst()
                let value = rest.prefix { $0 != " " && $0 != "\t" }
                guard !value.isEmpty else { return nil }
                rest = rest.dropFirst(value.count)
                add(first == "#" ? "id" : "class", String(value))
                continue
            }
            guard let key = name(&rest), rest.first == "=" else { return nil }
            rest = rest.dropFirst()
            let value: Substring
            if let quote = rest.first, quote == "\"" || quote == "'" {
                guard let close = rest.dropFirst().firstIndex(of: quote) else { return nil }
                value = rest[rest.index(after: rest.startIndex)..<close]
                rest = rest[rest.index(after: close)...]
            } else {
                value = rest.prefix { $0 != " " && $0 != "\t" }
                guard !value.isEmpty else { return nil }
                rest = rest.dropFirst(value.count)
            }
            let lower = key.lowercased()
            if allowed.contains(lower) || lower.hasPrefix("data-") { add(lower, String(value)) }
        }
        var before = text[..<open]
        while before.last == " " || before.last == "\t" { before.removeLast() }
        result.rawText = before
        return result
    }

    /// Cuts the attribute block, from its `{`, off the end of the heading's inline nodes (a value
    /// such as `title="a <b>"` may have been parsed into several); false when no text node holds
    /// the brace (a code span swallowed it).
    static func cut(from heading: OpaquePointer) -> Bool {
        var after: [OpaquePointer] = []
        var node = cmark_node_last_child(heading)
        while let current = node {
            if cmark_node_get_type(current) == CMARK_NODE_TEXT, let pointer = cmark_node_get_literal(current) {
                let literal = String(cString: pointer)
                if let open = literal.lastIndex(of: "{") {
                    var rest = literal[..<open]
                    while rest.last == " " || rest.last == "\t" { rest.removeLast() }
                    _ = cmark_node_set_literal(current, String(rest))
                    for node in after { cmark_node_free(node) }  // unlinks it too
                    return true
                }
            }
            after.append(current)
            node = cmark_node_previous(current)
        }
        return false
    }

    /// The opening tag's attributes, `id` where it was written or, generated, last, as goldmark
    /// writes them.
    func html(generatedID: String?) -> String {
        var list = self.list
        if let generatedID, !list.contains(where: { $0.name == "id" }) { list.append(("id", generatedID)) }
        return list.map { " \($0.name)=\"\(HTML.escapeAttribute($0.value))\"" }.joined()
    }
}
