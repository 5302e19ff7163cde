import Basics

/// What takes the words of a text, one at a time, lower-cased, with the word's `WordHash`.
protocol WordSink {
    mutating func take(_ word: UnsafeBufferPointer<UInt8>, hash: WordHash)
}

/// A word's hash, computed while the word is read, so a lookup need not read it again. The first
/// sixteen bytes are packed into two numbers and the rest folded in by FNV-1a; two multiplies mix
/// them at the end. Packing is a shift and an or per byte, where FNV-1a's multiply per byte made
/// a chain of waits through every word of the site, and the tokenizer packs eight bytes at once.
/// A word of up to sixteen bytes is its two packed numbers (zero-padded: a word holds no zero
/// byte), so a lookup compares two numbers, not bytes.
struct WordHash {
    private(set) var packed: UInt64 = 0
    /// Bytes 9–16, packed the same way.
    private(set) var second: UInt64 = 0
    private var tail: UInt32 = 2_166_136_261
    private(set) var count = 0

    /// The word is whole in `packed` and `second`.
    var isShort: Bool { count <= 16 }

    init() {}

    /// The hash `add` makes of a word of at most sixteen bytes, given packed in two (the second
    /// zero for a word of at most eight).
    init(packed: UInt64, second: UInt64 = 0, count: Int) {
        self.packed = packed
        self.second = second
        self.count = count
    }

    @inline(__always)
    mutating func add(_ byte: UInt8) {
        if count < 8 {
            packed |= UInt64(byte) << UInt64(count &* 8)
        } else if count < 16 {
            second |= UInt64(byte) << UInt64((count &- 8) &* 8)
        } else {
            tail = (tail ^ UInt32(byte)) &* 16_777_619
        }
        count &+= 1
    }

    @inline(__always)
    var value: UInt32 {
        let mixed = (packed ^ UInt64(tail) << 32 ^ UInt64(count)) &+ second &* 0xC2B2_AE3D_27D4_EB4F
        return UInt32(truncatingIfNeeded: (mixed &* 0x9E37_79B9_7F4A_7C15) >> 32)
    }

    static func of(_ word: UnsafeBufferPointer<UInt8>) -> WordHash {
        var hash = WordHash()
        for byte in word { hash.add(byte) }
        return hash
    }
}

/// The words search matches: runs of Unicode letters and digits, lower-cased. The browser's
/// engine splits queries with the same rule (`/[\p{L}\p{N}]+/gu`, `toLowerCase`), so that a word
/// typed is the word indexed.
enum SearchTerms {
    /// Longer runs are hashes, keys and encoded data, which nobody types.
    static let longest = 40

    static func all(in text: String) -> [String] {
        var words = Words()
        eachWord(in: text, into: &words)
        return words.all
    }

    private struct Words: WordSink {
        var all: [String] = []
        mutating func take(_ word: UnsafeBufferPointer<UInt8>, hash: WordHash) { all.append(String(decoding: word, as: UTF8.self)) }
    }

    /// Per byte: the lower-case form of an ASCII letter or digit, `separator` for other ASCII,
    /// `nonASCII` for a byte of a longer character. One load instead of four comparisons.
    private static let separator: UInt8 = 0, nonASCII: UInt8 = 0x80
    private static let classes = immortalTable((0..<256).map { (byte: Int) -> UInt8 in
        switch byte {
        case 0x30...0x39, 0x61...0x7A: return UInt8(byte)
        case 0x41...0x5A: return UInt8(byte + 0x20)
        case 0x80...: return nonASCII
        default: return separator
        }
    })

