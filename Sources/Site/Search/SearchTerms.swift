import Basics

/// What takes the words of a text, one at a time, with the word's `WordHash`.
protocol WordSink {
    mutating func take(_ word: UnsafeBufferPointer<UInt8>, hash: UInt32)
}

/// A word's hash, computed while the word is read, so a lookup need not read it again. The first
/// eight bytes are packed into a number and the rest folded in by FNV-1a; one multiply mixes
/// them at the end. Packing is a shift and an or per byte, where FNV-1a's multiply per byte made
/// a chain of waits through every word of the site.
struct WordHash {
    private var packed: UInt64 = 0
    private var tail: UInt32 = 2_166_136_261
    private var count = 0

    @inline(__always)
    mutating func add(_ byte: UInt8) {
        if count < 8 {
            packed |= UInt64(byte) << UInt64(count &* 8)
        } else {
            tail = (tail ^ UInt32(byte)) &* 16_777_619
        }
        count &+= 1
    }

    @inline(__always)
    var value: UInt32 {
        UInt32(truncatingIfNeeded: ((packed ^ UInt64(tail) << 32 ^ UInt64(count)) &* 0x9E37_79B9_7F4A_7C15) >> 32)
    }

    static func of(_ word: UnsafeBufferPointer<UInt8>) -> UInt32 {
        var hash = WordHash()
        for byte in word { hash.add(byte) }
        return hash.value
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
        mutating func take(_ word: UnsafeBufferPointer<UInt8>, hash: UInt32) { all.append(String(decoding: word, as: UTF8.self)) }
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
        // A fixed buffer: appending to an array checks its uniqueness for every byte.
        let capacity = 4 * longest
        let word = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
        defer { word.deallocate() }
        do {
            text.withUTF8 { bytes in
                let n = bytes.count
                var i = 0
                while i < n {
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
                    if changed == 0 {
                        sink.take(UnsafeBufferPointer(rebasing: bytes[start..<i]), hash: hash.value)
                    } else {
                        for k in 0..<used { word[k] = classes[Int(bytes[start + k])] }
                        sink.take(UnsafeBufferPointer(start: word, count: used), hash: hash.value)
                    }
                }
            }
        }
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
