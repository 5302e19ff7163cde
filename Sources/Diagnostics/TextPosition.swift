/// Converts UTF-8 offsets of a text into line and column, counting columns in Unicode scalars.
/// Built once per text so that many lookups stay cheap.
public struct LineIndex: Sendable {
    private let lineStarts: [Int]  // UTF-8 offset at which each line starts
    private let utf8: [UInt8]

    public init(_ text: String) {
        let bytes = Array(text.utf8)
        var starts = [0]
        for (i, b) in bytes.enumerated() where b == UInt8(ascii: "\n") { starts.append(i + 1) }
        self.lineStarts = starts
        self.utf8 = bytes
    }

    /// 1-based line and column of a UTF-8 offset.
    public func position(ofUTF8Offset offset: Int) -> (line: Int, column: Int) {
        var lo = 0, hi = lineStarts.count - 1
        while lo < hi {
            let mid = (lo + hi + 1) / 2
            if lineStarts[mid] <= offset { lo = mid } else { hi = mid - 1 }
        }
        let start = lineStarts[lo]
        var column = 1
        var i = start
        let end = min(offset, utf8.count)
        while i < end {
            // Count only the first byte of each scalar (continuation bytes are 10xxxxxx).
            if utf8[i] & 0xC0 != 0x80 { column += 1 }
            i += 1
        }
        return (lo + 1, column)
    }
}
