import Basics
import JSON

/// The wording of validation errors. Messages quote the schema (limits, patterns, allowed
/// values, property names) but never the instance's values, which may be secrets.
enum ErrorMessages {
    static func plural(_ n: Int, _ singular: String, _ pluralForm: String? = nil) -> String {
        "\(n) " + (n == 1 ? singular : (pluralForm ?? singular + "s"))
    }

    static func type(_ types: JSONTypes) -> String {
        var names: [String] = []
        // "integer" already says "number" when both are listed.
        if types.contains(.object) { names.append("an object") }
        if types.contains(.array) { names.append("an array") }
        if types.contains(.string) { names.append("a string") }
        if types.contains(.number) { names.append("a number") } else if types.contains(.integer) { names.append("an integer") }
        if types.contains(.boolean) { names.append("a boolean") }
        if types.contains(.null) { names.append("null") }
        return "must be " + listed(names, conjunction: "or")
    }

    static func enumeration(_ values: [JSONValue]) -> String {
        if values.count == 1 { return "must be " + show(values[0]) }
        return "must be one of: " + values.map(show).joined(separator: ", ")
    }

    static func const(_ value: JSONValue) -> String {
        "must be " + show(value)
    }

    static func limit(_ limit: NumericLimit) -> String {
        let bound = NumberMath.describe(limit.bound)
        switch limit.kind {
        case .maximum: return "must be at most \(bound)"
        case .exclusiveMaximum: return "must be less than \(bound)"
        case .minimum: return "must be at least \(bound)"
        case .exclusiveMinimum: return "must be greater than \(bound)"
        }
    }

    static func containsAtLeast(_ n: Int) -> String {
        "must contain at least \(plural(n, "item")) matching the 'contains' schema"
    }

    static func anyOf(_ count: Int) -> String {
        "must match at least one of the \(count) allowed schemas (anyOf)"
    }

    static func oneOfNone(_ count: Int) -> String {
        "must match exactly one of the \(count) allowed schemas (oneOf), but matches none"
    }

    static func oneOfMany(_ count: Int, _ matches: [Int]) -> String {
        "must match exactly one of the \(count) allowed schemas (oneOf), but matches "
            + listed(matches.map { "#\($0)" })
    }

    /// For a `false` subschema: what it forbids depends on the keyword it belongs to.
    static func falseSchema(keyword: String, member: String?, lastKey: String?, lastIndex: Int?) -> String {
        switch keyword {
        case "properties", "patternProperties", "additionalProperties", "unevaluatedProperties":
            if let lastKey { return "property '\(lastKey)' is not allowed" }
        case "prefixItems", "items", "unevaluatedItems":
            if let lastIndex { return "item \(lastIndex) is not allowed" }
        case "dependentSchemas":
            if let member { return "is not allowed when property '\(member)' is present" }
        default:
            break
        }
        return keyword.isEmpty ? "no value is allowed (the schema is false)" : "is not allowed here"
    }

    /// Schema values in messages: strings bare (they read as names), anything else as JSON.
    static func show(_ value: JSONValue) -> String {
        if case .string(let s) = value { return s }
        return value.serialized()
    }
}
