import Basics
import JSON

/// Turns the catalog into a JSON Schema (draft 2020-12). Every check docgen makes is in this
/// schema, so any standard validator reaches the same verdict. Messages for people travel in
/// `x-docgen-message` beside each rule, which other validators ignore as an unknown keyword;
/// secrets are marked with the standard `writeOnly`.
public enum SchemaGenerator {
    public static let schemaID = "https://docgen.dev/schemas/cloud-storage.schema.json"

    public static func schema(_ catalog: Catalog) -> JSONValue {
        var properties = JSONObject()
        properties["$schema"] = ["type": "string", "description": "The schema this config follows, for editors."]
        for field in catalog.fields {
            properties[field.key] = .object(fieldSchema(field, catalog: catalog))
        }
        var root: JSONObject = [
            ("$schema", "https://json-schema.org/draft/2020-12/schema"),
            ("$id", .string(schemaID)),
            ("title", .string(catalog.title)),
            ("description", .string(catalog.description)),
            ("type", "object"),
            ("required", .array(catalog.fields.filter(\.required).map { .string($0.key) })),
            ("properties", .object(properties)),
            ("additionalProperties", false),
        ].jsonObject
        root["allOf"] = .array(catalog.cvatProviders.map { providerRules($0, catalog: catalog) })
        return .object(root)
    }

    static func fieldSchema(_ field: Catalog.Field, catalog: Catalog) -> JSONObject {
        var schema: JSONObject = [("title", .string(field.label)), ("description", .string(field.help))].jsonObject
        if field.isArray {
            schema["type"] = "array"
            var items: JSONObject = [("type", "string")].jsonObject
            if let max = field.itemMaxLength { items["maxLength"] = .integer(max) }
            if !field.itemRules.isEmpty { items["allOf"] = .array(field.itemRules.map(ruleSchema)) }
            schema["items"] = .object(items)
            return schema
        }
        schema["type"] = "string"
        if let max = field.maxLength { schema["maxLength"] = .integer(max) }
        if field.secret || field.secretContents { schema["writeOnly"] = true }
        switch field.key {
        case "provider_type":
            let types = catalog.cvatProviders.map(\.providerType)
            schema["enum"] = .array(types.map { .string($0) })
            schema["x-docgen-message"] = .string("the provider must be one of \(listed(types)); S3-compatible services such as Backblaze B2 use AWS_S3_BUCKET")
        case "credentials_type":
            let types = catalog.credentialTypes.map(\.type)
            schema["enum"] = .array(types.map { .string($0) })
            schema["x-docgen-message"] = .string("the authentication type must be one of \(listed(types))")
        default:
            break
        }
        if !field.rules.isEmpty { schema["allOf"] = .array(field.rules.map(ruleSchema)) }
        return schema
    }

    /// One rule as a schema. `x-docgen-part` (a pattern whose matches, or first group, are the
    /// part of the value to show) and `x-docgen-found: length` tell docgen's messages what to
    /// quote; like `x-docgen-message`, other validators ignore them.
    static func ruleSchema(_ rule: Catalog.Rule) -> JSONValue {
        var check: JSONObject
        switch rule.kind {
        case .pattern:
            check = [("pattern", .string(rule.regex)), ("x-docgen-message", .string(rule.message))].jsonObject
        case .notPattern:
            // "A string matching it" is what is ruled out: `pattern` alone holds for any value
            // that is not a string, so `not` would reject every number or list with this message.
            check = [("not", .object([("type", "string"), ("pattern", .string(rule.regex))].jsonObject)),
                     ("x-docgen-message", .string(rule.message))].jsonObject
        }
        if let part = rule.part { check["x-docgen-part"] = .string(part) }
        if rule.showsLength { check["x-docgen-found"] = "length" }
        guard let when = rule.when else { return .object(check) }
        return ["if": ["pattern": .string(when)], "then": .object(check)]
    }

    /// A rule of one key of specific_attributes: its message shows that key's pair, not the
    /// whole string of pairs.
    static func attributeRuleSchema(_ rule: Catalog.Rule, name: String) -> JSONValue {
        var rule = rule
        if rule.part == nil { rule.part = "(?:^|&)(\(name)=[^&]*)" }
        return ruleSchema(rule)
    }

