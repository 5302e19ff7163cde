import Basics
import Diagnostics
import Foundation
import JSON
import JSONSchema

/// Validates configs against a JSON Schema compiled once, and turns schema errors into messages
/// in the user's terms, with every secret masked.
public struct ConfigValidator: Sendable {
    let schema: CompiledSchema
    let secrets: SecretPolicy
    let labels: FieldLabels

    public init(schema root: JSONValue, baseURI: String = CompiledSchema.defaultBaseURI,
                remotes: (String) -> JSONValue? = { _ in nil }) throws {
        schema = try CompiledSchema(root: root, baseURI: baseURI, remotes: remotes)
        secrets = SecretPolicy(schema: root)
        labels = FieldLabels(schema: root)
    }

    public func validate(_ document: ConfigDocument) -> [ConfigProblem] {
        var problems: [ConfigProblem] = []
        var seen: Set<String> = []
        for error in schema.validate(document.root) {
            for problem in describe(error, in: document) where seen.insert("\(problem.pointer)\u{0}\(problem.message)").inserted {
                problems.append(problem)
            }
        }
        return Self.rootCauses(problems)
    }

    /// A value of the wrong type breaks every rule written for the right one ("resource": 123
    /// is not a bucket name of any kind): only the type error is its problem.
    static func rootCauses(_ problems: [ConfigProblem]) -> [ConfigProblem] {
        let mistyped = Set(problems.filter { $0.keyword == "type" }.map(\.pointer))
        guard !mistyped.isEmpty else { return problems }
        return problems.filter { problem in
            problem.keyword == "type" || !mistyped.contains(where: { problem.pointer == $0 || problem.pointer.hasPrefix($0 + "/") })
        }
    }

    private func describe(_ error: ValidationError, in document: ConfigDocument) -> [ConfigProblem] {
        let custom = error.schema["x-docgen-message"]?.stringValue
        switch error.keyword {
        case "required":
            // One problem per missing field, at the field's own pointer.
            let required = error.schema["required"]?.arrayValue?.compactMap(\.stringValue) ?? []
            let present = Set(document.root.value(at: error.instancePointer)?.objectValue?.keys ?? [])
            return required.filter { !present.contains($0) }.map { name in
                let pointer = error.instancePointer + "/" + JSONPointer.escape(name)
                let (line, column) = document.position(of: error.instancePointer)
                return ConfigProblem(file: document.file, line: line, column: column, pointer: pointer, keyword: "required",
                                     message: "missing: " + (custom ?? "every config needs \(name)"),
                                     label: labels.label(of: pointer, in: document.root))
            }
        case "additionalProperties", "unevaluatedProperties":
            let (line, column) = document.keyPosition(of: error.instancePointer)
            let name = JSONPointer.tokens(error.instancePointer)?.last ?? ""
            return [ConfigProblem(file: document.file, line: line, column: column, pointer: error.instancePointer,
                                  keyword: error.keyword,
                                  message: "unknown key '\(name)': CVAT's form has no such field (its value is not shown, in case it is a secret)\(suggestion(for: name))")]
        default:
            let (line, column) = document.position(of: error.instancePointer)
            var message = custom
                ?? (error.keyword == "type" ? typeMessage(error.schema["type"], found: document.root.value(at: error.instancePointer)) : nil)
                ?? error.message
            if let found = found(for: error, in: document) { message += "; found \(found)" }
            return [ConfigProblem(file: document.file, line: line, column: column, pointer: error.instancePointer,
                                  keyword: error.keyword, message: message,
                                  label: labels.label(of: error.instancePointer, in: document.root))]
        }
    }

    /// "must be a string" in the words of someone writing the config by hand.
    private func typeMessage(_ type: JSONValue?, found: JSONValue?) -> String? {
        switch (type?.stringValue, found) {
        case ("string", .integer(let n)?): return "must be text in double quotes, even a number: write \"\(n)\""
        case ("string", .null?): return "must be text in double quotes; to leave the field out, remove its key"
        case ("string", _): return "must be text in double quotes"
        case ("array", _): return "must be a list in square brackets, as in [\"manifest.jsonl\"]"
        case ("object", _): return "must be an object of keys and values in braces, { … }"
        default: return nil
        }
    }

    /// What the message quotes of the bad value: its length, the bad part the rule names, or the
    /// value itself, never a secret and with credentials inside URLs masked.
    private func found(for error: ValidationError, in document: ConfigDocument) -> String? {
        guard let value = document.root.value(at: error.instancePointer) else { return nil }
        if case .string(let text) = value, !error.instancePointer.isEmpty {
            // The length is what matters, and it is safe to show. JSON Schema counts code points
            // (an accent typed as its own mark is one more), so the message does too.
            if ["maxLength", "minLength"].contains(error.keyword) || error.schema["x-docgen-found"]?.stringValue == "length" {
                return "\(text.unicodeScalars.count) characters"
            }
            if !secrets.isSecret(error.instancePointer), let pattern = error.schema["x-docgen-part"]?.stringValue,
               let parts = BadParts.of(text, pattern: pattern) {
                return parts
            }
        }
        return shownValue(value, at: error.instancePointer)
    }

    /// The value, quoted, unless it is a secret or too long to be useful. The whole document is
    /// named by its kind only.
    private func shownValue(_ value: JSONValue, at pointer: String) -> String? {
        if pointer.isEmpty {
            switch value {
            case .string: return "a text"
            case .array: return "a list"
            case .object: return "an object"
            default: return "a single value"
            }
        }
        guard !secrets.isSecret(pointer) else { return nil }
        switch value {
        case .string(let s):
            let shown = URLCredentials.masked(s)
            return shown.count <= 80 ? "'\(shown)'" : "a text of \(s.count) characters"
        case .integer(let i): return "the number \(i)"
        case .number(let d): return "the number \(d)"
        case .bool(let b): return b ? "true" : "false"
        case .null: return "null"
        case .array: return "a list"
        case .object: return "an object"
        }
    }

    /// A near miss of a known key, e.g. secret_access_key → secret_key.
    private func suggestion(for name: String) -> String {
        let known = labels.fields
        let normalized = String(name.lowercased().map { $0 == "-" ? "_" : $0 })
        if let exact = known.first(where: { $0 == normalized }) { return "; did you mean '\(exact)'?" }
        return nearestName(to: normalized, among: known).map { "; did you mean '\($0)'?" } ?? ""
    }
}
