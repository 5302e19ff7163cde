/// What takes the words of a text, one at a time.
protocol WordSink {
    mutating func take(_ word: UnsafeBufferPointer<UInt8>)
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
        mutating func take(_ word: UnsafeBufferPointer<UInt8>) { all.append(String(decoding: word, as: UTF8.self)) }
    }

    /// Gives each word to `sink` as lower-cased UTF-8 bytes, valid only during the call. Reads
    /// bytes, not characters: this runs over every word of the site, and ASCII words (most of
    /// them) need no Unicode lookups and no string at all. A sink, not a closure, so that the
    /// compiler makes one loop of both and the sink's counters are not boxed.
    static func eachWord<Sink: WordSink>(in text: String, into sink: inout Sink) {
        var text = text
        // A fixed buffer: appending to an array checks its uniqueness for every byte.
        let capacity = 4 * longest
        let word = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: capacity)
        defer { word.deallocate() }
        text.withUTF8 { bytes in
            var used = 0
            var scalars = 0
            var ascii = true
            func flush() {
                if used > 0 && scalars <= longest {
                    let piece = UnsafeBufferPointer(rebasing: word[0..<used])
                    if ascii {
                        sink.take(piece)
                    } else {
                        var lower = String(decoding: piece, as: UTF8.self).lowercased()
                        lower.withUTF8 { sink.take($0) }
                    }
                }
                used = 0
                scalars = 0
                ascii = true
            }
            var i = 0
            let n = bytes.count
            while i < n {
                let byte = bytes[i]
                if byte < 0x80 {
                    if byte >= 0x61 && byte <= 0x7A || byte >= 0x30 && byte <= 0x39 {
                        if used < capacity { word[used] = byte; used += 1 }
                        scalars += 1
                    } else if byte >= 0x41 && byte <= 0x5A {
                        if used < capacity { word[used] = byte + 0x20; used += 1 }
                        scalars += 1
                    } else {
                        flush()
                    }
                    i += 1
                    continue
                }
                let length = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : 2
                let end = min(n, i + length)
                var decoder = UTF8()
                var iterator = bytes[i..<end].makeIterator()
                if case .scalarValue(let scalar) = decoder.decode(&iterator), isLetterOrNumber(scalar) {
                    for k in i..<end where used < capacity { word[used] = bytes[k]; used += 1 }
                    scalars += 1
                    ascii = false
                } else {
                    flush()
                }
                i = end
            }
            flush()
        }
    }

    /// `\p{L}` or `\p{N}`, as JavaScript's regular expressions take them.
    static func isLetterOrNumber(_ scalar: Unicode.Scalar) -> Bool {
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
