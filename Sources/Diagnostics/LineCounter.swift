/// Turns byte offsets of a UTF-8 text into 1-based line and column, columns counting Unicode
/// scalars (what editors show). The one converter of docgen: shortcode tags, links in HTML and
/// JSON errors all ask it. Offsets usually arrive in increasing order, so it walks forward from
/// its last answer instead of indexing every line up front: a text with no question costs
/// nothing, a text with many costs one pass. A backward question (rare: after a broken tag was
/// abandoned) restarts from where the counter began, which keeps it correct without slowing the
/// common path.
///
/// Bytes are looked at sixteen at a time: this runs over every byte of every page that
/// `docgen build --check` writes, and a byte at a time it was a fifth of the check's cost.
public struct LineCounter {
    private let bytes: UnsafeBufferPointer<UInt8>
    private let start: (offset: Int, line: Int)
    private var offset: Int
    private var line: Int
    // Column of `offset`, kept rather than recounted so minified one-line pages stay linear.
    private var column = 1

    /// A counter over `bytes`, which begins at `offset`, the start of line `line` (for callers
    /// that already know where the lines start; by default the start of the text).
    public init(_ bytes: UnsafeBufferPointer<UInt8>, offset: Int = 0, line: Int = 1) {
        self.bytes = bytes
        self.start = (offset, line)
        self.offset = offset
        self.line = line
    }

    /// The line and column of byte `target`; offsets past the end count as the end.
    public mutating func position(of target: Int) -> (line: Int, column: Int) {
        let target = min(target, bytes.count)
        if target < offset {
            (offset, line, column) = (start.offset, start.line, 1)
            if target < offset { return (line, column) }
        }
        guard let base = bytes.baseAddress, target > offset else { return (line, column) }
        let raw = UnsafeRawPointer(base)
        let newlines = Self.newlines(raw, from: offset, to: target)
        var lineStart = offset
        if newlines > 0 {
            line += newlines
            column = 1
            lineStart = Self.lastNewline(raw, from: offset, to: target) + 1
        }
        column += target - lineStart - Self.continuationBytes(raw, from: lineStart, to: target)
        offset = target
        return (line, column)
    }

    private static func newlines(_ raw: UnsafeRawPointer, from start: Int, to end: Int) -> Int {
        let newline = SIMD16<UInt8>(repeating: 0x0A)
        var total = 0
        var i = start
        while i + 16 <= end {
            // Each matching lane is all ones, so subtracting the mask adds one; flushed before a
            // lane could pass 255.
            var counts = SIMD16<UInt8>()
            var rounds = 0
            while i + 16 <= end, rounds < 255 {
                counts &-= unsafeBitCast(raw.loadUnaligned(fromByteOffset: i, as: SIMD16<UInt8>.self) .== newline, to: SIMD16<UInt8>.self)
                i += 16
                rounds += 1
            }
            total += Self.sum(counts)
        }
        while i < end {
            if raw.load(fromByteOffset: i, as: UInt8.self) == 0x0A { total += 1 }
            i += 1
        }
        return total
    }

    /// UTF-8 continuation bytes (10xxxxxx), which do not start a Unicode scalar.
    private static func continuationBytes(_ raw: UnsafeRawPointer, from start: Int, to end: Int) -> Int {
        var total = 0
        var i = start
        let high = SIMD16<UInt8>(repeating: 0xC0), continuation = SIMD16<UInt8>(repeating: 0x80)
        while i + 16 <= end {
            var counts = SIMD16<UInt8>()
            var rounds = 0
            while i + 16 <= end, rounds < 255 {
                let v = raw.loadUnaligned(fromByteOffset: i, as: SIMD16<UInt8>.self)
                counts &-= unsafeBitCast(v & high .== continuation, to: SIMD16<UInt8>.self)
                i += 16
                rounds += 1
            }
            total += Self.sum(counts)
        }
        while i < end {
            if raw.load(fromByteOffset: i, as: UInt8.self) & 0xC0 == 0x80 { total += 1 }
            i += 1
        }
        return total
    }

    /// The sum of the sixteen byte counts, in two 64-bit words: pairs of bytes are added into
    /// 16-bit lanes, which a multiplication then adds up (converting the vector lane by lane
    /// compiled to sixteen separate additions).
    @inline(__always)
    private static func sum(_ counts: SIMD16<UInt8>) -> Int {
        let words = unsafeBitCast(counts, to: SIMD2<UInt64>.self)
        let pairs = (words & 0x00FF_00FF_00FF_00FF) &+ ((words &>> 8) & 0x00FF_00FF_00FF_00FF)
        let sums = (pairs &* 0x0001_0001_0001_0001) &>> 48
        return Int(sums[0] &+ sums[1])
    }

    /// The offset of the last newline in the range, which has one.
    private static func lastNewline(_ raw: UnsafeRawPointer, from start: Int, to end: Int) -> Int {
        let newline = SIMD16<UInt8>(repeating: 0x0A)
        var i = end
        while i - 16 >= start {
            let halves = unsafeBitCast(raw.loadUnaligned(fromByteOffset: i - 16, as: SIMD16<UInt8>.self) .== newline,
                                       to: SIMD2<UInt64>.self)
            // Little-endian: the highest set byte of a half is its last newline.
            if halves[1] != 0 { return i - 1 - halves[1].leadingZeroBitCount / 8 }
            if halves[0] != 0 { return i - 16 - 1 + 8 - halves[0].leadingZeroBitCount / 8 }
            i -= 16
        }
        while i > start {
            i -= 1
            if raw.load(fromByteOffset: i, as: UInt8.self) == 0x0A { return i }
        }
        preconditionFailure("no newline in the range")
    }
}
