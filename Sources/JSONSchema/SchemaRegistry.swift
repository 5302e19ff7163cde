import JSON

/// A place in one of the loaded schema documents.
struct Location: Hashable {
    var document: Int
    /// JSON Pointer from the document root, escaped.
    var pointer: String

    func appending(_ token: String) -> Location {
        Location(document: document, pointer: pointer + "/" + JSONPointer.escape(token))
    }
}

/// A schema resource: a document root or a subschema with `$id`.
struct SchemaResource {
    var uri: String
    var root: Location
    var vocabularies: Vocabularies
    var dynamicAnchors: [String: Location] = [:]
}

/// Knows every loaded schema document, the resources and anchors they define, and resolves
/// references to locations, fetching remote documents on first use.
final class SchemaRegistry {
    private(set) var documents: [JSONValue] = []
    private(set) var resources: [SchemaResource] = []
    private var resourceByURI: [String: Int] = [:]
    private var anchors: [String: Location] = [:]
    /// The resource each discovered subschema belongs to.
    private var resourceAt: [Location: Int] = [:]
    private var metaschemaVocabularies: [String: Vocabularies] = [:]
    private let remotes: (String) -> JSONValue?

    init(remotes: @escaping (String) -> JSONValue?) {
        self.remotes = remotes
    }

    // MARK: - Loading

    /// Registers a document retrieved from `uri` and everything it identifies.
    @discardableResult
    func addDocument(_ root: JSONValue, uri: String) throws -> Int {
        let document = documents.count
        documents.append(root)
        let retrieval = URIResolution.withoutFragment(uri)
        // Walk the subschemas with an explicit stack; only keywords that hold schemas are
        // followed, so an "$id" inside `const` or `enum` data is not mistaken for an identifier.
        var pending: [(value: JSONValue, location: Location, parent: Int?)] =
            [(root, Location(document: document, pointer: ""), nil)]
        while let (value, location, parent) = pending.popLast() {
            guard case .object(let object) = value else {
                resourceAt[location] = try parent ?? addRootResource(retrieval, location, nil)
                continue
            }
            let resource: Int
            if let parent {
                if case .string(let id)? = object["$id"] {
                    let uri = URIResolution.withoutFragment(URIResolution.resolve(id, against: resources[parent].uri))
                    resource = try addResource(uri: uri, root: location, object: object,
                                               inherit: resources[parent].vocabularies)
                } else {
                    resource = parent
                }
            } else {
                resource = try addRootResource(retrieval, location, object)
            }
            resourceAt[location] = resource
            let base = resources[resource].uri
            if case .string(let name)? = object["$anchor"] {
                anchors[base + "#" + name] = location
            }
            if case .string(let name)? = object["$dynamicAnchor"] {
                anchors[base + "#" + name] = location
                resources[resource].dynamicAnchors[name] = location
            }
            for (key, member) in object {
                switch SubschemaKeywords.shape(of: key) {
                case .single:
                    pending.append((member, location.appending(key), resource))
                case .list:
                    if case .array(let items) = member {
                        for (i, item) in items.enumerated() {
                            pending.append((item, location.appending(key).appending(String(i)), resource))
                        }
                    }
                case .map:
                    if case .object(let members) = member {
                        for (name, item) in members {
                            pending.append((item, location.appending(key).appending(name), resource))
                        }
                    }
                case nil:
                    break
                }
            }
        }
        return document
    }

    @discardableResult
    private func addRootResource(_ retrieval: String, _ location: Location, _ object: JSONObject?) throws -> Int {
        var uri = retrieval
        if case .string(let id)? = object?["$id"] {
            uri = URIResolution.withoutFragment(URIResolution.resolve(id, against: retrieval))
        }
        let index = try addResource(uri: uri, root: location, object: object ?? JSONObject(), inherit: .all)
        // The document stays reachable under the URI it was fetched from as well.
        if resourceByURI[retrieval] == nil { resourceByURI[retrieval] = index }
        return index
    }

    private func addResource(uri: String, root: Location, object: JSONObject, inherit: Vocabularies) throws -> Int {
        var vocabularies = inherit
        if case .string(let metaschema)? = object["$schema"] {
            vocabularies = try self.vocabularies(ofMetaschema: URIResolution.withoutFragment(metaschema))
        }
        let index = resources.count
        resources.append(SchemaResource(uri: uri, root: root, vocabularies: vocabularies))
        if resourceByURI[uri] == nil { resourceByURI[uri] = index }
        return index
    }

