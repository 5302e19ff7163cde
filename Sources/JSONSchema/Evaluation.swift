import JSON

/// The state of validating one instance. A value type passed `inout`, so one compiled schema
/// can validate on many threads at once with no locking.
struct Evaluator {
    let program: Program
    /// The instance being validated; errors turn the positions in `instancePath` back into
    /// keys through it.
    let root: JSONValue
    /// Deepest nesting of subschema evaluations before giving up with an error instead of
    /// risking the thread's stack.
    let maxDepth: Int

    var errors: [ValidationError] = []
    /// > 0 while evaluating subschemas whose errors are not reported (`not`, `if`, `contains`,
    /// alternatives of `anyOf`/`oneOf`); no messages are built then, and a failing node stops
    /// at its first failing keyword.
    var quiet = 0
    /// Evaluation path as indices into `program.segments`, joined only for errors.
    var schemaPath: [Int] = []
    /// Steps from the root to the current value: member positions (in the instance's key
    /// order) or array indices. Plain integers, so stepping in and out costs nothing.
    var instancePath: [Int] = []
    /// Resources entered so far, outermost first, for `$dynamicRef`.
    var dynamicScope: [Int] = []
    /// References being followed, with the instance depth at which they were followed: meeting
    /// the same target again at the same depth means the schema loops without consuming input.
    var activeReferences: [(node: Int, depth: Int)] = []
    var depth = 0

    init(program: Program, root: JSONValue, maxDepth: Int) {
        self.program = program
        self.root = root
        self.maxDepth = maxDepth
        schemaPath.reserveCapacity(32)
        instancePath.reserveCapacity(16)
        dynamicScope.reserveCapacity(8)
        activeReferences.reserveCapacity(8)
    }

    /// Evaluates node `n` against `value`. When `collect` is set and the node passes, what it
    /// evaluated (for `unevaluated*`) is added to `out`; a failing node contributes nothing.
    mutating func evaluate(_ n: Int, _ value: JSONValue, collect: Bool, into out: inout Evaluated) -> Bool {
        let node = program.nodes[n]
        if node.ops.isEmpty {
            if node.isFalse, case .alwaysInvalid(let context) = node.body {
                reportFalseSchema(context, node)
                return false
            }
            return true
        }

        depth += 1
        defer { depth -= 1 }
        guard depth <= maxDepth else {
            let limit = maxDepth
            report(node, keyword: "$ref", "the schema nests deeper than \(limit) levels here; it cannot be evaluated")
            return false
        }
        let entersResource = dynamicScope.last != node.resource
        if entersResource { dynamicScope.append(node.resource) }
        defer { if entersResource { dynamicScope.removeLast() } }

        let track = collect || node.tracksEvaluated
        var local = Evaluated()
        var valid = true
        for op in node.ops {
            if !apply(op, node, value, track: track, evaluated: &local) {
                valid = false
                if quiet > 0 { break }
            }
        }
        if valid && collect { out.formUnion(local) }
        return valid
    }

    // MARK: - Stepping into subschemas

    /// Evaluates a subschema against the same instance location (allOf, $ref, then, …).
    mutating func evaluateInPlace(_ edge: Edge, _ value: JSONValue, collect: Bool, into out: inout Evaluated) -> Bool {
        schemaPath.append(edge.segment)
        defer { schemaPath.removeLast() }
        return evaluate(edge.node, value, collect: collect, into: &out)
    }

    /// Evaluates a subschema against a member or item of the instance.
    /// `step` is the member's position among the object's keys, or the array index.
    mutating func evaluateChild(_ edge: Edge, _ value: JSONValue, _ step: Int) -> Bool {
        schemaPath.append(edge.segment)
        instancePath.append(step)
        defer {
            schemaPath.removeLast()
            instancePath.removeLast()
        }
        var ignored = Evaluated()
        return evaluate(edge.node, value, collect: false, into: &ignored)
    }

    /// Runs `body` without reporting errors.
    mutating func quietly<T>(_ body: (inout Evaluator) -> T) -> T {
        quiet += 1
        defer { quiet -= 1 }
        return body(&self)
    }

    /// Runs `body` and takes the errors it reported out of the list, for use as `causes`.
    mutating func capturingErrors(_ body: (inout Evaluator) -> Void) -> [ValidationError] {
        let mark = errors.count
        body(&self)
        let captured = Array(errors[mark...])
        errors.removeSubrange(mark...)
        return ValidationError.sortedByInstance(captured)
    }

    // MARK: - Dispatch

