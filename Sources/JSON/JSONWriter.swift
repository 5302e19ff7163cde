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

    /// A string in quotes, escaped. Runs between the characters that need an escape are copied
    /// whole: most text has none, or a few quotes.
    public mutating func appendQuoted(_ string: String) {
        bytes.append(UInt8(ascii: "\""))
        var string = string
        string.withUTF8 { text in
            var run = 0
            for i in 0..<text.count {
                let byte = text[i]
                guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else { continue }
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: text[run..<i]))
                appendEscape(byte)
                run = i + 1
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: text[run...]))
        }
        bytes.append(UInt8(ascii: "\""))
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
