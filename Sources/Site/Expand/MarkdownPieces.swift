import Diagnostics

/// Where each piece of the Markdown that shortcode expansion puts together came from, so that a
/// problem cmark-gfm's side finds at a line of that Markdown (a code block it could not
/// highlight) points at the line of the page: text copied from the page keeps its lines, text a
/// shortcode made points at the shortcode. Lines are only counted when a problem is found.
struct MarkdownPieces {
    enum Origin {
        /// Copied from this byte offset of the page's text.
        case body(Int)
        /// Made by a shortcode on this line.
        case line(Int)
    }

    private var pieces: [(start: Int, origin: Origin)] = []

    /// The piece about to be appended to `markdown` comes from `origin`.
    mutating func mark(_ markdown: String, _ origin: Origin) {
        pieces.append((markdown.utf8.count, origin))
    }

    /// The page's line for line `line` of `markdown`; `firstLine` is the line `body` starts on.
    func sourceLine(of line: Int, in markdown: String, body: [UInt8], firstLine: Int) -> Int {
        let offset = Self.offset(ofLine: line, in: markdown)
        guard let piece = pieces.last(where: { $0.start <= offset }) else { return firstLine }
        switch piece.origin {
        case .line(let line): return line
        case .body(let start):
            return body.withUnsafeBufferPointer { bytes in
                var counter = LineCounter(bytes)
                return firstLine - 1 + counter.position(of: start + offset - piece.start).line
            }
        }
    }

    /// The byte offset where 1-based line `line` starts.
    private static func offset(ofLine line: Int, in markdown: String) -> Int {
        guard line > 1 else { return 0 }
        var seen = 1
        for (i, byte) in markdown.utf8.enumerated() where byte == UInt8(ascii: "\n") {
            seen += 1
            if seen == line { return i + 1 }
        }
        return markdown.utf8.count
    }
}
