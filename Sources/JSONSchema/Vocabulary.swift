import JSON

/// The 2020-12 vocabularies a schema resource uses. A metaschema's `$vocabulary` can switch some
/// off (e.g. a dialect with no validation vocabulary makes `minimum` a plain annotation).
struct Vocabularies: OptionSet, Hashable {
    let rawValue: UInt8
    static let core = Vocabularies(rawValue: 1 << 0)
    static let applicator = Vocabularies(rawValue: 1 << 1)
    static let unevaluated = Vocabularies(rawValue: 1 << 2)
    static let validation = Vocabularies(rawValue: 1 << 3)
    static let formatAssertion = Vocabularies(rawValue: 1 << 4)
    static let all: Vocabularies = [.core, .applicator, .unevaluated, .validation]

    static let byURI: [String: Vocabularies] = [
        "https://json-schema.org/draft/2020-12/vocab/core": .core,
        "https://json-schema.org/draft/2020-12/vocab/applicator": .applicator,
        "https://json-schema.org/draft/2020-12/vocab/unevaluated": .unevaluated,
        "https://json-schema.org/draft/2020-12/vocab/validation": .validation,
        "https://json-schema.org/draft/2020-12/vocab/format-assertion": .formatAssertion,
        // Annotation-only vocabularies: known, but nothing to switch.
        "https://json-schema.org/draft/2020-12/vocab/meta-data": [],
        "https://json-schema.org/draft/2020-12/vocab/format-annotation": [],
        "https://json-schema.org/draft/2020-12/vocab/content": [],
    ]

    /// Which vocabulary a keyword belongs to; nil for annotations and unknown keywords.
    static func of(_ keyword: String) -> Vocabularies? {
        byKeyword[keyword]
    }

    // One hash lookup per keyword: a `switch` over strings compares them one after another,
    // which showed up in the compile time of every schema.
    private static let byKeyword: [String: Vocabularies] = {
        var table: [String: Vocabularies] = [:]
        for k in ["$ref", "$dynamicRef", "$defs", "$id", "$anchor", "$dynamicAnchor", "$schema", "$vocabulary", "$comment"] {
            table[k] = .core
        }
        for k in ["prefixItems", "items", "contains", "additionalProperties", "properties", "patternProperties",
                  "dependentSchemas", "dependencies", "propertyNames", "if", "then", "else", "allOf", "anyOf", "oneOf", "not"] {
            table[k] = .applicator
        }
        for k in ["unevaluatedItems", "unevaluatedProperties"] { table[k] = .unevaluated }
        for k in ["type", "const", "enum", "multipleOf", "maximum", "exclusiveMaximum", "minimum", "exclusiveMinimum",
                  "maxLength", "minLength", "pattern", "maxItems", "minItems", "uniqueItems", "maxContains",
                  "minContains", "maxProperties", "minProperties", "required", "dependentRequired"] {
            table[k] = .validation
        }
        return table
    }()

    /// The vocabularies a metaschema declares. Unknown vocabularies marked required make the
    /// dialect unusable, as the spec demands; optional ones are ignored.
    static func declared(by metaschema: JSONValue, uri: String) throws -> Vocabularies {
        guard case .object(let declared)? = metaschema["$vocabulary"] else { return .all }
        var result: Vocabularies = .core
        for key in declared.keys {
            if let known = byURI[key] {
                result.formUnion(known)
            } else if declared[key] == .bool(true) {
                throw SchemaError(message: "metaschema \(uri) requires the unsupported vocabulary \(key)", pointer: "/$schema")
            }
        }
        return result
    }
}