    private func vocabularies(ofMetaschema uri: String) throws -> Vocabularies {
        if uri == Metaschemas.draft202012 { return .all }
        if let known = metaschemaVocabularies[uri] { return known }
        // A dialect we cannot read is treated as plain 2020-12 rather than refused.
        guard let document = fetch(uri) else { return .all }
        let result = try Vocabularies.declared(by: document, uri: uri)
        metaschemaVocabularies[uri] = result
        return result
    }

    /// The built-in metaschemas first, so callers never need to serve them.
    private func fetch(_ uri: String) -> JSONValue? {
        Metaschemas.document(for: uri) ?? remotes(uri)
    }

    // MARK: - Lookup

    /// The resource for an absolute URI without fragment, fetching it when unknown.
    func resource(for uri: String) throws -> Int? {
        if let index = resourceByURI[uri] { return index }
        guard let document = fetch(uri) else { return nil }
        try addDocument(document, uri: uri)
        return resourceByURI[uri]
    }

    /// Resolves a `$ref`/`$dynamicRef` value written in the resource `from` belongs to.
    func resolve(_ reference: String, from location: Location) throws -> (location: Location, fragment: String) {
        let base = resources[resource(of: location)].uri
        let absolute = URIResolution.resolve(reference, against: base)
        let (uri, rawFragment) = URIResolution.split(absolute)
        let fragment = URIResolution.percentDecoded(rawFragment)
        guard let target = try resource(for: uri) else {
            throw SchemaError(message: "cannot resolve reference '\(reference)': no schema is known at \(uri)",
                              pointer: location.pointer)
        }
        if fragment.isEmpty { return (resources[target].root, fragment) }
        if fragment.hasPrefix("/") {
            let root = resources[target].root
            let resolved = Location(document: root.document, pointer: root.pointer + fragment)
            guard value(at: resolved) != nil else {
                throw SchemaError(message: "cannot resolve reference '\(reference)': nothing at \(fragment)",
                                  pointer: location.pointer)
            }
            return (resolved, fragment)
        }
        guard let anchored = anchors[uri + "#" + fragment] else {
            throw SchemaError(message: "cannot resolve reference '\(reference)': no anchor '\(fragment)' in \(uri)",
                              pointer: location.pointer)
        }
        return (anchored, fragment)
    }

    func value(at location: Location) -> JSONValue? {
        guard let tokens = JSONPointer.tokens(location.pointer) else { return nil }
        return documents[location.document].value(atTokens: tokens)
    }

    /// The resource a location belongs to: its own when discovered, else that of the nearest
    /// discovered ancestor (a `$ref` may point into places the discovery walk does not enter).
    func resource(of location: Location) -> Int {
        var pointer = Substring(location.pointer)
        while true {
            if let index = resourceAt[Location(document: location.document, pointer: String(pointer))] { return index }
            guard let slash = pointer.lastIndex(of: "/") else { break }
            pointer = pointer[..<slash]
        }
        return resourceAt[Location(document: location.document, pointer: "")] ?? 0
    }

    /// "uri#/pointer/inside/resource" for messages and `schemaLocation`.
    func absoluteLocation(of location: Location, in resourceIndex: Int? = nil) -> String {
        let resource = resources[resourceIndex ?? resource(of: location)]
        let relative = location.pointer.dropFirst(resource.root.pointer.count)
        return resource.uri + "#" + relative
    }
}

/// Which keywords hold subschemas, and in what shape.
enum SubschemaKeywords {
    enum Shape { case single, list, map }

    static func shape(of keyword: String) -> Shape? {
        switch keyword {
        case "items", "contains", "additionalProperties", "propertyNames", "if", "then", "else", "not",
             "unevaluatedItems", "unevaluatedProperties", "contentSchema":
            return .single
        case "prefixItems", "allOf", "anyOf", "oneOf":
            return .list
        case "$defs", "properties", "patternProperties", "dependentSchemas", "dependencies":
            return .map
        default:
            return nil
        }
    }
}
