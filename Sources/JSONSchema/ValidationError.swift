import JSON

/// One reason an instance does not satisfy a schema.
///
/// `message` describes the rule, never the instance's value: values may be secrets, and the
/// caller decides whether to show them (it can look the value up with `instancePointer`).
public struct ValidationError: Sendable, Hashable, CustomStringConvertible {
    /// JSON Pointer of the failing value in the instance ("" for the root). For
    /// `additionalProperties`/`unevaluatedProperties`/`propertyNames` it points at the offending
    /// member; for `required` at the object missing the member.
    public var instancePointer: String
    /// The keyword that failed, e.g. "required", "pattern", "additionalProperties".
    public var keyword: String
    /// The evaluation path to the keyword: the keywords and indices followed from the root
    /// schema to reach it, including "$ref"/"$dynamicRef" steps, e.g.
    /// "/allOf/1/then/properties/resource/pattern" or "/properties/a/$ref/minLength".
    public var schemaPointer: String
    /// The keyword's absolute location: the URI of the schema resource that holds it plus a
    /// JSON Pointer fragment inside that resource, e.g. "https://example.com/s.json#/$defs/a/minLength".
    public var schemaLocation: String
    /// The schema object that holds the keyword, so callers can read siblings such as `title`,
    /// `description` or `x-docgen-message`.
    public var schema: JSONObject
    /// Plain English, e.g. "must be at most 128 characters".
    public var message: String
    /// What lies beneath: for `anyOf` and `oneOf` when no branch matched, each branch's errors;
    /// for `propertyNames`, the name's errors. Empty otherwise (other applicators such as
    /// `allOf`, `$ref` and `then` report their subschemas' errors directly).
    public var causes: [ValidationError]

    /// Positions of the instance path's steps (member index in document order, or array index),
    /// which sort errors into document order.
    var instanceOrder: [Int]

    public init(instancePointer: String, keyword: String, schemaPointer: String, schemaLocation: String,
                schema: JSONObject, message: String, causes: [ValidationError] = []) {
        self.instancePointer = instancePointer
        self.keyword = keyword
        self.schemaPointer = schemaPointer
        self.schemaLocation = schemaLocation
        self.schema = schema
        self.message = message
        self.causes = causes
        self.instanceOrder = []
    }

    /// "pointer: message", with "(root)" for the empty pointer.
    public var description: String {
        "\(instancePointer.isEmpty ? "(root)" : instancePointer): \(message)"
    }

    /// Stable sort into document order of the instance; ties keep schema order.
    static func sortedByInstance(_ errors: [ValidationError]) -> [ValidationError] {
        guard errors.count > 1 else { return errors }
        return errors.enumerated().sorted { a, b in
            let x = a.element.instanceOrder, y = b.element.instanceOrder
            if x != y { return x.lexicographicallyPrecedes(y) }
            return a.offset < b.offset
        }.map(\.element)
    }
}
