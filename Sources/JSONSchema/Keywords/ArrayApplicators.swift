import JSON

/// Applicators that look at an array's items.
extension Evaluator {
    @inline(never)
    mutating func applyItems(_ rules: ItemRules, _ value: JSONValue, track: Bool, evaluated: inout Evaluated) -> Bool {
        guard case .array(let items) = value else { return true }
        var valid = true
        for (i, item) in items.enumerated() {
            let edge: Edge
            if i < rules.prefix.count {
                edge = rules.prefix[i]
            } else if let rest = rules.rest {
                edge = rest
            } else {
                break
            }
            if !evaluateChild(edge, item, i) {
                valid = false
                if quiet > 0 { return false }
            }
        }
        if track {
            if rules.rest != nil { evaluated.items.insertAll() } else { evaluated.items.insert(upTo: rules.prefix.count) }
        }
        return valid
    }

    /// `contains` with `minContains`/`maxContains`. Items are tried quietly: an item that does
    /// not match is no error in itself.
    @inline(never)
    mutating func applyContains(_ rule: ContainsRule, _ node: SchemaNode, _ value: JSONValue, track: Bool,
                                evaluated: inout Evaluated) -> Bool {
        guard case .array(let items) = value else { return true }
        var matches = 0
        quiet += 1
        for (i, item) in items.enumerated() {
            if evaluateChild(rule.edge, item, i) {
                matches += 1
                if track { evaluated.items.insert(i) }
                // Without annotations to collect or a maximum to check, enough is enough.
                if !track && rule.max == nil && matches >= rule.min { break }
            }
        }
        quiet -= 1
        if matches < rule.min {
            report(node, keyword: rule.explicitMin ? "minContains" : "contains", ErrorMessages.containsAtLeast(rule.min))
            return false
        }
        if let max = rule.max, matches > max {
            report(node, keyword: "maxContains", "must contain at most \(ErrorMessages.plural(max, "item")) matching the 'contains' schema")
            return false
        }
        return true
    }

    @inline(never)
    mutating func applyUnevaluatedItems(_ edge: Edge, _ value: JSONValue, evaluated: inout Evaluated) -> Bool {
        guard case .array(let items) = value else { return true }
        var valid = true
        for (i, item) in items.enumerated() where !evaluated.items.contains(i) {
            if !evaluateChild(edge, item, i) {
                valid = false
                if quiet > 0 { return false }
            }
        }
        evaluated.items.insertAll()
        return valid
    }
}
