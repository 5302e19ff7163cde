#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Numbers the distinct link texts of a site. Most links are the site's navigation, the same on
/// every page, so texts are compared and hashed as the page's bytes and only each distinct text
/// becomes a String.
struct LinkTextTable {
    private(set) var texts: [String] = []
    /// Every distinct text's bytes, one after another; text `i` ends at `ends[i]`.
    private var bytes: [UInt8] = []
    private var ends: [Int] = []
    private var hashes: [UInt64] = []
    /// Open addressing: an index into `texts`, or -1.
    private var slots = [Int32](repeating: -1, count: 1024)

    /// The number of the link's value, numbering it if it is new; `linkBytes` are its scan's.
    mutating func id(of link: ScannedLink, in linkBytes: UnsafeBufferPointer<UInt8>) -> Int {
        if var decoded = link.decoded { return decoded.withUTF8 { id(of: $0) } }
        return id(of: UnsafeBufferPointer(rebasing: linkBytes[link.start..<link.end]))
    }

    mutating func id(of text: UnsafeBufferPointer<UInt8>) -> Int {
        let hash = Self.hash(text)
        var slot = Self.start(hash, slots.count)
        while slots[slot] >= 0 {
            let id = Int(slots[slot])
            if hashes[id] == hash, same(id, text) { return id }
            slot = (slot + 1) & (slots.count - 1)
        }
        texts.append(String(decoding: text, as: UTF8.self))
        bytes.append(contentsOf: text)
        ends.append(bytes.count)
        hashes.append(hash)
        slots[slot] = Int32(texts.count - 1)
        if texts.count * 2 > slots.count { grow() }
        return texts.count - 1
    }

    private mutating func grow() {
        slots = [Int32](repeating: -1, count: slots.count * 2)
        for (id, hash) in hashes.enumerated() {
            var slot = Self.start(hash, slots.count)
            while slots[slot] >= 0 { slot = (slot + 1) & (slots.count - 1) }
            slots[slot] = Int32(id)
        }
    }

    private func same(_ id: Int, _ text: UnsafeBufferPointer<UInt8>) -> Bool {
        let start = id == 0 ? 0 : ends[id - 1]
        guard ends[id] - start == text.count else { return false }
        guard let base = text.baseAddress, !text.isEmpty else { return true }
        return bytes.withUnsafeBufferPointer { memcmp($0.baseAddress! + start, base, text.count) == 0 }
    }

    private static func start(_ hash: UInt64, _ count: Int) -> Int {
        Int(truncatingIfNeeded: hash ^ (hash >> 29)) & (count - 1)
    }

    /// Eight bytes at a time, multiplied and folded: link texts run to tens of bytes, and a
    /// site's links are hashed once each.
    private static func hash(_ text: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325 ^ UInt64(text.count)
        guard let base = UnsafeRawPointer(text.baseAddress) else { return hash }
        var i = 0
        while i + 8 <= text.count {
            hash = (hash ^ base.loadUnaligned(fromByteOffset: i, as: UInt64.self)) &* 0x9e37_79b9_7f4a_7c15
            hash ^= hash >> 29
            i += 8
        }
        while i < text.count {
            hash = (hash ^ UInt64(text[i])) &* 0x0000_0100_0000_01b3
            i += 1
        }
        return hash ^ (hash >> 32)
    }
}
