import JSON

/// Applicators that combine subschemas at the same instance location.
extension Evaluator {
    /// Every branch's errors are reported as they are: each says what is wrong by itself.
    @inline(never)
    mutating func applyAllOf(_ edges: [Edge], _ value: JSONValue, track: Bool, evaluated: inout Evaluated) -> Bool {
        var valid = true
        for edge in edges where !evaluateInPlace(edge, value, collect: track, into: &evaluated) {
            valid = false
            if quiet > 0 { return false }
        }
        return valid
    }

    /// Branches run quietly; only when none matches are they run again to collect their errors
    /// as causes of the single `anyOf` error. With annotations wanted, every branch runs, since
    /// each passing branch contributes what it evaluated.
    @inline(never)
    mutating func applyAnyOf(_ edges: [Edge], _ node: SchemaNode, _ value: JSONValue, track: Bool,
                             evaluated: inout Evaluated) -> Bool {
        var matched = false
        quiet += 1
        for edge in edges {
            if evaluateInPlace(edge, value, collect: track, into: &evaluated) {
                matched = true
                if !track { break }
            }
        }
        quiet -= 1
        if matched { return true }
        if quiet == 0 {
            let causes = branchErrors(edges, value)
            report(node, keyword: "anyOf", ErrorMessages.anyOf(edges.count), causes: causes)
        }
        return false
    }

    @inline(never)
    mutating func applyOneOf(_ edges: [Edge], _ node: SchemaNode, _ value: JSONValue, track: Bool,
                             evaluated: inout Evaluated) -> Bool {
        var matches: [Int] = []
        var matchedAnnotations = Evaluated()
        quiet += 1
        for (i, edge) in edges.enumerated() {
            var branch = Evaluated()
            if evaluateInPlace(edge, value, collect: track, into: &branch) {
                matches.append(i)
                if matches.count == 1 { matchedAnnotations = branch }
                // Two matches already decide the outcome; report them without trying the rest.
                if matches.count == 2 && quiet > 1 { break }
            }
        }
        quiet -= 1
        if matches.count == 1 {
            if track { evaluated.formUnion(matchedAnnotations) }
            return true
        }
        if quiet == 0 {
            if matches.isEmpty {
                report(node, keyword: "oneOf", ErrorMessages.oneOfNone(edges.count), causes: branchErrors(edges, value))
            } else {
                report(node, keyword: "oneOf", ErrorMessages.oneOfMany(edges.count, matches))
            }
        }
        return false
    }

    @inline(never)
    mutating func applyNot(_ edge: Edge, _ node: SchemaNode, _ value: JSONValue) -> Bool {
        var ignored = Evaluated()
        let matched = quietly { $0.evaluateInPlace(edge, value, collect: false, into: &ignored) }
        if !matched { return true }
        report(node, keyword: "not", "must not match the schema in 'not'")
        return false
    }

    /// `if` decides quietly; its annotations count when it passes. `then`/`else` report their
    /// own errors.
    @inline(never)
    mutating func applyConditional(_ rule: Conditional, _ value: JSONValue, track: Bool,
                                   evaluated: inout Evaluated) -> Bool {
        var conditionAnnotations = Evaluated()
        let holds = quietly { $0.evaluateInPlace(rule.condition, value, collect: track, into: &conditionAnnotations) }
        if holds {
            if track { evaluated.formUnion(conditionAnnotations) }
            guard let then = rule.then else { return true }
            return evaluateInPlace(then, value, collect: track, into: &evaluated)
        }
        guard let otherwise = rule.otherwise else { return true }
        return evaluateInPlace(otherwise, value, collect: track, into: &evaluated)
    }

    /// The errors of each branch, run again with reporting on; used only once a branch set has
    /// already failed, so the happy path never pays for messages.
    private mutating func branchErrors(_ edges: [Edge], _ value: JSONValue) -> [ValidationError] {
        capturingErrors { evaluator in
            for edge in edges {
                var ignored = Evaluated()
                _ = evaluator.evaluateInPlace(edge, value, collect: false, into: &ignored)
            }
        }
    }
}
