import JSON

/// Turns schema documents into a `Program`. Subschemas are compiled from a work list rather
/// than recursively, so deep schemas cannot exhaust the stack, and each location is compiled
/// once, so `$ref` cycles simply point back at an existing node.
final class SchemaCompiler {
    let registry: SchemaRegistry
    /// Check `format` everywhere, not only where a metaschema asks for format assertion.
    let assertFormats: Bool
    private var nodes: [SchemaNode?] = []
    private var nodeAt: [Location: Int] = [:]
    /// Locations waiting to be compiled, with their value when the caller already had it in
    /// hand (subschemas of a compiled object); looking a value up by pointer means walking the
    /// document from its root, which dominated compile time.
    private var queue: [(Location, JSONValue?, Int)] = []
    /// Each distinct pattern is compiled once; generated schemas repeat them per provider.
    private var patterns: [String: Pattern] = [:]
    private var segments: [String] = []
    private var segmentIndex: [String: Int] = [:]

    init(registry: SchemaRegistry, assertFormats: Bool) {
        self.registry = registry
        self.assertFormats = assertFormats
    }

    func compile(root: Location) throws -> Program {
        let rootNode = node(at: root)
        var dynamicAnchors: [[String: Int]] = []
        // Dynamic anchors of every known resource are compiled too, because `$dynamicRef` may
        // land on them from anywhere in the dynamic scope; compiling them can load further
        // documents, hence the loop.
        repeat {
            try drainQueue()
            while dynamicAnchors.count < registry.resources.count {
                let resource = registry.resources[dynamicAnchors.count]
                dynamicAnchors.append(resource.dynamicAnchors.mapValues { node(at: $0) })
            }
        } while !queue.isEmpty
        return Program(nodes: nodes.map { $0! }, dynamicAnchors: dynamicAnchors, segments: segments, root: rootNode)
    }

    /// The node index for a location, queueing it for compilation on first request.
    func node(at location: Location, value: JSONValue? = nil) -> Int {
        if let index = nodeAt[location] { return index }
        let index = nodes.count
        nodes.append(nil)
        nodeAt[location] = index
        queue.append((location, value, index))
        return index
    }

    func edge(_ location: Location, value: JSONValue? = nil, segment: String) -> Edge {
        Edge(node: node(at: location, value: value), segment: self.segment(segment))
    }

    func pattern(_ source: String) throws -> Pattern {
        if let known = patterns[source] { return known }
        let compiled = try Pattern(source)
        patterns[source] = compiled
        return compiled
    }

    func segment(_ text: String) -> Int {
        if let index = segmentIndex[text] { return index }
        segments.append(text)
        segmentIndex[text] = segments.count - 1
        return segments.count - 1
    }

    private func drainQueue() throws {
        while let (location, value, index) = queue.popLast() {
            nodes[index] = try compileNode(at: location, value: value)
        }
    }

    private func compileNode(at location: Location, value known: JSONValue?) throws -> SchemaNode {
        guard let value = known ?? registry.value(at: location) else {
            throw SchemaError(message: "no schema at this location", pointer: registry.absoluteLocation(of: location))
        }
        let resource = registry.resource(of: location)
        let absolute = registry.absoluteLocation(of: location, in: resource)
        switch value {
        case .bool(true):
            return SchemaNode(body: .alwaysValid, object: JSONObject(), resource: resource, location: absolute,
                              tracksEvaluated: false)
        case .bool(false):
            return SchemaNode(body: .alwaysInvalid(falseContext(at: location)), object: JSONObject(),
                              resource: resource, location: absolute, tracksEvaluated: false)
        case .object(let object):
            var context = KeywordContext(compiler: self, object: object, location: location,
                                         vocabularies: registry.resources[resource].vocabularies)
            let ops = try context.compileKeywords()
            return SchemaNode(body: .keywords(ops), object: object, resource: resource, location: absolute,
                              tracksEvaluated: context.tracksEvaluated)
        default:
            throw SchemaError(message: "a schema must be an object or a boolean", pointer: absolute)
        }
    }

    /// Works out which keyword a `false` schema is the value of, from its location.
    private func falseContext(at location: Location) -> FalseSchemaContext {
        guard let tokens = JSONPointer.tokens(location.pointer), !tokens.isEmpty else {
            return FalseSchemaContext(keyword: "", member: nil, parentObject: JSONObject())
        }
        var keywordIndex = tokens.count - 1
        if tokens.count >= 2, let shape = SubschemaKeywords.shape(of: tokens[tokens.count - 2]), shape != .single {
            keywordIndex = tokens.count - 2
        }
        let parent = Location(document: location.document, pointer: JSONPointer.pointer(tokens[..<keywordIndex]))
        let keyword = tokens[keywordIndex]
        return FalseSchemaContext(
            keyword: keyword,
            member: keywordIndex == tokens.count - 2 ? tokens.last : nil,
            parentObject: registry.value(at: parent)?.objectValue ?? JSONObject())
    }
}
