import JSON

/// Compiles the keywords of one schema object into `KeywordOp`s, in the order they are
/// written (so errors come out in schema order), except that keywords which read the others'
/// results (`unevaluated*`) go last and keyword groups are compiled at their first member.
struct KeywordContext {
    let compiler: SchemaCompiler
    let object: JSONObject
    let location: Location
    let vocabularies: Vocabularies
    private(set) var tracksEvaluated = false

    init(compiler: SchemaCompiler, object: JSONObject, location: Location, vocabularies: Vocabularies) {
        self.compiler = compiler
        self.object = object
        self.location = location
        self.vocabularies = vocabularies
    }

    mutating func compileKeywords() throws -> [KeywordOp] {
        var ops: [KeywordOp] = []
        var last: [KeywordOp] = []
        var didProperties = false, didItems = false
        for key in object.keys {
            if key == "format" {
                if compiler.assertFormats || vocabularies.contains(.formatAssertion),
                   case .string(let name)? = object[key], let check = FormatCheck(rawValue: name) {
                    ops.append(.format(check))
                }
                continue
            }
            guard let vocabulary = Vocabularies.of(key), vocabularies.contains(vocabulary) else { continue }
            let value = object[key]!
            switch key {
            case "type": ops.append(.type(try types(value)))
            case "enum":
                guard case .array(let values) = value else { throw invalid(key, "must be an array") }
                ops.append(.enumeration(EnumValues(values)))
            case "const": ops.append(.const(value))
            case "multipleOf":
                guard NumberMath.isNumber(value), NumberMath.compare(value, .integer(0)) == 1 else {
                    throw invalid(key, "must be a number greater than 0")
                }
                ops.append(.multipleOf(value))
            case "maximum", "exclusiveMaximum", "minimum", "exclusiveMinimum":
                guard NumberMath.isNumber(value) else { throw invalid(key, "must be a number") }
                ops.append(.limit(NumericLimit(kind: NumericLimit.Kind(rawValue: key)!, bound: value)))
            case "maxLength": ops.append(.maxLength(try count(key, value)))
            case "minLength": ops.append(.minLength(try count(key, value)))
            case "pattern":
                guard case .string(let source) = value else { throw invalid(key, "must be a string") }
                ops.append(.pattern(try pattern(source, key)))
            case "maxItems": ops.append(.maxItems(try count(key, value)))
            case "minItems": ops.append(.minItems(try count(key, value)))
            case "uniqueItems":
                if value == .bool(true) { ops.append(.uniqueItems) }
            case "maxProperties": ops.append(.maxProperties(try count(key, value)))
            case "minProperties": ops.append(.minProperties(try count(key, value)))
            case "required": ops.append(.required(try strings(key, value)))
            case "dependentRequired":
                guard case .object(let members) = value else { throw invalid(key, "must be an object") }
                var rules: [DependentRequirement] = []
                for name in members.keys {
                    rules.append(DependentRequirement(property: name, required: try strings(key, members[name]!)))
                }
                ops.append(.dependentRequired(rules))
            case "contains":
                ops.append(.contains(try containsRule()))
            case "properties", "patternProperties", "additionalProperties":
                if !didProperties {
                    didProperties = true
                    ops.append(.properties(try propertyRules()))
                }
            case "propertyNames": ops.append(.propertyNames(single(key)))
            case "prefixItems", "items":
                if !didItems {
                    didItems = true
                    ops.append(.items(try itemRules()))
                }
            case "allOf": ops.append(.allOf(try list(key)))
            case "anyOf": ops.append(.anyOf(try list(key)))
            case "oneOf": ops.append(.oneOf(try list(key)))
            case "not": ops.append(.not(single(key)))
            case "if":
                ops.append(.conditional(Conditional(
                    condition: single("if"),
                    then: object["then"] != nil ? single("then") : nil,
                    otherwise: object["else"] != nil ? single("else") : nil)))
            case "dependentSchemas":
                guard case .object(let members) = value else { throw invalid(key, "must be an object") }
                ops.append(.dependentSchemas(members.keys.map { name in
                    DependentSchema(property: name, edge: member(key, name, value: members[name]))
                }))
            case "dependencies":
                // The draft 2019-09 predecessor of dependentRequired/dependentSchemas, still
                // common in schemas converted from older drafts: arrays name required
                // properties, anything else is a schema.
                guard case .object(let members) = value else { throw invalid(key, "must be an object") }
                var required: [DependentRequirement] = []
                var schemas: [DependentSchema] = []
                for name in members.keys {
                    if case .array = members[name]! {
                        required.append(DependentRequirement(property: name, required: try strings(key, members[name]!)))
                    } else {
                        schemas.append(DependentSchema(property: name, edge: member(key, name, value: members[name])))
                    }
                }
                if !required.isEmpty { ops.append(.dependentRequired(required)) }
                if !schemas.isEmpty { ops.append(.dependentSchemas(schemas)) }
            case "$ref":
                guard case .string(let reference) = value else { throw invalid(key, "must be a string") }
                let target = try compiler.registry.resolve(reference, from: location)
                ops.append(.ref(compiler.edge(target.location, segment: "/$ref")))
            case "$dynamicRef":
                guard case .string(let reference) = value else { throw invalid(key, "must be a string") }
                ops.append(try dynamicReference(reference))
            case "unevaluatedProperties":
                tracksEvaluated = true
                last.append(.unevaluatedProperties(single(key)))
            case "unevaluatedItems":
                tracksEvaluated = true
                last.append(.unevaluatedItems(single(key)))
            default:
                // then/else (compiled with `if`), min/maxContains (with `contains`), identifiers
                // and annotations need no op of their own.
                break
            }
        }
        return ops + last
    }

