import Foundation
import JSON

/// Equality as JSON Schema defines it for `const`, `enum` and `uniqueItems`: numbers compare by
/// value (1 == 1.0), objects ignore key order, arrays compare item by item.
enum JSONEquality {
    static func equal(_ a: JSONValue, _ b: JSONValue) -> Bool {
        // Scalars, the common case for const/enum, without setting up the stack.
        switch (a, b) {
        case (.string(let p), .string(let q)): return sameScalars(p, q)
        case (.bool(let p), .bool(let q)): return p == q
        case (.null, .null): return true
        case (.array, .array), (.object, .object): break
        case (.integer, _), (.number, _): return NumberMath.compare(a, b) == 0
        default: return false
        }
        // An explicit stack, so equality of deep values cannot exhaust the thread's stack.
        var pending: [(JSONValue, JSONValue)] = [(a, b)]
        while let (x, y) = pending.popLast() {
            switch (x, y) {
            case (.null, .null): continue
            case (.bool(let p), .bool(let q)): if p != q { return false }
            case (.string(let p), .string(let q)): if !sameScalars(p, q) { return false }
            case (.integer, _), (.number, _):
                guard let order = NumberMath.compare(x, y), order == 0 else { return false }
            case (.array(let p), .array(let q)):
                guard p.count == q.count else { return false }
                for k in p.indices { pending.append((p[k], q[k])) }
            case (.object(let p), .object(let q)):
                guard p.count == q.count else { return false }
                for (i, key) in p.keys.enumerated() {
                    guard let qv = q[key] else { return false }
                    pending.append((p.values[i], qv))
                }
            default:
                return false
            }
        }
        return true
    }

    /// JSON compares strings code point by code point; Swift's `==` would also equate
    /// canonically equivalent strings ("é" and "e" + combining accent).
    static func sameScalars(_ a: String, _ b: String) -> Bool {
        if a.utf8.count != b.utf8.count { return false }
        var a = a, b = b
        return a.withUTF8 { x in b.withUTF8 { y in x.count == 0 || memcmp(x.baseAddress!, y.baseAddress!, x.count) == 0 } }
    }

    /// A hash consistent with `equal`: integral numbers hash like integers, and object members
    /// combine without regard to order.
    static func hash(_ value: JSONValue, into hasher: inout Hasher) {
        var pending: [JSONValue] = [value]
        while let v = pending.popLast() {
            switch v {
            case .null: hasher.combine(0)
            case .bool(let b): hasher.combine(b)
            case .string(let s): hasher.combine(s)
            case .integer(let i): hasher.combine(Double(i))
            case .number(let d): hasher.combine(d)
            case .array(let items):
                hasher.combine(items.count)
                pending.append(contentsOf: items)
            case .object(let object):
                var combined = 0
                for (i, key) in object.keys.enumerated() {
                    var member = Hasher()
                    member.combine(key)
                    hash(object.values[i], into: &member)
                    combined ^= member.finalize()
                }
                hasher.combine(combined)
            }
        }
    }
}

/// A JSON value that hashes and compares with JSON Schema equality, for sets of values.
struct JSONKey: Hashable {
    let value: JSONValue
    static func == (a: JSONKey, b: JSONKey) -> Bool { JSONEquality.equal(a.value, b.value) }
    func hash(into hasher: inout Hasher) { JSONEquality.hash(value, into: &hasher) }
}
