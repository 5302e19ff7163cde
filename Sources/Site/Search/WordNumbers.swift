/// Numbers for words given as bytes, without making a string per occurrence: an open-addressing
/// table over one buffer of the words' bytes. A site's vocabulary is small (tens of thousands of
/// words) while its text runs to millions, so nearly every lookup finds a word already known.
struct WordNumbers {
    private var bytes: [UInt8] = []
    private var starts: [Int32] = [0]
    /// Per word, its `WordHash.packed` and `second`: the whole word when it is short, and zero
    /// where it ends, as a word holds no zero byte.
    private var keys: [UInt64] = []
    private var seconds: [UInt64] = []
    /// Per slot: the word's hash in the high half and its number + 1 in the low half, 0 for an
    /// empty slot, so that a probe reads one array; the count is a power of two.
    private var slots = [UInt64](repeating: 0, count: 1 << 12)

    var count: Int { keys.count }

    /// The words as strings, by number: made once, for the site's vocabulary only.
    var words: [String] {
        bytes.withUnsafeBufferPointer { bytes in
            (0..<count).map { n in String(decoding: UnsafeBufferPointer(rebasing: bytes[Int(starts[n])..<Int(starts[n + 1])]), as: UTF8.self) }
        }
    }

    /// This table's number of each of `other`'s words, by `other`'s numbers; words new to this
    /// table are added. How each chunk's vocabulary joins the site's, with no string per word.
    mutating func numbers(of other: WordNumbers) -> [Int32] {
        other.bytes.withUnsafeBufferPointer { bytes in
            (0..<other.count).map { n in
                let word = UnsafeBufferPointer(rebasing: bytes[Int(other.starts[n])..<Int(other.starts[n + 1])])
                let hash = word.count <= 16 ? WordHash(packed: other.keys[n], second: other.seconds[n], count: word.count) : WordHash.of(word)
                return Int32(number(word, hash: hash))
            }
        }
    }

    mutating func number(_ word: UnsafeBufferPointer<UInt8>) -> Int { number(word, hash: WordHash.of(word)) }

    /// `hash` is `WordHash.of(word)`, which the tokenizer computes as it reads. Inlined into the
    /// tokenizer's loop: a call per word of the site was a tenth of the index's time.
    @inline(__always)
    mutating func number(_ word: UnsafeBufferPointer<UInt8>, hash full: WordHash) -> Int {
        let mask = slots.count - 1
        let hash = full.value
        var slot = Int(hash) & mask
        let found: Int? = slots.withUnsafeBufferPointer { slots in
            keys.withUnsafeBufferPointer { keys in
                seconds.withUnsafeBufferPointer { seconds in
                    while slots[slot] != 0 {
                        let entry = slots[slot]
                        let n = Int(UInt32(truncatingIfNeeded: entry)) - 1
                        if UInt32(truncatingIfNeeded: entry >> 32) == hash, keys[n] == full.packed, seconds[n] == full.second,
                           full.isShort || equal(n, word) {
                            return n
                        }
                        slot = (slot + 1) & mask
                    }
                    return nil
                }
            }
        }
        if let found { return found }
        let n = keys.count
        bytes.append(contentsOf: word)
        starts.append(Int32(bytes.count))
        keys.append(full.packed)
        seconds.append(full.second)
        slots[slot] = UInt64(hash) << 32 | UInt64(n + 1)
        if keys.count * 2 > slots.count { grow() }
        return n
    }

    private func equal(_ n: Int, _ word: UnsafeBufferPointer<UInt8>) -> Bool {
        starts.withUnsafeBufferPointer { starts in
            let start = Int(starts[n]), end = Int(starts[n + 1])
            guard end - start == word.count else { return false }
            // A loop, not memcmp: words are a few bytes, shorter than the call.
            return bytes.withUnsafeBufferPointer { known in
                for k in 0..<word.count where known[start + k] != word[k] { return false }
                return true
            }
        }
    }

    private mutating func grow() {
        let old = slots
        slots = [UInt64](repeating: 0, count: slots.count * 2)
        let mask = slots.count - 1
        for entry in old where entry != 0 {
            var slot = Int(UInt32(truncatingIfNeeded: entry >> 32)) & mask
            while slots[slot] != 0 { slot = (slot + 1) & mask }
            slots[slot] = entry
        }
    }
}
