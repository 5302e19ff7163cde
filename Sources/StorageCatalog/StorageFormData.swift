import JSON

/// What the credentials form on a docs page needs, generated from the catalog at build time:
/// the JSON Schema that `docgen validate` checks against, and each provider's fields with their
/// labels, help and limits. The page's script evaluates the schema, so it holds no rule of its own.
public enum StorageFormData {
    /// `maskedParameters`: the URL query parameters whose values messages mask
    /// (`URLCredentials.parameterNames`), passed in because that list belongs to the validator.
    public static func json(_ catalog: Catalog, maskedParameters: [String]) -> JSONValue {
        let fields: [JSONValue] = catalog.fields.map { field in
            [
                "key": .string(field.key), "label": .string(field.label), "required": .bool(field.required),
                "secret": .bool(field.secret), "array": .bool(field.isArray),
            ]
        }
        return [
            "schema": SchemaGenerator.schema(catalog),
            "maskedParameters": .array(maskedParameters.map { .string($0) }),
            "credentialFields": .array(Catalog.credentialFields.map { .string($0) }),
            "fields": .array(fields),
            "providers": .array(catalog.providers.map { provider($0, catalog: catalog) }),
        ]
    }

    static func provider(_ provider: Catalog.Provider, catalog: Catalog) -> JSONValue {
        let base = catalog.effective(provider)
        var fields = JSONObject()
        for field in catalog.fields {
            fields[field.key] = [
                "label": .string(catalog.label(of: field, for: provider)),
                "help": .string(field.help),
                "limits": .array(limits(field, provider: provider, base: base, catalog: catalog).map { .string($0) }),
            ]
        }
        let credentials: [JSONValue] = base.credentials.map { type, required in
            [
                "type": .string(type), "label": .string(catalog.credentialLabel(type)),
                "required": .array(required.map { .string($0) }),
                "optional": .array((base.optionalCredentials[type] ?? []).map { .string($0) }),
            ]
        }
        return [
            "id": .string(provider.id), "name": .string(provider.name), "providerType": .string(base.providerType),
            "note": provider.note.map { .string($0) } ?? .null,
            "credentials": .array(credentials), "fields": .object(fields),
        ]
    }

    /// The limits of the field tables, as plain sentences for the form.
    static func limits(_ field: Catalog.Field, provider: Catalog.Provider, base: Catalog.Provider, catalog: Catalog) -> [String] {
        var limits: [String] = []
        if let max = field.maxLength { limits.append("At most \(max) characters.") }
        if let max = field.itemMaxLength { limits.append("One path a line, each at most \(max) characters.") }
        if field.key == "specific_attributes" {
            limits.append("Keys: " + base.attributes.joined(separator: ", ") + ".")
            limits += base.attributes.compactMap { catalog.attributes[$0] }.map { "\($0.name): \($0.help)" }
        } else if !["provider_type", "credentials_type"].contains(field.key) {
            limits += FieldTable.ruleSentences(field, provider: provider, base: base).map { $0 + "." }
        }
        if field.secret { limits.append("Secret: not shown, not stored, not sent anywhere.") }
        if field.secretContents { limits.append("The file's contents are secret; only the path is checked.") }
        return limits
    }
}
