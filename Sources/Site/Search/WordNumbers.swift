/// Numbers for words given as bytes, without making a string per occurrence: an open-addressing
/// table over one buffer of the words' bytes. A site's vocabulary is small (tens of thousands of
/// words) while its text runs to millions, so nearly every lookup finds a word already known.
struct WordNumbers {
    private(set) var words: [String] = []
    private var bytes: [UInt8] = []
    private var starts: [Int32] = [0]
    /// Word number + 1 per slot, 0 for an empty slot; the count is a power of two.
    private var slots = [Int32](repeating: 0, count: 1 << 12)
    private var hashes: [UInt32] = []

    var count: Int { words.count }

    mutating func number(_ word: UnsafeBufferPointer<UInt8>) -> Int { number(word, hash: WordHash.of(word)) }

    /// `hash` is `WordHash.of(word)`, which the tokenizer computes as it reads.
    mutating func number(_ word: UnsafeBufferPointer<UInt8>, hash: UInt32) -> Int {
        var slot = Int(hash) & (slots.count - 1)
        while slots[slot] != 0 {
            let n = Int(slots[slot] - 1)
            if hashes[n] == hash && equal(n, word) { return n }
            slot = (slot + 1) & (slots.count - 1)
        }
        let n = words.count
        words.append(String(decoding: word, as: UTF8.self))
        bytes.append(contentsOf: word)
        starts.append(Int32(bytes.count))
        hashes.append(hash)
        slots[slot] = Int32(n + 1)
        if words.count * 2 > slots.count { grow() }
        return n
    }

    private func equal(_ n: Int, _ word: UnsafeBufferPointer<UInt8>) -> Bool {
        let start = Int(starts[n]), end = Int(starts[n + 1])
        guard end - start == word.count else { return false }
        // A loop, not memcmp: words are a few bytes, shorter than the call.
        return bytes.withUnsafeBufferPointer { known in
            for k in 0..<word.count where known[start + k] != word[k] { return false }
            return true
        }
    }

    private mutating func grow() {
        slots = [Int32](repeating: 0, count: slots.count * 2)
        for n in words.indices {
            var slot = Int(hashes[n]) & (slots.count - 1)
            while slots[slot] != 0 { slot = (slot + 1) & (slots.count - 1) }
            slots[slot] = Int32(n + 1)
        }
    }
}
