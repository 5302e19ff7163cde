import JSON

/// The compiled schema: every (sub)schema reachable from the root becomes one `SchemaNode`,
/// addressed by its index, so `$ref` cycles are just indices pointing back.
final class Program: Sendable {
    let nodes: [SchemaNode]
    /// For each schema resource, its `$dynamicAnchor`s, as nodes.
    let dynamicAnchors: [[String: Int]]
    /// Evaluation-path steps, indexed by `Edge.segment`.
    let segments: [String]
    let root: Int

    init(nodes: [SchemaNode], dynamicAnchors: [[String: Int]], segments: [String], root: Int) {
        self.nodes = nodes
        self.dynamicAnchors = dynamicAnchors
        self.segments = segments
        self.root = root
    }
}

/// A subschema ready to run. A class so that the evaluator reads it through one reference
/// instead of copying its fields.
final class SchemaNode: Sendable {
    enum Body: Sendable {
        case alwaysValid
        /// `false`: reports itself as the keyword that led here (`additionalProperties`, …).
        case alwaysInvalid(FalseSchemaContext)
        case keywords([KeywordOp])
    }

    let body: Body
    /// The keyword operations (empty for boolean schemas), kept apart from `body` so the hot
    /// path reads them without unpacking the enum.
    let ops: [KeywordOp]
    let isFalse: Bool
    /// The schema object (empty for boolean schemas), handed to errors for `title`,
    /// `description`, `x-docgen-message` and the like.
    let object: JSONObject
    /// The schema resource the node belongs to, for the dynamic scope.
    let resource: Int
    /// Absolute location: resource URI + "#" + pointer inside the resource.
    let location: String
    /// The node has `unevaluatedProperties`/`unevaluatedItems`, so its in-place subschemas must
    /// report what they evaluated.
    let tracksEvaluated: Bool

    init(body: Body, object: JSONObject, resource: Int, location: String, tracksEvaluated: Bool) {
        self.body = body
        if case .keywords(let ops) = body { self.ops = ops } else { self.ops = [] }
        if case .alwaysInvalid = body { isFalse = true } else { isFalse = false }
        self.object = object
        self.resource = resource
        self.location = location
        self.tracksEvaluated = tracksEvaluated
    }
}

/// Where a `false` schema sits, so its error can say "property 'x' is not allowed" and point at
/// the schema object holding the keyword rather than at the bare `false`.
struct FalseSchemaContext: Sendable {
    /// The keyword whose value (or member of whose value) is `false`; "" at a root.
    var keyword: String
    /// For `dependentSchemas`: the property whose presence triggers the subschema.
    var member: String?
    var parentObject: JSONObject
}

/// A subschema reached through a keyword. `segment` indexes `Program.segments`, the
/// evaluation-path text of the step ("/properties/name") built once at compile time; keeping
/// it an integer makes edges plain data that evaluation copies without reference counting.
struct Edge: Sendable {
    let node: Int
    let segment: Int
}
