import JSON

/// A JSON Schema (draft 2020-12) compiled for repeated validation.
///
/// Compiling resolves every `$ref`, loads remote documents, compiles regular expressions and
/// reduces each subschema to a list of keyword operations; `validate` then only walks the
/// instance. The value is immutable and `Sendable`: validate from as many threads as you like.
public struct CompiledSchema: Sendable {
    /// Default limit on nested subschema evaluations (instance depth plus in-place applicators
    /// such as `$ref` and `allOf`), past which validation reports an error instead of going on.
    /// Evaluation recurses; at well under 1 KB of stack per level in release builds, 500 levels
    /// stay inside the 512 KB stacks of secondary threads, while real documents come nowhere
    /// near it (a config nested 20 deep is unusual).
    public static let defaultMaxEvaluationDepth = 500

    /// Base URI used when the caller gives none and the root has no `$id`.
    public static let defaultBaseURI = "https://docgen.invalid/schema.json"

    private let program: Program
    private let maxEvaluationDepth: Int

    /// - Parameters:
    ///   - root: the schema (an object or a boolean).
    ///   - baseURI: the URI the schema was retrieved from, against which relative `$id`s and
    ///     `$ref`s resolve (a `file://` URI of the schema file is a good choice).
    ///   - assertFormats: check `format` (date-time, email, hostname, ipv4, ipv6, uri, uuid, …)
    ///     instead of treating it as an annotation only; unknown formats still pass.
    ///   - remotes: returns the document for an absolute URI (without fragment) that a `$ref`
    ///     or `$schema` names and the schema does not define itself; return nil for unknown
    ///     URIs. Never asked for the 2020-12 metaschemas, which are built in. Not kept after
    ///     the initializer returns.
    /// - Throws: `SchemaError` for unresolvable references, invalid keyword values and invalid
    ///   regular expressions.
    public init(root: JSONValue, baseURI: String = CompiledSchema.defaultBaseURI,
                assertFormats: Bool = false,
                remotes: (String) -> JSONValue? = { _ in nil },
                maxEvaluationDepth: Int = CompiledSchema.defaultMaxEvaluationDepth) throws {
        let program: Program = try withoutActuallyEscaping(remotes) { remotes in
            let registry = SchemaRegistry(remotes: remotes)
            let document = try registry.addDocument(root, uri: baseURI)
            let compiler = SchemaCompiler(registry: registry, assertFormats: assertFormats)
            return try compiler.compile(root: Location(document: document, pointer: ""))
        }
        self.program = program
        self.maxEvaluationDepth = maxEvaluationDepth
    }

    /// All the ways `instance` fails the schema, in document order of the instance and then in
    /// schema order; empty when it is valid.
    public func validate(_ instance: JSONValue) -> [ValidationError] {
        var evaluator = Evaluator(program: program, root: instance, maxDepth: maxEvaluationDepth)
        var ignored = Evaluated()
        _ = evaluator.evaluate(program.root, instance, collect: false, into: &ignored)
        return ValidationError.sortedByInstance(evaluator.errors)
    }

    /// Whether `instance` is valid, without building any error messages.
    public func isValid(_ instance: JSONValue) -> Bool {
        var evaluator = Evaluator(program: program, root: instance, maxDepth: maxEvaluationDepth)
        evaluator.quiet = 1
        var ignored = Evaluated()
        return evaluator.evaluate(program.root, instance, collect: false, into: &ignored)
    }
}
