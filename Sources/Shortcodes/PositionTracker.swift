/// Turns UTF-8 offsets into 1-based line and column (columns count Unicode scalars).
///
/// Tags are visited front to back, so the tracker walks forward from the last answer instead of
/// indexing every line of the body up front: a page without shortcodes costs nothing, and a page
/// with many costs one pass. A backward query (rare: only after a broken tag was abandoned)
/// restarts from the top, which keeps it correct without making the common path slower.
struct PositionTracker {
    private let bytes: ByteView
    private var offset = 0
    private var line = 1
    private var column = 1

    init(_ bytes: ByteView) {
        self.bytes = bytes
    }

    mutating func position(of target: Int) -> (line: Int, column: Int) {
        if target < offset {
            offset = 0
            line = 1
            column = 1
        }
        let end = min(target, bytes.count)
        let base = bytes.base
        // Lines first, then columns only over the last line: far less work than counting
        // scalars across every line the tracker passes.
        var lineStart = offset
        var i = offset
        while i < end {
            if base[i] == ASCII.newline {
                line += 1
                lineStart = i + 1
            }
            i += 1
        }
        if lineStart != offset { column = 1 }
        i = lineStart
        while i < end {
            // Continuation bytes (10xxxxxx) belong to the scalar already counted.
            if base[i] & 0xC0 != 0x80 { column += 1 }
            i += 1
        }
        offset = end
        return (line, column)
    }
}
