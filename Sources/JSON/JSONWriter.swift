/// Serializes JSON, keeping object keys in order.
extension JSONValue {
    public func serialized(pretty: Bool = false) -> String {
        var out = JSONBytes()
        write(to: &out, pretty: pretty, indent: 0)
        return out.text
    }

    private func write(to out: inout JSONBytes, pretty: Bool, indent: Int) {
        switch self {
        case .null: out.append("null")
        case .bool(let b): out.append(b ? "true" : "false")
        case .integer(let i): out.append(i)
        case .number(let d):
            if d.isFinite, d == d.rounded(), abs(d) < 1e15 { out.append(Int(d)) } else { out.appendText("\(d)") }
        case .string(let s): out.appendQuoted(s)
        case .array(let items):
            if items.isEmpty { out.append("[]"); return }
            out.append("[")
            for (i, item) in items.enumerated() {
                if i > 0 { out.append(",") }
                if pretty { out.newline(indent: indent + 1) }
                item.write(to: &out, pretty: pretty, indent: indent + 1)
            }
            if pretty { out.newline(indent: indent) }
            out.append("]")
        case .object(let object):
            if object.isEmpty { out.append("{}"); return }
            out.append("{")
            for (i, (key, value)) in object.enumerated() {
                if i > 0 { out.append(",") }
                if pretty { out.newline(indent: indent + 1) }
                out.appendQuoted(key)
                out.append(pretty ? ": " : ":")
                value.write(to: &out, pretty: pretty, indent: indent + 1)
            }
            if pretty { out.newline(indent: indent) }
            out.append("}")
        }
    }
}

/// JSON written straight as UTF-8 bytes, for callers that make a lot of it (the search index)
/// and for `serialized()`: one escaper for both.
public struct JSONBytes {
    public var bytes: [UInt8] = []

    public init(capacity: Int = 0) { bytes.reserveCapacity(capacity) }

    public var text: String { String(decoding: bytes, as: UTF8.self) }
    public var count: Int { bytes.count }

    /// Punctuation and literals, written as they are.
    @inlinable
    public mutating func append(_ literal: StaticString) {
        bytes.append(contentsOf: UnsafeBufferPointer(start: literal.utf8Start, count: literal.utf8CodeUnitCount))
    }

    mutating func appendText(_ text: String) { bytes.append(contentsOf: text.utf8) }

    @inlinable
    public mutating func append(_ other: JSONBytes) { bytes.append(contentsOf: other.bytes) }

    /// Not generic: a generic call from another module is not specialised.
    @inlinable
    public mutating func append(_ number: Int) {
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)  // 24 bytes: more than any 64-bit number needs
        withUnsafeMutableBytes(of: &digits) { buffer in
            let out = buffer.baseAddress!.assumingMemoryBound(to: UInt8.self)
            bytes.append(contentsOf: UnsafeBufferPointer(start: out, count: Self.write(number, to: out)))
        }
    }

    /// Writes `number` in decimal at `out`, which has room for 20 bytes, and returns how many it
    /// wrote: for a caller that writes many numbers into a buffer of its own and appends them at
    /// once (the search index's postings), since an append checks capacity and uniqueness.
    @inlinable
    public static func write(_ number: Int, to out: UnsafeMutablePointer<UInt8>) -> Int {
        var count = 0
        if number < 0 {
            out[0] = UInt8(ascii: "-")
            count = 1
        }
        var rest = number.magnitude
        var probe = rest
        repeat {
            count += 1
            probe /= 10
        } while probe > 0
        var k = count
        repeat {
            k -= 1
            out[k] = UInt8(ascii: "0") + UInt8(rest % 10)
            rest /= 10
        } while rest > 0
        return count
    }

    /// Bytes that are JSON already, such as a caller's buffer of numbers and commas.
    @inlinable
    public mutating func appendJSON(_ json: UnsafeBufferPointer<UInt8>) { bytes.append(contentsOf: json) }

    /// `[a,b,…]`, each item written by `item`.
    @inlinable
    public mutating func appendArray<Items: Sequence>(_ items: Items, _ item: (inout JSONBytes, Items.Element) -> Void) {
        append("[")
        var first = true
        for element in items {
            if !first { append(",") }
            first = false
            item(&self, element)
        }
        append("]")
    }

    /// A string in quotes, escaped.
    public mutating func appendQuoted(_ string: String) {
        var string = string
        string.withUTF8 { appendQuoted($0) }
    }

    /// UTF-8 text in quotes, escaped, with `suffix` (which needs no escape) before the closing
    /// quote. Runs between the bytes that need an escape are copied whole, and the scan takes
    /// eight bytes at a time while none of them may: most text has no escape, or a few quotes.
    public mutating func appendQuoted(_ text: UnsafeBufferPointer<UInt8>, suffix: StaticString = "") {
        bytes.append(UInt8(ascii: "\""))
        let n = text.count
        var run = 0, i = 0
        func escapes(in range: Range<Int>) {
            for k in range where Self.needsEscape(text[k]) {
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: text[run..<k]))
                appendEscape(text[k])
                run = k + 1
            }
        }
        if let base = text.baseAddress {
            while i + 8 <= n {
                if Self.mayNeedEscape(UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)) { escapes(in: i..<(i + 8)) }
                i += 8
            }
        }
        escapes(in: i..<n)
        bytes.append(contentsOf: UnsafeBufferPointer(rebasing: text[run...]))
        append(suffix)
        bytes.append(UInt8(ascii: "\""))
    }

    static func needsEscape(_ byte: UInt8) -> Bool { byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") }

    /// Whether any of eight bytes is below 0x20, a quote or a backslash, by the usual bit tricks
    /// for "has a byte less than n" and "has a zero byte": exact for "any", which is all this asks.
    static func mayNeedEscape(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        let control = (word &- ones &* 0x20) & ~word & highs
        let quotes = word ^ (ones &* 0x22), backslashes = word ^ (ones &* 0x5C)
        return (control | (quotes &- ones) & ~quotes & highs | (backslashes &- ones) & ~backslashes & highs) != 0
    }

    private mutating func appendEscape(_ byte: UInt8) {
        switch byte {
        case UInt8(ascii: "\""): append("\\\"")
        case UInt8(ascii: "\\"): append("\\\\")
        case UInt8(ascii: "\n"): append("\\n")
        case UInt8(ascii: "\r"): append("\\r")
        case UInt8(ascii: "\t"): append("\\t")
        default:
            let hex = Array("0123456789abcdef".utf8)
            append("\\u00")
            bytes.append(hex[Int(byte >> 4)])
            bytes.append(hex[Int(byte & 0xF)])
        }
    }

    mutating func newline(indent: Int) {
        bytes.append(UInt8(ascii: "\n"))
        bytes.append(contentsOf: repeatElement(UInt8(ascii: " "), count: 2 * indent))
    }
}