    /// `if provider_type is P then …`: the credential types, names and attributes P allows.
    static func providerRules(_ provider: Catalog.Provider, catalog: Catalog) -> JSONValue {
        var then = JSONObject()
        var properties = JSONObject()
        let types = provider.credentials.map(\.type)
        properties["credentials_type"] = .object([
            ("enum", .array(types.map { .string($0) })),
            ("x-docgen-message", .string("\(provider.name) accepts the authentication types \(listed(types))")),
        ].jsonObject)
        // The provider's own name for the field ("Container name"), for messages and editors.
        let resourceLabel = catalog.field("resource").map { catalog.label(of: $0, for: provider) } ?? "resource"
        properties["resource"] = .object([
            ("title", .string(resourceLabel)),
            ("allOf", .array(provider.resourceRules.filter { !$0.awsOnly }.map(ruleSchema))),
        ].jsonObject)

        var attributeRules: [JSONValue] = []
        let keys = provider.attributes.joined(separator: "|")
        // Only the keys of pairs are judged here: a pair without '=' or an empty pair (a stray
        // '&') is the syntax rule's mistake, and reporting it twice would hide which it is.
        let pair = "((\(keys))=[^&]*|[^&=]*)"
        attributeRules.append(.object([
            ("pattern", .string("^\(pair)(&\(pair))*$")),
            ("x-docgen-message", .string("\(provider.name) reads only the keys \(listed(provider.attributes)) in specific_attributes")),
            ("x-docgen-part", .string("(?:^|&)((?!(?:\(keys))=)[^&=]+)=")),
        ].jsonObject))
        for name in provider.attributes {
            attributeRules += catalog.attributes[name]?.rules.map { attributeRuleSchema($0, name: name) } ?? []
        }
        properties["specific_attributes"] = ["allOf": .array(attributeRules)]
        then["properties"] = .object(properties)

        var conditions: [JSONValue] = []
        let awsOnly = provider.resourceRules.filter(\.awsOnly)
        if !awsOnly.isEmpty {
            // Names AWS reserves are fine on S3-compatible services, which set endpoint_url.
            conditions.append([
                "if": ["properties": ["specific_attributes": ["pattern": "(^|&)endpoint_url="]], "required": ["specific_attributes"]],
                "else": ["properties": ["resource": ["allOf": .array(awsOnly.map(ruleSchema))]]],
            ])
        }
        for (type, required) in provider.credentials {
            conditions.append(credentialRules(provider, type: type, required: required, catalog: catalog))
        }
        then["allOf"] = .array(conditions)
        return [
            "if": ["properties": ["provider_type": ["const": .string(provider.providerType)]], "required": ["provider_type"]],
            "then": .object(then),
        ]
    }

    /// Which credential fields a type needs (not empty) and which it forbids.
    static func credentialRules(_ provider: Catalog.Provider, type: String, required: [String], catalog: Catalog) -> JSONValue {
        let optional = provider.optionalCredentials[type] ?? []
        var properties = JSONObject()
        for key in required {
            let label = catalog.field(key).map { catalog.label(of: $0, for: provider) } ?? key
            // CVAT trims credentials, so one made of spaces is as empty as "": at least one
            // character that is not white space.
            properties[key] = .object([
                ("pattern", "\\S"),
                ("x-docgen-message", .string("\(label) must not be empty with \(type)")),
            ].jsonObject)
        }
        for key in Catalog.credentialFields where !required.contains(key) && !optional.contains(key) {
            properties[key] = .object([
                ("not", [:]),
                ("x-docgen-message", .string("\(key) is not used by \(provider.name) with \(type); remove it")),
            ].jsonObject)
        }
        var then: JSONObject = [("properties", .object(properties))].jsonObject
        if !required.isEmpty {
            then["required"] = .array(required.map { .string($0) })
            then["x-docgen-message"] = .string("\(provider.name) with \(type) needs \(listed(required))")
        }
        return [
            "if": ["properties": ["credentials_type": ["const": .string(type)]], "required": ["credentials_type"]],
            "then": .object(then),
        ]
    }
}

extension Array where Element == (String, JSONValue) {
    var jsonObject: JSONObject { JSONObject(self) }
}
