#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where `byte` first occurs in `bytes[start..<end]` (to the buffer's end by default), or nil.
/// memchr, which is vectorised: the scans over every page (tags, references, table pipes, link
/// anchors) look for one byte among many that are not it. Inlinable, so that those scans in other
/// modules make no call per byte found.
@inlinable
public func byteIndex(of byte: UInt8, in bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int? = nil) -> Int? {
    let end = end ?? bytes.count
    guard start < end, let base = bytes.baseAddress, let hit = memchr(base + start, Int32(byte), end - start) else { return nil }
    return base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
}
