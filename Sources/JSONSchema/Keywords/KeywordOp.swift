import JSON

/// One compiled keyword, or a group of keywords that only make sense together.
enum KeywordOp: Sendable {
    case type(JSONTypes)
    case enumeration(EnumValues)
    case const(JSONValue)
    case multipleOf(JSONValue)
    case limit(NumericLimit)
    case maxLength(Int)
    case minLength(Int)
    case pattern(Pattern)
    case format(FormatCheck)
    case maxItems(Int)
    case minItems(Int)
    case uniqueItems
    case contains(ContainsRule)
    case maxProperties(Int)
    case minProperties(Int)
    case required([String])
    case dependentRequired([DependentRequirement])
    case properties(PropertyRules)
    case propertyNames(Edge)
    case items(ItemRules)
    case allOf([Edge])
    case anyOf([Edge])
    case oneOf([Edge])
    case not(Edge)
    case conditional(Conditional)
    case dependentSchemas([DependentSchema])
    case ref(Edge)
    case dynamicRef(DynamicReference)
    case unevaluatedProperties(Edge)
    case unevaluatedItems(Edge)
}

struct JSONTypes: OptionSet, Sendable {
    let rawValue: UInt8
    static let null = JSONTypes(rawValue: 1 << 0)
    static let boolean = JSONTypes(rawValue: 1 << 1)
    static let object = JSONTypes(rawValue: 1 << 2)
    static let array = JSONTypes(rawValue: 1 << 3)
    static let number = JSONTypes(rawValue: 1 << 4)
    static let string = JSONTypes(rawValue: 1 << 5)
    static let integer = JSONTypes(rawValue: 1 << 6)

    static let names: [(String, JSONTypes)] = [
        ("null", .null), ("boolean", .boolean), ("object", .object), ("array", .array),
        ("number", .number), ("string", .string), ("integer", .integer),
    ]

    /// Whether the value has one of the types; integral numbers (1.0 too) are integers.
    func matches(_ value: JSONValue) -> Bool {
        switch value {
        case .null: return contains(.null)
        case .bool: return contains(.boolean)
        case .object: return contains(.object)
        case .array: return contains(.array)
        case .string: return contains(.string)
        case .integer: return !isDisjoint(with: [.integer, .number])
        case .number(let d):
            if contains(.number) { return true }
            return contains(.integer) && d.isFinite && d == d.rounded()
        }
    }
}

/// `enum`, with a set for the common all-strings case.
final class EnumValues: Sendable {
    let values: [JSONValue]
    /// When every value is a string: the values grouped under Swift string equality, which is
    /// looser than JSON's (canonical equivalence), so a hit is confirmed scalar by scalar.
    let strings: [String: [String]]?

    init(_ values: [JSONValue]) {
        self.values = values
        let strings = values.compactMap(\.stringValue)
        self.strings = strings.count == values.count ? Dictionary(grouping: strings, by: { $0 }) : nil
    }

    func contains(_ value: JSONValue) -> Bool {
        if let strings {
            guard case .string(let s) = value, let candidates = strings[s] else { return false }
            return candidates.contains { JSONEquality.sameScalars($0, s) }
        }
        return values.contains { JSONEquality.equal($0, value) }
    }
}

struct NumericLimit: Sendable {
    enum Kind: String, Sendable {
        case maximum, exclusiveMaximum, minimum, exclusiveMinimum
    }
    let kind: Kind
    let bound: JSONValue

    func allows(_ value: JSONValue) -> Bool {
        guard let order = NumberMath.compare(value, bound) else { return true }
        switch kind {
        case .maximum: return order <= 0
        case .exclusiveMaximum: return order < 0
        case .minimum: return order >= 0
        case .exclusiveMinimum: return order > 0
        }
    }
}

/// `contains` with its `minContains`/`maxContains`.
final class ContainsRule: Sendable {
    let edge: Edge
    let min: Int
    let max: Int?
    /// Whether `min` came from `minContains` (for the error's keyword).
    let explicitMin: Bool

    init(edge: Edge, min: Int, max: Int?, explicitMin: Bool) {
        self.edge = edge
        self.min = min
        self.max = max
        self.explicitMin = explicitMin
    }
}

struct DependentRequirement: Sendable {
    let property: String
    let required: [String]
}

struct DependentSchema: Sendable {
    let property: String
    let edge: Edge
}

/// `properties`, `patternProperties` and `additionalProperties`, evaluated in one pass over
/// the instance's members because `additionalProperties` depends on what the other two matched.
final class PropertyRules: Sendable {
    /// Looked up by instance key; the name is kept to confirm the match scalar by scalar.
    let properties: [String: (name: String, edge: Edge)]
    /// The same, in schema order, for walking the schema's side when that is cheaper.
    let declared: [(name: String, edge: Edge)]
    let patterns: [(pattern: Pattern, edge: Edge)]
    let additional: Edge?

    init(declared: [(name: String, edge: Edge)], patterns: [(pattern: Pattern, edge: Edge)], additional: Edge?) {
        self.declared = declared
        self.properties = Dictionary(declared.map { ($0.name, ($0.name, $0.edge)) }, uniquingKeysWith: { first, _ in first })
        self.patterns = patterns
        self.additional = additional
    }
}

/// `prefixItems` and `items`.
final class ItemRules: Sendable {
    let prefix: [Edge]
    let rest: Edge?

    init(prefix: [Edge], rest: Edge?) {
        self.prefix = prefix
        self.rest = rest
    }
}

/// `if` with its `then`/`else`.
final class Conditional: Sendable {
    let condition: Edge
    let then: Edge?
    let otherwise: Edge?

    init(condition: Edge, then: Edge?, otherwise: Edge?) {
        self.condition = condition
        self.then = then
        self.otherwise = otherwise
    }
}

/// A `$dynamicRef` whose initial target carries a matching `$dynamicAnchor`: at run time the
/// outermost resource in the dynamic scope with that anchor wins.
struct DynamicReference: Sendable {
    let initial: Edge
    let anchor: String
}
