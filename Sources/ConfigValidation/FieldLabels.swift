import JSON

/// The labels of CVAT's form, read from the schema's titles, so that a message names the field
/// a user filled in ("Bucket name") and not only its key. A provider may call a field otherwise
/// ("Container name" on Azure): the schema's `if provider_type is P then` branches carry such titles.
struct FieldLabels: Sendable {
    private let titles: [String: String]
    /// provider_type → field → title.
    private let byProvider: [String: [String: String]]

    /// The fields the schema knows, in name order.
    var fields: [String] { titles.keys.sorted() }

    init(schema root: JSONValue) {
        var titles: [String: String] = [:]
        for (key, value) in root["properties"]?.objectValue ?? JSONObject() {
            if let title = value["title"]?.stringValue { titles[key] = title }
        }
        var byProvider: [String: [String: String]] = [:]
        for branch in root["allOf"]?.arrayValue ?? [] {
            guard let type = branch["if"]?["properties"]?["provider_type"]?["const"]?.stringValue else { continue }
            for (key, value) in branch["then"]?["properties"]?.objectValue ?? JSONObject() {
                if let title = value["title"]?.stringValue { byProvider[type, default: [:]][key] = title }
            }
        }
        self.titles = titles
        self.byProvider = byProvider
    }

    /// `Bucket name` for /resource, `Manifests, item 2` for /manifests/1; nil for a key the
    /// schema does not know.
    func label(of pointer: String, in config: JSONValue) -> String? {
        guard let tokens = JSONPointer.tokens(pointer), let field = tokens.first else { return nil }
        let provider = config["provider_type"]?.stringValue
        guard let title = provider.flatMap({ byProvider[$0]?[field] }) ?? titles[field] else { return nil }
        if tokens.count == 2, let index = Int(tokens[1]) { return "\(title), item \(index + 1)" }
        return title
    }
}
