import Diagnostics

/// Where each value of a parsed document starts, recorded while parsing so that looking up
/// the position of a reported error needs no second pass over the text.
///
/// Values are stored in document (pre-)order. A container's descendants follow it directly and
/// `end` is the index just past its last descendant, so the k-th child is found by hopping
/// from one sibling's `end` to the next without any per-child table.
struct PositionTable: Sendable {
    struct Entry: Sendable {
        /// Byte offset of the value's first character.
        var valueOffset: Int32
        /// Byte offset of the member's key (its opening quote), or -1 outside objects.
        var keyOffset: Int32
        /// Index just past this value's last descendant.
        var end: Int32
    }

    var entries: [Entry] = []
    /// Byte offset at which each line starts. Raw newlines can only occur in whitespace (strings
    /// may not contain them unescaped), so the parser records them as it skips whitespace.
    var lineStarts: [Int32] = [0]

    /// Index of the `k`-th child of the container at `index`.
    func child(_ k: Int, of index: Int) -> Int {
        var i = index + 1
        for _ in 0..<k { i = Int(entries[i].end) }
        return i
    }
}

enum LineColumn {
    /// Line and column of a byte offset, given the starts of the lines the parser recorded: the
    /// table finds the line, the shared counter the column.
    static func position(of offset: Int, in bytes: UnsafeBufferPointer<UInt8>, lineStarts: [Int32]) -> TextPosition {
        var lo = 0, hi = lineStarts.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if Int(lineStarts[mid]) <= offset { lo = mid } else { hi = mid - 1 }
        }
        var start = Int(lineStarts[lo])
        // A byte-order mark is invisible in editors, so it does not count as a column.
        if lo == 0, bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF, offset >= 3 { start = 3 }
        var counter = LineCounter(bytes, offset: start, line: lo + 1)
        let (line, column) = counter.position(of: offset)
        return TextPosition(line: line, column: column, offset: offset)
    }
}
