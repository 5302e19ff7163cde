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
    let fieldTitles: [String: String]

    public init(schema root: JSONValue, baseURI: String = CompiledSchema.defaultBaseURI,
                remotes: (String) -> JSONValue? = { _ in nil }) throws {
        schema = try CompiledSchema(root: root, baseURI: baseURI, remotes: remotes)
        secrets = SecretPolicy(schema: root)
        var titles: [String: String] = [:]
        for (key, value) in root["properties"]?.objectValue ?? JSONObject() {
            if let title = value["title"]?.stringValue { titles[key] = title }
        }
        fieldTitles = titles
    }

    public func validate(_ document: ConfigDocument) -> [ConfigProblem] {
        var problems: [ConfigProblem] = []
        var seen: Set<String> = []
        for error in schema.validate(document.root) {
            for problem in describe(error, in: document) where seen.insert("\(problem.pointer)\u{0}\(problem.message)").inserted {
                problems.append(problem)
            }
        }
        return problems
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
                let because = custom.map { " (\($0))" } ?? ""
                return ConfigProblem(file: document.file, line: line, column: column, pointer: pointer, keyword: "required",
                                     message: "missing: \(fieldTitles[name].map { "\($0) (\(name))" } ?? name) is required\(because)")
            }
        case "additionalProperties", "unevaluatedProperties":
            let (line, column) = document.keyPosition(of: error.instancePointer)
            let name = JSONPointer.tokens(error.instancePointer)?.last ?? ""
            return [ConfigProblem(file: document.file, line: line, column: column, pointer: error.instancePointer,
                                  keyword: error.keyword,
                                  message: "unknown key '\(name)' is not allowed (its value is not shown, in case it is a secret)\(suggestion(for: name))")]
        default:
            let (line, column) = document.position(of: error.instancePointer)
            var message = custom ?? error.message
            if ["maxLength", "minLength"].contains(error.keyword), case .string(let text)? = document.root.value(at: error.instancePointer) {
                // The length is what matters, and it is safe to show. JSON Schema counts code
                // points (an accent typed as its own mark is one more), so the message does too.
                message += "; found \(text.unicodeScalars.count) characters"
            } else if let found = shownValue(at: error.instancePointer, in: document) {
                message += "; found \(found)"
            }
            return [ConfigProblem(file: document.file, line: line, column: column, pointer: error.instancePointer,
                                  keyword: error.keyword, message: message)]
        }
    }

    /// The value, quoted, unless it is a secret or too long to be useful. The whole document is
    /// named by its kind only.
    private func shownValue(at pointer: String, in document: ConfigDocument) -> String? {
        guard let value = document.root.value(at: pointer) else { return nil }
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
            return s.count <= 80 ? "'\(s)'" : "a text of \(s.count) characters"
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
        let known = fieldTitles.keys.sorted()
        let normalized = String(name.lowercased().map { $0 == "-" ? "_" : $0 })
        if let exact = known.first(where: { $0 == normalized }) { return "; did you mean '\(exact)'?" }
        return nearestName(to: normalized, among: known).map { "; did you mean '\($0)'?" } ?? ""
    }
}
