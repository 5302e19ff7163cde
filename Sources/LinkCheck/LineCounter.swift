#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Turns increasing byte offsets into 1-based line and column (columns in Unicode scalars, as in
/// Diagnostics). Links arrive in document order, so each byte is looked at once per page instead of
/// building a line table for files whose links may all be fine.
struct LineCounter {
    private let bytes: UnsafeBufferPointer<UInt8>
    private var offset = 0
    private var line = 1
    // Column of `offset`, kept rather than recounted so minified one-line pages stay linear.
    private var column = 1

    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    mutating func position(of target: Int) -> (line: Int, column: Int) {
        precondition(target >= offset, "offsets must not go backwards")
        guard let base = bytes.baseAddress, target > offset else { return (line, column) }
        var i = offset
        // Newlines are found with memchr (vectorised); only the last line's bytes are counted.
        while let newline = memchr(base + i, 0x0A, target - i) {
            line += 1
            column = 1
            i = base.distance(to: newline.assumingMemoryBound(to: UInt8.self)) + 1
        }
        while i < target {
            if bytes[i] & 0xC0 != 0x80 { column += 1 }
            i += 1
        }
        offset = target
        return (line, column)
    }
}
