/// A set of indices (object members by position in the instance, or array items), kept as a
/// bitmap: the first 64 in an inline word so small instances never allocate, plus an "all" flag
/// for keywords such as `items` and `additionalProperties` that cover every index at once.
struct IndexBits {
    private(set) var all = false
    private var low: UInt64 = 0
    private var high: [UInt64] = []

    mutating func insertAll() { all = true }

    mutating func insert(_ i: Int) {
        if all { return }
        if i < 64 { low |= 1 << UInt64(i); return }
        let word = i / 64 - 1
        if word >= high.count { high.append(contentsOf: repeatElement(0, count: word - high.count + 1)) }
        high[word] |= 1 << UInt64(i % 64)
    }

    /// Marks indices 0..<n.
    mutating func insert(upTo n: Int) {
        if all || n <= 0 { return }
        if n <= 64 && high.isEmpty {
            low |= n == 64 ? ~0 : (1 << UInt64(n)) - 1
            return
        }
        for i in 0..<n { insert(i) }
    }

    func contains(_ i: Int) -> Bool {
        if all { return true }
        if i < 64 { return low & (1 << UInt64(i)) != 0 }
        let word = i / 64 - 1
        return word < high.count && high[word] & (1 << UInt64(i % 64)) != 0
    }

    mutating func formUnion(_ other: IndexBits) {
        if all { return }
        if other.all { all = true; return }
        low |= other.low
        if !other.high.isEmpty {
            if high.count < other.high.count { high.append(contentsOf: repeatElement(0, count: other.high.count - high.count)) }
            for k in other.high.indices { high[k] |= other.high[k] }
        }
    }
}

/// What the annotations of `properties`, `items` & co. say was evaluated at one instance
/// location, the input of `unevaluatedProperties` and `unevaluatedItems`. Only collected where a
/// schema that uses those keywords asks for it.
struct Evaluated {
    var properties = IndexBits()
    var items = IndexBits()

    mutating func formUnion(_ other: Evaluated) {
        properties.formUnion(other.properties)
        items.formUnion(other.items)
    }
}