    private mutating func apply(_ op: KeywordOp, _ node: SchemaNode, _ value: JSONValue, track: Bool,
                                evaluated: inout Evaluated) -> Bool {
        switch op {
        case .type(let types): return checkType(types, node, value)
        case .enumeration(let values): return checkEnum(values, node, value)
        case .const(let expected): return checkConst(expected, node, value)
        case .multipleOf(let divisor): return checkMultipleOf(divisor, node, value)
        case .limit(let limit): return checkLimit(limit, node, value)
        case .maxLength(let n): return checkLength(max: n, node, value)
        case .minLength(let n): return checkLength(min: n, node, value)
        case .pattern(let pattern): return checkPattern(pattern, node, value)
        case .format(let format): return checkFormat(format, node, value)
        case .maxItems(let n): return checkItemCount(max: n, node, value)
        case .minItems(let n): return checkItemCount(min: n, node, value)
        case .uniqueItems: return checkUniqueItems(node, value)
        case .maxProperties(let n): return checkPropertyCount(max: n, node, value)
        case .minProperties(let n): return checkPropertyCount(min: n, node, value)
        case .required(let names): return checkRequired(names, node, value)
        case .dependentRequired(let rules): return checkDependentRequired(rules, node, value)
        case .contains(let rule): return applyContains(rule, node, value, track: track, evaluated: &evaluated)
        case .properties(let rules): return applyProperties(rules, node, value, track: track, evaluated: &evaluated)
        case .propertyNames(let edge): return applyPropertyNames(edge, node, value)
        case .items(let rules): return applyItems(rules, value, track: track, evaluated: &evaluated)
        case .allOf(let edges): return applyAllOf(edges, value, track: track, evaluated: &evaluated)
        case .anyOf(let edges): return applyAnyOf(edges, node, value, track: track, evaluated: &evaluated)
        case .oneOf(let edges): return applyOneOf(edges, node, value, track: track, evaluated: &evaluated)
        case .not(let edge): return applyNot(edge, node, value)
        case .conditional(let rule): return applyConditional(rule, value, track: track, evaluated: &evaluated)
        case .dependentSchemas(let rules): return applyDependentSchemas(rules, value, track: track, evaluated: &evaluated)
        case .ref(let edge): return followReference(edge, node, value, track: track, evaluated: &evaluated)
        case .dynamicRef(let reference):
            return followDynamicReference(reference, node, value, track: track, evaluated: &evaluated)
        case .unevaluatedProperties(let edge):
            return applyUnevaluatedProperties(edge, value, evaluated: &evaluated)
        case .unevaluatedItems(let edge):
            return applyUnevaluatedItems(edge, value, evaluated: &evaluated)
        }
    }

    // MARK: - Reporting

    /// The unescaped keys and indices of the current instance location, read back from the
    /// root instance.
    var instanceTokens: [String] {
        var tokens: [String] = []
        var value = root
        for step in instancePath {
            switch value {
            case .object(let object):
                tokens.append(object.keys[step])
                value = object.values[step]
            case .array(let items):
                tokens.append(String(step))
                value = items[step]
            default:
                return tokens
            }
        }
        return tokens
    }

    var instancePointer: String { JSONPointer.pointer(instanceTokens) }

    private var schemaPointer: String {
        schemaPath.map { program.segments[$0] }.joined()
    }

    /// Records a failed keyword of `node` at the current instance location. The message is
    /// only built when errors are being reported.
    @inline(never)
    mutating func report(_ node: SchemaNode, keyword: String, _ message: @autoclosure () -> String,
                         causes: [ValidationError] = []) {
        guard quiet == 0 else { return }
        let segment = "/" + JSONPointer.escape(keyword)
        var error = ValidationError(instancePointer: instancePointer, keyword: keyword,
                                    schemaPointer: schemaPointer + segment,
                                    schemaLocation: node.location + segment, schema: node.object,
                                    message: message(), causes: causes)
        error.instanceOrder = instancePath
        errors.append(error)
    }

    /// A `false` schema reports as the keyword it is the value of, held by its parent object.
    @inline(never)
    private mutating func reportFalseSchema(_ context: FalseSchemaContext, _ node: SchemaNode) {
        guard quiet == 0 else { return }
        let tokens = instanceTokens
        let lastKey = tokens.last
        let lastIndex = tokens.last.flatMap { Int($0) }
        let message = ErrorMessages.falseSchema(keyword: context.keyword, member: context.member,
                                                lastKey: lastKey, lastIndex: lastIndex)
        var error = ValidationError(instancePointer: instancePointer,
                                    keyword: context.keyword.isEmpty ? "false" : context.keyword,
                                    schemaPointer: schemaPointer, schemaLocation: node.location,
                                    schema: context.parentObject, message: message)
        error.instanceOrder = instancePath
        errors.append(error)
    }
}