    // MARK: - Subschemas

    private func single(_ key: String) -> Edge {
        compiler.edge(location.appending(key), value: object[key], segment: "/" + JSONPointer.escape(key))
    }

    private func member(_ key: String, _ name: String, value: JSONValue?) -> Edge {
        let segment = "/" + JSONPointer.escape(key) + "/" + JSONPointer.escape(name)
        return compiler.edge(Location(document: location.document, pointer: location.pointer + segment),
                             value: value, segment: segment)
    }

    private func list(_ key: String) throws -> [Edge] {
        guard case .array(let items)? = object[key], !items.isEmpty else {
            throw invalid(key, "must be a non-empty array of schemas")
        }
        return items.enumerated().map { member(key, String($0.offset), value: $0.element) }
    }

    private func containsRule() throws -> ContainsRule {
        let allowsMin = vocabularies.contains(.validation)
        let minimum = allowsMin ? try object["minContains"].map { try count("minContains", $0) } : nil
        let maximum = allowsMin ? try object["maxContains"].map { try count("maxContains", $0) } : nil
        return ContainsRule(edge: single("contains"), min: minimum ?? 1, max: maximum, explicitMin: minimum != nil)
    }

    private func propertyRules() throws -> PropertyRules {
        var declared: [(name: String, edge: Edge)] = []
        if let value = object["properties"] {
            guard case .object(let members) = value else { throw invalid("properties", "must be an object") }
            for (name, value) in members { declared.append((name, member("properties", name, value: value))) }
        }
        var patterns: [(pattern: Pattern, edge: Edge)] = []
        if let value = object["patternProperties"] {
            guard case .object(let members) = value else { throw invalid("patternProperties", "must be an object") }
            for (source, value) in members {
                patterns.append((try pattern(source, "patternProperties"), member("patternProperties", source, value: value)))
            }
        }
        let additional = object["additionalProperties"] != nil ? single("additionalProperties") : nil
        return PropertyRules(declared: declared, patterns: patterns, additional: additional)
    }

    private func itemRules() throws -> ItemRules {
        var prefix: [Edge] = []
        if object["prefixItems"] != nil { prefix = try list("prefixItems") }
        return ItemRules(prefix: prefix, rest: object["items"] != nil ? single("items") : nil)
    }

    private func dynamicReference(_ reference: String) throws -> KeywordOp {
        let target = try compiler.registry.resolve(reference, from: location)
        let edge = compiler.edge(target.location, segment: "/$dynamicRef")
        // Only a fragment naming a $dynamicAnchor of the initial target makes the reference
        // dynamic; anything else behaves exactly like $ref.
        if !target.fragment.isEmpty, !target.fragment.hasPrefix("/"),
           case .string(let anchor)? = compiler.registry.value(at: target.location)?["$dynamicAnchor"],
           anchor == target.fragment {
            return .dynamicRef(DynamicReference(initial: edge, anchor: anchor))
        }
        return .ref(edge)
    }

    // MARK: - Values

    private func types(_ value: JSONValue) throws -> JSONTypes {
        let names: [JSONValue]
        switch value {
        case .string: names = [value]
        case .array(let items): names = items
        default: throw invalid("type", "must be a type name or an array of them")
        }
        var result: JSONTypes = []
        for name in names {
            guard case .string(let s) = name, let type = JSONTypes.names.first(where: { $0.0 == s }) else {
                throw invalid("type", "unknown type \(name.serialized())")
            }
            result.insert(type.1)
        }
        return result
    }

    private func count(_ key: String, _ value: JSONValue) throws -> Int {
        switch value {
        case .integer(let i) where i >= 0: return i
        case .number(let d) where d >= 0 && d == d.rounded():
            return d >= 9.2e18 ? Int.max : Int(d)
        default: throw invalid(key, "must be a non-negative integer")
        }
    }

    private func strings(_ key: String, _ value: JSONValue) throws -> [String] {
        guard case .array(let items) = value else { throw invalid(key, "must be an array of strings") }
        return try items.map {
            guard case .string(let s) = $0 else { throw invalid(key, "must be an array of strings") }
            return s
        }
    }

    private func pattern(_ source: String, _ key: String) throws -> Pattern {
        do {
            return try compiler.pattern(source)
        } catch {
            throw invalid(key, "'\(source)' is not a valid regular expression")
        }
    }

    private func invalid(_ key: String, _ problem: String) -> SchemaError {
        SchemaError(message: "\(key) \(problem)",
                    pointer: compiler.registry.absoluteLocation(of: location.appending(key)))
    }
}
