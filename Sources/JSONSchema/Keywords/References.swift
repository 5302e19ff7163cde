import JSON

/// `$ref` and `$dynamicRef`: in-place applicators whose target was resolved at compile time
/// (or, for a dynamic reference, is picked from the dynamic scope).
extension Evaluator {
    @inline(never)
    mutating func followReference(_ edge: Edge, _ node: SchemaNode, _ value: JSONValue, track: Bool,
                                  evaluated: inout Evaluated) -> Bool {
        follow(edge, keyword: "$ref", node, value, track: track, evaluated: &evaluated)
    }

    /// The outermost resource in the dynamic scope that declares the anchor supplies the target;
    /// the statically resolved target is the fallback (it is in scope anyway).
    @inline(never)
    mutating func followDynamicReference(_ reference: DynamicReference, _ node: SchemaNode, _ value: JSONValue,
                                         track: Bool, evaluated: inout Evaluated) -> Bool {
        var edge = reference.initial
        for resource in dynamicScope {
            if let target = program.dynamicAnchors[resource][reference.anchor] {
                edge = Edge(node: target, segment: reference.initial.segment)
                break
            }
        }
        return follow(edge, keyword: "$dynamicRef", node, value, track: track, evaluated: &evaluated)
    }

    private mutating func follow(_ edge: Edge, keyword: String, _ node: SchemaNode, _ value: JSONValue, track: Bool,
                                 evaluated: inout Evaluated) -> Bool {
        // Along one evaluation path the instance location only ever gets deeper, so meeting the
        // same target at the same depth means the references loop without consuming anything.
        let level = instancePath.count
        for active in activeReferences.reversed() {
            if active.depth != level { break }
            if active.node == edge.node {
                report(node, keyword: keyword, "the schema's references loop back to themselves here without checking anything")
                return false
            }
        }
        activeReferences.append((edge.node, level))
        defer { activeReferences.removeLast() }
        return evaluateInPlace(edge, value, collect: track, into: &evaluated)
    }
}
