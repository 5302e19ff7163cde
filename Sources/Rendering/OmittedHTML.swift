import CCmarkGFM

/// Where goldmark (Hugo, `unsafe = false`) writes `<!-- raw HTML omitted -->` twice for one HTML
/// block and cmark-gfm once: goldmark keeps the line that ends a `<script>`, `<pre>`, `<style>`,
/// `<textarea>`, comment, `<?…?>`, `<!DECL>` or CDATA block apart from the block's other lines, and
/// omits each part, when that line is not the first (goldmark 1.5.4, parser/html_block.go).
enum OmittedHTML {
    /// Gives each of these HTML blocks that has a separate closing line a second, empty HTML
    /// block after it, for which safe mode writes the second omission.
    static func splitClosingLines(_ blocks: [OpaquePointer]) {
        for block in blocks {
            guard let literal = cmark_node_get_literal(block), hasClosingLine(String(cString: literal)),
                  let closing = cmark_node_new(CMARK_NODE_HTML_BLOCK) else { continue }
            _ = cmark_node_insert_after(block, closing)
        }
    }

    /// Whether the HTML block with this text (cmark's literal: all its lines) has such a
    /// separate closing line.
    static func hasClosingLine(_ literal: String) -> Bool {
        var lines = literal.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        if lines.last?.isEmpty == true { lines.removeLast() }
        guard lines.count > 1, let first = lines.first, let last = lines.last,
              let closing = closingPattern(first.drop { $0 == UInt8(ascii: " ") }) else { return false }
        // A block closed on its first line stops there; one that ran to the end of its
        // container without closing has no closing line.
        return !contains(first, closing.pattern, caseless: closing.caseless)
            && contains(last, closing.pattern, caseless: closing.caseless)
    }

    /// The text that ends a block of kinds 1 to 5 of CommonMark, as goldmark matches them (with
    /// `<textarea>` among kind 1), from the block's first line without its indent.
    private static func closingPattern(_ line: Substring.UTF8View) -> (pattern: [UInt8], caseless: Bool)? {
        let bytes = Array(line)
        func starts(_ prefix: String) -> Bool { bytes.starts(with: prefix.utf8) }
        if starts("<!--") { return (Array("-->".utf8), false) }
        if starts("<?") { return (Array("?>".utf8), false) }
        if starts("<![CDATA[") { return (Array("]]>".utf8), false) }
        if bytes.count > 2, starts("<!"), (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(bytes[2]) { return (Array(">".utf8), false) }
        for tag in ["script", "pre", "style", "textarea"] {
            let open = Array(("<" + tag).utf8)
            guard bytes.count >= open.count, zip(bytes, open).allSatisfy({ lower($0) == $1 }) else { continue }
            // The tag name must end there: a space, `>`, `/>` or the end of the line.
            let after = bytes.dropFirst(open.count)
            if let next = after.first, next != UInt8(ascii: " "), next != UInt8(ascii: "\t"), next != UInt8(ascii: ">"),
               !after.starts(with: "/>".utf8) { continue }
            return (Array(("</" + tag + ">").utf8), true)
        }
        return nil
    }

    private static func contains(_ line: Substring.UTF8View, _ pattern: [UInt8], caseless: Bool) -> Bool {
        let bytes = Array(line)
        guard bytes.count >= pattern.count else { return false }
        return (0...(bytes.count - pattern.count)).contains { start in
            (0..<pattern.count).allSatisfy { (caseless ? lower(bytes[start + $0]) : bytes[start + $0]) == pattern[$0] }
        }
    }

    private static func lower(_ byte: UInt8) -> UInt8 {
        (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) ? byte + 32 : byte
    }
}
