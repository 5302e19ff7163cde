import Rendering

/// The reference table of one provider's form fields, for the docs. Generated from the catalog,
/// so the docs say exactly what `docgen validate` checks.
public enum FieldTable {
    public static func html(for provider: Catalog.Provider, in catalog: Catalog) -> String {
        let base = catalog.effective(provider)
        var rows: [[String]] = []
        for field in catalog.fields {
            let isCredential = Catalog.credentialFields.contains(field.key)
            let usedBy = base.credentials.filter { $0.required.contains(field.key) || (base.optionalCredentials[$0.type] ?? []).contains(field.key) }
            if isCredential && usedBy.isEmpty { continue }
            let label = catalog.label(of: field, for: provider)
            rows.append([
                HTML.escape(label),
                "<code>\(HTML.escape(field.key))</code>",
                required(field, usedBy: usedBy, provider: base),
                limits(field, provider: provider, base: base, catalog: catalog),
                description(field, provider: provider, base: base, catalog: catalog),
            ])
        }
        var html = "<table class=\"storage-fields\" data-provider=\"\(HTML.escapeAttribute(provider.id))\">\n"
        html += "<thead>\n<tr><th>Field</th><th>API key</th><th>Required</th><th>Limits</th><th>Description</th></tr>\n</thead>\n<tbody>\n"
        for row in rows { html += "<tr>" + row.map { "<td>\($0)</td>" }.joined() + "</tr>\n" }
        html += "</tbody>\n</table>\n"
        if let note = provider.note { html += "<p class=\"storage-note\">\(HTML.escape(note))</p>\n" }
        return html
    }

    static func required(_ field: Catalog.Field, usedBy: [(type: String, required: [String])], provider: Catalog.Provider) -> String {
        if field.required { return "yes" }
        guard !usedBy.isEmpty else { return "no" }
        let needed = usedBy.filter { $0.required.contains(field.key) }.map { "<code>\($0.type)</code>" }
        let optional = usedBy.filter { !$0.required.contains(field.key) }.map { "<code>\($0.type)</code>" }
        var parts: [String] = []
        if !needed.isEmpty { parts.append("with " + needed.joined(separator: ", ")) }
        if !optional.isEmpty { parts.append("optional with " + optional.joined(separator: ", ")) }
        return parts.joined(separator: "; ") + "; not allowed with other types"
    }

    static func limits(_ field: Catalog.Field, provider: Catalog.Provider, base: Catalog.Provider, catalog: Catalog) -> String {
        var limits: [String] = []
        if let max = field.maxLength { limits.append("at most \(max) characters") }
        if let max = field.itemMaxLength { limits.append("each path at most \(max) characters") }
        switch field.key {
        case "provider_type": limits.append("<code>\(HTML.escape(base.providerType))</code>")
        case "credentials_type": limits.append(base.credentials.map { "<code>\($0.type)</code>" }.joined(separator: ", "))
        case "specific_attributes":
            limits.append("keys: " + base.attributes.map { "<code>\($0)</code>" }.joined(separator: ", "))
        default:
            limits += ruleSentences(field, provider: provider, base: base).map(HTML.escape)
        }
        if field.secret { limits.append("secret: never shown in output") }
        if field.secretContents { limits.append("the file's contents are secret") }
        return limits.joined(separator: "<br>")
    }

    /// The rules a field's value must follow, as sentences; the form shows the same ones.
    static func ruleSentences(_ field: Catalog.Field, provider: Catalog.Provider, base: Catalog.Provider) -> [String] {
        if field.key == "resource" {
            return base.resourceRules.filter { !($0.awsOnly && provider.sameAs != nil) }.map { sentence($0.message) }
        }
        return (field.rules + field.itemRules).filter { $0.kind == .notPattern || field.isArray }.map { sentence($0.message) }
    }

    static func description(_ field: Catalog.Field, provider: Catalog.Provider, base: Catalog.Provider, catalog: Catalog) -> String {
        var text = HTML.escape(field.help)
        if field.key == "specific_attributes" {
            let details = base.attributes.compactMap { catalog.attributes[$0] }.map { "<code>\($0.name)</code>: \(HTML.escape($0.help))" }
            text += "<br>" + details.joined(separator: "<br>")
        }
        if field.key == "credentials_type" {
            text += "<br>" + base.credentials.map { "<code>\($0.type)</code>: \(HTML.escape(catalog.credentialLabel($0.type)))" }.joined(separator: "<br>")
        }
        return text
    }

    static func sentence(_ message: String) -> String {
        message.prefix(1).uppercased() + message.dropFirst()
    }
}
