import JSON

/// Applicators that look at an object's members.
extension Evaluator {
    /// `properties`, `patternProperties` and `additionalProperties` in one pass over the members,
    /// in the instance's order.
    @inline(never)
    mutating func applyProperties(_ rules: PropertyRules, _ node: SchemaNode, _ value: JSONValue, track: Bool,
                                  evaluated: inout Evaluated) -> Bool {
        guard case .object(let object) = value else { return true }
        var valid = true
        // With only `properties`, walk the schema's few names and find each in the instance:
        // no hashing for small objects, and members the schema does not name cost nothing.
        if rules.patterns.isEmpty && rules.additional == nil {
            for (name, edge) in rules.declared {
                guard let position = object.position(of: name) else { continue }
                if !evaluateChild(edge, object.values[position], position) {
                    valid = false
                    if quiet > 0 { return false }
                }
                if track { evaluated.properties.insert(position) }
            }
            return valid
        }
        for (position, key) in object.keys.enumerated() {
            let member = object.values[position]
            var matched = false
            if let (name, edge) = rules.properties[key], JSONEquality.sameScalars(name, key) {
                matched = true
                if !evaluateChild(edge, member, position) { valid = false }
            }
            for (pattern, edge) in rules.patterns where pattern.matches(key) {
                matched = true
                if !evaluateChild(edge, member, position) { valid = false }
            }
            if !matched, let edge = rules.additional {
                matched = true
                if !evaluateChild(edge, member, position) { valid = false }
            }
            if !valid && quiet > 0 { return false }
            if matched && track { evaluated.properties.insert(position) }
        }
        return valid
    }

    /// Each member name is checked as a string; a failure is reported once per name at the
    /// member, with the name's own errors as causes.
    @inline(never)
    mutating func applyPropertyNames(_ edge: Edge, _ node: SchemaNode, _ value: JSONValue) -> Bool {
        guard case .object(let object) = value else { return true }
        var valid = true
        for (position, key) in object.keys.enumerated() {
            instancePath.append(position)
            defer { instancePath.removeLast() }
            if quiet > 0 {
                if !evaluateNameOnly(edge, key) { return false }
                continue
            }
            var passed = true
            let causes = capturingErrors {
                $0.schemaPath.append(edge.segment)
                passed = $0.evaluateNameOnly(edge, key)
                $0.schemaPath.removeLast()
            }
            if !passed {
                valid = false
                report(node, keyword: "propertyNames", "property name '\(key)' is not allowed", causes: causes)
            }
        }
        return valid
    }

    private mutating func evaluateNameOnly(_ edge: Edge, _ key: String) -> Bool {
        var ignored = Evaluated()
        return evaluate(edge.node, .string(key), collect: false, into: &ignored)
    }

    @inline(never)
    mutating func applyDependentSchemas(_ rules: [DependentSchema], _ value: JSONValue, track: Bool,
                                        evaluated: inout Evaluated) -> Bool {
        guard case .object(let object) = value else { return true }
        var valid = true
        for rule in rules where object[rule.property] != nil {
            if !evaluateInPlace(rule.edge, value, collect: track, into: &evaluated) {
                valid = false
                if quiet > 0 { return false }
            }
        }
        return valid
    }

    /// Members that no adjacent or in-place keyword evaluated (per the collected annotations)
    /// must pass the subschema; afterwards every member counts as evaluated.
    @inline(never)
    mutating func applyUnevaluatedProperties(_ edge: Edge, _ value: JSONValue, evaluated: inout Evaluated) -> Bool {
        guard case .object(let object) = value else { return true }
        var valid = true
        for position in object.keys.indices where !evaluated.properties.contains(position) {
            if !evaluateChild(edge, object.values[position], position) {
                valid = false
                if quiet > 0 { return false }
            }
        }
        evaluated.properties.insertAll()
        return valid
    }
}
