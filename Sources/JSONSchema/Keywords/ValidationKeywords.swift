import JSON

/// The assertions of the validation vocabulary. Each applies only to instances of its type
/// (`maxLength` ignores numbers, and so on), as the spec says.
extension Evaluator {
    @inline(never)
    mutating func checkType(_ types: JSONTypes, _ node: SchemaNode, _ value: JSONValue) -> Bool {
        if types.matches(value) { return true }
        report(node, keyword: "type", ErrorMessages.type(types))
        return false
    }

    @inline(never)
    mutating func checkEnum(_ values: EnumValues, _ node: SchemaNode, _ value: JSONValue) -> Bool {
        if values.contains(value) { return true }
        report(node, keyword: "enum", ErrorMessages.enumeration(values.values))
        return false
    }

    @inline(never)
    mutating func checkConst(_ expected: JSONValue, _ node: SchemaNode, _ value: JSONValue) -> Bool {
        if JSONEquality.equal(expected, value) { return true }
        report(node, keyword: "const", ErrorMessages.const(expected))
        return false
    }

    @inline(never)
    mutating func checkMultipleOf(_ divisor: JSONValue, _ node: SchemaNode, _ value: JSONValue) -> Bool {
        guard NumberMath.isNumber(value), !NumberMath.isMultiple(value, of: divisor) else { return true }
        report(node, keyword: "multipleOf", "must be a multiple of \(NumberMath.describe(divisor))")
        return false
    }

    @inline(never)
    mutating func checkLimit(_ limit: NumericLimit, _ node: SchemaNode, _ value: JSONValue) -> Bool {
        if limit.allows(value) { return true }
        report(node, keyword: limit.kind.rawValue, ErrorMessages.limit(limit))
        return false
    }

    @inline(never)
    mutating func checkLength(max: Int, _ node: SchemaNode, _ value: JSONValue) -> Bool {
        guard case .string(let s) = value else { return true }
        // Scalars never outnumber UTF-8 bytes, so short strings need no counting.
        if s.utf8.count <= max || s.unicodeScalars.count <= max { return true }
        report(node, keyword: "maxLength", "must be at most \(ErrorMessages.plural(max, "character"))")
        return false
    }

    @inline(never)
    mutating func checkLength(min: Int, _ node: SchemaNode, _ value: JSONValue) -> Bool {
        guard case .string(let s) = value else { return true }
        // A scalar takes at most 4 bytes, so long strings need no counting either.
        let bytes = s.utf8.count
        if bytes >= min && (bytes / 4 >= min || s.unicodeScalars.count >= min) { return true }
        report(node, keyword: "minLength",
               min == 1 ? "must not be empty" : "must be at least \(ErrorMessages.plural(min, "character"))")
        return false
    }

    @inline(never)
    mutating func checkPattern(_ pattern: Pattern, _ node: SchemaNode, _ value: JSONValue) -> Bool {
        guard case .string(let s) = value, !pattern.matches(s) else { return true }
        report(node, keyword: "pattern", "must match the pattern \(pattern.source)")
        return false
    }

    @inline(never)
    mutating func checkFormat(_ format: FormatCheck, _ node: SchemaNode, _ value: JSONValue) -> Bool {
        guard case .string(let s) = value, !format.accepts(s) else { return true }
        report(node, keyword: "format", "must be a valid \(format.readableName)")
        return false
    }

    @inline(never)
    mutating func checkItemCount(max: Int, _ node: SchemaNode, _ value: JSONValue) -> Bool {
        guard case .array(let items) = value, items.count > max else { return true }
        report(node, keyword: "maxItems", "must have at most \(ErrorMessages.plural(max, "item"))")
        return false
    }

    @inline(never)
    mutating func checkItemCount(min: Int, _ node: SchemaNode, _ value: JSONValue) -> Bool {
        guard case .array(let items) = value, items.count < min else { return true }
        report(node, keyword: "minItems", "must have at least \(ErrorMessages.plural(min, "item"))")
        return false
    }

    @inline(never)
    mutating func checkUniqueItems(_ node: SchemaNode, _ value: JSONValue) -> Bool {
        guard case .array(let items) = value, items.count > 1 else { return true }
        var duplicate: (Int, Int)?
        if items.count <= 16 {
            search: for i in items.indices {
                for j in (i + 1)..<items.count where JSONEquality.equal(items[i], items[j]) {
                    duplicate = (i, j)
                    break search
                }
            }
        } else {
            var seen: [JSONKey: Int] = [:]
            for (j, item) in items.enumerated() {
                if let i = seen.updateValue(j, forKey: JSONKey(value: item)) {
                    duplicate = (i, j)
                    break
                }
            }
        }
        guard let (i, j) = duplicate else { return true }
        report(node, keyword: "uniqueItems", "must not contain duplicate items (items \(i) and \(j) are equal)")
        return false
    }

    @inline(never)
    mutating func checkPropertyCount(max: Int, _ node: SchemaNode, _ value: JSONValue) -> Bool {
        guard case .object(let object) = value, object.count > max else { return true }
        report(node, keyword: "maxProperties", "must have at most \(ErrorMessages.plural(max, "property", "properties"))")
        return false
    }

    @inline(never)
    mutating func checkPropertyCount(min: Int, _ node: SchemaNode, _ value: JSONValue) -> Bool {
        guard case .object(let object) = value, object.count < min else { return true }
        report(node, keyword: "minProperties", "must have at least \(ErrorMessages.plural(min, "property", "properties"))")
        return false
    }

    @inline(never)
    mutating func checkRequired(_ names: [String], _ node: SchemaNode, _ value: JSONValue) -> Bool {
        guard case .object(let object) = value else { return true }
        var valid = true
        for name in names where object[name] == nil {
            valid = false
            if quiet > 0 { break }
            report(node, keyword: "required", "missing required property '\(name)'")
        }
        return valid
    }

    @inline(never)
    mutating func checkDependentRequired(_ rules: [DependentRequirement], _ node: SchemaNode, _ value: JSONValue) -> Bool {
        guard case .object(let object) = value else { return true }
        var valid = true
        for rule in rules where object[rule.property] != nil {
            for name in rule.required where object[name] == nil {
                valid = false
                if quiet > 0 { return false }
                report(node, keyword: "dependentRequired",
                       "missing property '\(name)', which is required when '\(rule.property)' is present")
            }
        }
        return valid
    }
}