    /// Gives each word to `sink` as lower-cased UTF-8 bytes, valid only during the call. Reads
    /// bytes, not characters: this runs over every word of the site, and ASCII words (most of
    /// them) need no Unicode lookups and no string at all. A sink, not a closure, so that the
    /// compiler makes one loop of both and the sink's counters are not boxed.
    static func eachWord<Sink: WordSink>(in text: String, into sink: inout Sink) {
        var text = text
        // A fixed buffer on the stack: appending to an array checks its uniqueness for every byte.
        let capacity = 4 * longest
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: capacity) { buffer in
            let word = buffer.baseAddress!
            text.withUTF8 { bytes in
                let n = bytes.count
                var i = 0
                while i < n {
                    // Eight bytes at a time where the text allows: a run of separators skipped,
                    // and a short ASCII word found whole, with no branch per byte. A byte loop
                    // guessed wrong where each word and each gap ended.
                    if i + 8 <= n {
                        let block = Self.eightBytes(bytes, at: i)
                        let starts = Self.wordBytes(block) | block & highBits
                        if starts == 0 {
                            i += 8
                            continue
                        }
                        i += starts.trailingZeroBitCount >> 3
                        if i + 8 <= n && bytes[i] < 0x80 {
                            let word8 = Self.eightBytes(bytes, at: i)
                            let length = (~Self.wordBytes(word8) & highBits).trailingZeroBitCount >> 3
                            if length < 8 && bytes[i + length] < 0x80 {
                                let packed = Self.lowerCased(word8) & (1 << (8 * UInt64(length)) - 1)
                                UnsafeMutableRawPointer(word).storeBytes(of: packed.littleEndian, as: UInt64.self)
                                sink.take(UnsafeBufferPointer(start: word, count: length), hash: WordHash(packed: packed, count: length))
                                i += length
                                continue
                            }
                            // A word of eight to fifteen bytes (a sixth of English words) in two.
                            if length == 8 && i + 16 <= n {
                                let next8 = Self.eightBytes(bytes, at: i + 8)
                                let rest = (~Self.wordBytes(next8) & highBits).trailingZeroBitCount >> 3
                                if rest < 8 && bytes[i + 8 + rest] < 0x80 {
                                    let packed = Self.lowerCased(word8)
                                    let second = Self.lowerCased(next8) & (1 << (8 * UInt64(rest)) - 1)
                                    UnsafeMutableRawPointer(word).storeBytes(of: packed.littleEndian, as: UInt64.self)
                                    UnsafeMutableRawPointer(word + 8).storeBytes(of: second.littleEndian, as: UInt64.self)
                                    sink.take(UnsafeBufferPointer(start: word, count: 8 + rest),
                                              hash: WordHash(packed: packed, second: second, count: 8 + rest))
                                    i += 8 + rest
                                    continue
                                }
                            }
                        }
                    }
                    // Two tight loops, over separators and over an ASCII word, rather than one
                    // loop that asks each byte which it is: measured 40% faster.
                    var lower = classes[Int(bytes[i])]
                    while lower == separator {
                        i += 1
                        if i == n { return }
                        lower = classes[Int(bytes[i])]
                    }
                    // An ASCII run of the word, read in place: most words are lower case already,
                    // and one that is not is copied lower-cased after the loop. One unsigned
                    // comparison stops at both a separator (0) and a non-ASCII byte (0x80).
                    let start = i
                    var hash = WordHash()
                    var changed: UInt8 = 0
                    while lower &- 1 < nonASCII &- 1 {
                        changed |= bytes[i] ^ lower
                        hash.add(lower)
                        i += 1
                        if i == n { break }
                        lower = classes[Int(bytes[i])]
                    }
                    let used = i - start
                    if i < n && lower == nonASCII {
                        let copied = min(used, capacity)
                        for k in 0..<copied { word[k] = classes[Int(bytes[start + k])] }
                        i = slowWord(bytes, from: i, word: word, used: copied, scalars: used, into: &sink)
                        continue
                    }
                    guard used <= longest else { continue }
                    if hash.isShort {
                        // The packed numbers hold the word lower-cased: no copy, no question of case.
                        UnsafeMutableRawPointer(word).storeBytes(of: hash.packed.littleEndian, as: UInt64.self)
                        UnsafeMutableRawPointer(word + 8).storeBytes(of: hash.second.littleEndian, as: UInt64.self)
                        sink.take(UnsafeBufferPointer(start: word, count: used), hash: hash)
                    } else if changed == 0 {
                        sink.take(UnsafeBufferPointer(rebasing: bytes[start..<i]), hash: hash)
                    } else {
                        for k in 0..<used { word[k] = classes[Int(bytes[start + k])] }
                        sink.take(UnsafeBufferPointer(start: word, count: used), hash: hash)
                    }
                }
            }
        }
    }

    private static let highBits: UInt64 = 0x8080_8080_8080_8080

    /// The eight bytes from `i`, the first in the lowest byte.
    @inline(__always)
    private static func eightBytes(_ bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> UInt64 {
        UInt64(littleEndian: UnsafeRawPointer(bytes.baseAddress! + i).loadUnaligned(as: UInt64.self))
    }

    /// The high bit of each byte of `x` that lies strictly between `low` and `high`, for bounds of
    /// at most 0x80; bytes of 0x80 and above never. The bit trick "has a byte between": each byte
    /// is first cut to seven bits, so no sum or difference carries into its neighbour.
    @inline(__always)
    static func between(_ x: UInt64, _ low: UInt64, _ high: UInt64) -> UInt64 {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let seven = x & (ones &* 127)
        return (ones &* (127 + high) &- seven) & ~x & (seven &+ ones &* (127 - low)) & highBits
    }

    /// `x` with its ASCII upper-case letters made lower case: each gets 0x20 from its own mask
    /// bit moved down.
    @inline(__always)
    static func lowerCased(_ x: UInt64) -> UInt64 { x | between(x, 0x40, 0x5B) >> 2 }

    /// The high bit of each byte of `x` that is an ASCII letter or digit.
    @inline(__always)
    static func wordBytes(_ x: UInt64) -> UInt64 {
        between(x, 0x2F, 0x3A) | between(x, 0x40, 0x5B) | between(x, 0x60, 0x7B)
    }

    /// The rest of a word that holds a non-ASCII character, from `start`, with `used` bytes of it
    /// already in `word` (of `scalars` read); returns where reading goes on.
    private static func slowWord<Sink: WordSink>(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, word: UnsafeMutablePointer<UInt8>,
                                                 used: Int, scalars: Int, into sink: inout Sink) -> Int {
        let capacity = 4 * longest
        var used = used
        var scalars = scalars
        var i = start
        let n = bytes.count
        var ascii = true
        while i < n {
            let byte = bytes[i]
            if byte < 0x80 {
                let lower = classes[Int(byte)]
                if lower == separator { break }
                if used < capacity { word[used] = lower; used += 1 }
                scalars += 1
                i += 1
                continue
            }
            let length = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : 2
            let end = min(n, i + length)
            var decoder = UTF8()
            var iterator = bytes[i..<end].makeIterator()
            guard case .scalarValue(let scalar) = decoder.decode(&iterator), isLetterOrNumber(scalar) else {
                if used == 0 { return end }  // a separator: the word, if any, ended before it
                break
            }
            for k in i..<end where used < capacity { word[used] = bytes[k]; used += 1 }
            scalars += 1
            ascii = false
            i = end
        }
        if used > 0 && scalars <= longest {
            let piece = UnsafeBufferPointer(start: word, count: used)
            if ascii {
                sink.take(piece, hash: WordHash.of(piece))
            } else {
                var lower = String(decoding: piece, as: UTF8.self).lowercased()
                lower.withUTF8 { sink.take($0, hash: WordHash.of($0)) }
            }
        }
        return i
    }

    /// `\p{L}` or `\p{N}`, as JavaScript's regular expressions take them.
    static func isLetterOrNumber(_ scalar: Unicode.Scalar) -> Bool {
        // Typographic quotes, dashes and spaces are most of the non-ASCII in English docs: the
        // General Punctuation block holds no letter or number, so they need no table lookup.
        if (0x2000...0x206F).contains(scalar.value) || scalar.value == 0xA0 { return false }
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
             .decimalNumber, .letterNumber, .otherNumber:
            return true
        default:
            return false
        }
    }

    /// The dictionary shard a term is listed in: its first letter when that is a–z, "0" for a
    /// digit, "_" for anything else.
    static func shard(of term: String) -> String {
        guard let first = term.unicodeScalars.first else { return "_" }
        if first.value >= 0x61 && first.value <= 0x7A { return String(first) }
        if first.value >= 0x30 && first.value <= 0x39 { return "0" }
        return "_"
    }
}
