import Foundation

/// A JSON value. Integers that fit `Int` are kept apart from other numbers so that large IDs
/// and `multipleOf` stay exact; JSON Schema equality (1 == 1.0) is the evaluator's business.
///
/// Only `object` is boxed: scalars, strings and arrays are stored inline (16 bytes), so reading
/// a document does not allocate a box per number or string.
public enum JSONValue: Sendable, Hashable {
    case null
    case bool(Bool)
    case integer(Int)
    case number(Double)
    case string(String)
    case array([JSONValue])
    indirect case object(JSONObject)

    public subscript(key: String) -> JSONValue? {
        if case .object(let object) = self { return object[key] }
        return nil
    }

    public var objectValue: JSONObject? {
        if case .object(let object) = self { return object }
        return nil
    }

    public var stringValue: String? {
        if case .string(let s) = self { return s }
        return nil
    }

    public var arrayValue: [JSONValue]? {
        if case .array(let items) = self { return items }
        return nil
    }
}

/// A JSON object that keeps its keys in the order they were written or inserted, so generated
/// schemas read in a sensible order.
///
/// Members are stored as parallel key and value arrays, so iterating needs no hashing; small
/// objects (most config objects) find keys by a linear scan, which beats hashing at that size,
/// and a key index is built only once an object grows past `indexThreshold` members.
public struct JSONObject: Sendable, Hashable, Sequence {
    public private(set) var keys: [String] = []
    /// Values in the order of `keys`.
    public private(set) var values: [JSONValue] = []
    private var index: [String: Int]?

    private static let indexThreshold = 12

    public init() {}

    public init(_ pairs: [(String, JSONValue)]) {
        for (key, value) in pairs { self[key] = value }
    }

    public var count: Int { keys.count }
    public var isEmpty: Bool { keys.isEmpty }

    /// Position of `key` among the members, or nil. Keys match code point for code point, as
    /// JSON requires: Swift's `==` also equates canonically equivalent strings ("é" written
    /// precomposed or as e + combining accent), so a hit is confirmed byte by byte.
    public func position(of key: String) -> Int? {
        if let index {
            guard let i = index[key] else { return nil }
            if Self.sameBytes(keys[i], key) { return i }
            return keys.firstIndex { Self.sameBytes($0, key) }
        }
        return keys.firstIndex { $0 == key && Self.sameBytes($0, key) }
    }

    static func sameBytes(_ a: String, _ b: String) -> Bool {
        guard a.utf8.count == b.utf8.count else { return false }
        let fast = a.utf8.withContiguousStorageIfAvailable { x in
            b.utf8.withContiguousStorageIfAvailable { y in x.isEmpty || memcmp(x.baseAddress!, y.baseAddress!, x.count) == 0 }
        }
        return (fast ?? nil) ?? a.utf8.elementsEqual(b.utf8)
    }

    public subscript(key: String) -> JSONValue? {
        get { position(of: key).map { values[$0] } }
        set {
            if let newValue {
                if let i = position(of: key) { values[i] = newValue } else { append(key, newValue) }
            } else if let i = position(of: key) {
                keys.remove(at: i)
                values.remove(at: i)
                index = nil
                buildIndexIfLarge()
            }
        }
    }

    private mutating func append(_ key: String, _ value: JSONValue) {
        keys.append(key)
        values.append(value)
        if index != nil {
            // A canonically equivalent key already indexed keeps its slot; lookups of this one
            // fall back to scanning.
            if index![key] == nil { index![key] = keys.count - 1 }
        } else {
            buildIndexIfLarge()
        }
    }

    private mutating func buildIndexIfLarge() {
        guard keys.count > Self.indexThreshold, index == nil else { return }
        var built = [String: Int](minimumCapacity: keys.count)
        for (i, key) in keys.enumerated() where built[key] == nil { built[key] = i }
        index = built
    }

    public struct Iterator: IteratorProtocol {
        private let object: JSONObject
        private var index = 0

        init(_ object: JSONObject) { self.object = object }

        public mutating func next() -> (key: String, value: JSONValue)? {
            guard index < object.keys.count else { return nil }
            defer { index += 1 }
            return (object.keys[index], object.values[index])
        }
    }

    public func makeIterator() -> Iterator { Iterator(self) }

    /// Equal when both have the same members, in any order.
    public static func == (a: JSONObject, b: JSONObject) -> Bool {
        guard a.count == b.count else { return false }
        for (i, key) in a.keys.enumerated() {
            guard let j = b.position(of: key), a.values[i] == b.values[j] else { return false }
        }
        return true
    }

    public func hash(into hasher: inout Hasher) {
        // Order-independent, to agree with ==.
        var combined = 0
        for (i, key) in keys.enumerated() {
            var member = Hasher()
            member.combine(key)
            member.combine(values[i])
            combined ^= member.finalize()
        }
        hasher.combine(count)
        hasher.combine(combined)
    }
}

extension JSONValue: ExpressibleByNilLiteral, ExpressibleByBooleanLiteral, ExpressibleByIntegerLiteral,
    ExpressibleByFloatLiteral, ExpressibleByStringLiteral, ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral {
    public init(nilLiteral: ()) { self = .null }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    public init(integerLiteral value: Int) { self = .integer(value) }
    public init(floatLiteral value: Double) { self = .number(value) }
    public init(stringLiteral value: String) { self = .string(value) }
    public init(arrayLiteral elements: JSONValue...) { self = .array(elements) }
    public init(dictionaryLiteral elements: (String, JSONValue)...) { self = .object(JSONObject(elements)) }
}

extension JSONObject {
    /// Adds a member the parser has just read. Returns false, leaving the object unchanged,
    /// when the key is already present, so the parser can report the duplicate.
    mutating func appendNewMember(_ key: String, _ value: JSONValue) -> Bool {
        guard position(of: key) == nil else { return false }
        append(key, value)
        return true
    }

    /// Reserves room for a known number of members.
    public mutating func reserveCapacity(_ n: Int) {
        keys.reserveCapacity(n)
        values.reserveCapacity(n)
    }
}
