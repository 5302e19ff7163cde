import Content
import Diagnostics

/// Reads the catalog's YAML into `Catalog`, pointing at the line of any mistake.
public enum CatalogReader {
    public static func read(_ text: String, file: String) -> Result<Catalog, Diagnostic> {
        do {
            guard case .success(let root?) = YAMLReader.read(text, file: file) else {
                if case .failure(let diagnostic) = YAMLReader.read(text, file: file) { return .failure(diagnostic) }
                return .failure(.error(file, 1, 1, "the catalog is empty"))
            }
            var reader = Reader(file: file)
            return .success(try reader.catalog(root))
        } catch let diagnostic as Diagnostic {
            return .failure(diagnostic)
        } catch {
            return .failure(.error(file, 1, 1, "\(error)"))
        }
    }

    private struct Reader {
        let file: String

        func fail(_ node: YAMLNode, _ message: String) -> Diagnostic {
            .error(file, node.line, node.column, message)
        }

        func string(_ node: YAMLNode?, _ what: String, in parent: YAMLNode) throws -> String {
            guard let node else { throw fail(parent, "missing '\(what)'") }
            guard let s = node.string else { throw fail(node, "'\(what)' must be text") }
            return s
        }

        func strings(_ node: YAMLNode?) throws -> [String] {
            guard let node else { return [] }
            guard let items = node.sequence else { throw fail(node, "expected a list") }
            return try items.map { item in
                guard let s = item.string else { throw fail(item, "expected text") }
                return s
            }
        }

        /// A whole number, or nothing; anything else is a mistake, not a missing limit.
        func int(_ node: YAMLNode?, _ what: String) throws -> Int? {
            guard let node else { return nil }
            guard let value = node.int else { throw fail(node, "'\(what)' must be a whole number") }
            return value
        }

        func bool(_ node: YAMLNode?, _ what: String) throws -> Bool {
            guard let node else { return false }
            guard let value = node.bool else { throw fail(node, "'\(what)' must be true or false") }
            return value
        }

        func rules(_ node: YAMLNode?) throws -> [Catalog.Rule] {
            guard let node else { return [] }
            guard let items = node.sequence else { throw fail(node, "rules must be a list") }
            return try items.map { item in
                let message = try string(item["message"], "message", in: item)
                let awsOnly = item["awsOnly"]?.bool ?? false
                let when = item["when"]?.string
                let part = item["part"]?.string
                let showsLength: Bool
                switch item["found"]?.string {
                case nil: showsLength = false
                case "length": showsLength = true
                case let other?: throw fail(item["found"]!, "'found' can only be length, not '\(other)'")
                }
                let kind: Catalog.Rule.Kind
                let regex: String
                if let p = item["pattern"]?.string { (kind, regex) = (.pattern, p) }
                else if let p = item["notPattern"]?.string { (kind, regex) = (.notPattern, p) }
                else { throw fail(item, "a rule needs 'pattern' or 'notPattern'") }
                return .init(kind: kind, regex: regex, message: message, awsOnly: awsOnly, when: when, part: part, showsLength: showsLength)
            }
        }

        mutating func catalog(_ root: YAMLNode) throws -> Catalog {
            let credentialTypes = try (root["credentialTypes"]?.mapping ?? []).map { pair in
                (type: try string(pair.key, "credential type", in: root), label: try string(pair.value, "label", in: pair.key))
            }
            guard let fieldNodes = root["fields"]?.sequence else { throw fail(root, "missing 'fields'") }
            let fields = try fieldNodes.map { node in
                Catalog.Field(
                    key: try string(node["key"], "key", in: node),
                    label: try string(node["label"], "label", in: node),
                    isArray: node["type"]?.string == "array",
                    required: try bool(node["required"], "required"),
                    secret: try bool(node["secret"], "secret"),
                    secretContents: try bool(node["secretContents"], "secretContents"),
                    maxLength: try int(node["maxLength"], "maxLength"),
                    help: try string(node["help"], "help", in: node),
                    rules: try rules(node["rules"]),
                    itemMaxLength: try int(node["itemMaxLength"], "itemMaxLength"),
                    itemRules: try rules(node["itemRules"]))
            }
            var attributes: [String: Catalog.Attribute] = [:]
            for (key, value) in root["attributes"]?.mapping ?? [] {
                let name = try string(key, "attribute", in: root)
                attributes[name] = Catalog.Attribute(name: name, help: try string(value["help"], "help", in: value), rules: try rules(value["rules"]))
            }
            // A credential list naming no field would make a type no config can pass.
            let known = Set(fields.map(\.key))
            func fieldNames(_ node: YAMLNode?) throws -> [String] {
                let names = try strings(node)
                for (name, item) in zip(names, node?.sequence ?? []) where !known.contains(name) {
                    throw fail(item, "'\(name)' is not a field of the catalog")
                }
                return names
            }
            guard let providerNodes = root["providers"]?.sequence else { throw fail(root, "missing 'providers'") }
            var providers: [Catalog.Provider] = []
            for node in providerNodes {
                let sameAs = node["sameAs"]?.string
                var labels: [String: String] = [:]
                for (k, v) in node["labels"]?.mapping ?? [] { labels[k.string ?? ""] = v.string }
                var credentials: [(type: String, required: [String])] = []
                for (k, v) in node["credentials"]?.mapping ?? [] {
                    let type = try string(k, "credential type", in: node)
                    guard credentialTypes.contains(where: { $0.type == type }) else { throw fail(k, "unknown credential type '\(type)'") }
                    credentials.append((type, try fieldNames(v)))
                }
                var optional: [String: [String]] = [:]
                for (k, v) in node["optionalCredentials"]?.mapping ?? [] { optional[k.string ?? ""] = try fieldNames(v) }
                let attributeNames = try strings(node["attributes"])
                for name in attributeNames where attributes[name] == nil { throw fail(node, "unknown attribute '\(name)'") }
                providers.append(Catalog.Provider(
                    id: try string(node["id"], "id", in: node),
                    name: try string(node["name"], "name", in: node),
                    providerType: sameAs == nil ? try string(node["providerType"], "providerType", in: node) : "",
                    sameAs: sameAs, note: node["note"]?.string, labels: labels, credentials: credentials,
                    optionalCredentials: optional, attributes: attributeNames, resourceRules: try rules(node["resourceRules"])))
            }
            for provider in providers {
                if let base = provider.sameAs, !providers.contains(where: { $0.id == base && $0.sameAs == nil }) {
                    throw Diagnostic.error(file, 1, 1, "provider '\(provider.id)' is sameAs '\(base)', which is not a provider")
                }
            }
            return Catalog(title: try string(root["title"], "title", in: root),
                           description: try string(root["description"], "description", in: root),
                           credentialTypes: credentialTypes, fields: fields, attributes: attributes, providers: providers)
        }
    }
}
