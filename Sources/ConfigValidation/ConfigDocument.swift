import Basics
import Content
import Diagnostics
import Foundation
import JSON

/// A config file read into a JSON value, with the position of every value for messages.
/// JSON is read by docgen's JSON reader, YAML (`.yaml`, `.yml`) by libyaml.
public struct ConfigDocument: Sendable {
    public let file: String
    public let root: JSONValue
    private let json: JSONDocument?
    private let yamlPositions: [String: (line: Int, column: Int)]
    /// Where each member's key is, by the member's pointer (YAML; JSON keeps its own).
    private var yamlKeyPositions: [String: (line: Int, column: Int)] = [:]

    /// Reads and parses one config. Problems come back as a diagnostic at the line and column of
    /// the mistake; its message never quotes the file's content, which may hold secrets.
    public static func load(bytes: [UInt8], file: String, isYAML: Bool) -> Result<ConfigDocument, Diagnostic> {
        if isYAML { return loadYAML(bytes, file: file) }
        do {
            let document = try JSONDocument(bytes: bytes)
            return .success(ConfigDocument(file: file, root: document.root, json: document, yamlPositions: [:]))
        } catch {
            let message = error.kind == .invalidUTF8 ? FileReadError.notUTF8Message : SecretSafeText.parseMessage(error.message)
            return .failure(.error(file, error.line, error.column, message))
        }
    }

    /// 1-based line and column of the value at `pointer`, or of the nearest enclosing value.
    public func position(of pointer: String) -> (line: Int, column: Int) {
        var current = pointer
        while true {
            if let json, let p = json.position(of: current) { return (p.line, p.column) }
            if let p = yamlPositions[current] { return p }
            guard let slash = current.lastIndex(of: "/") else { return (1, 1) }
            current = String(current[..<slash])
        }
    }

    /// The position of an object member's key, where "unknown key" errors belong.
    public func keyPosition(of pointer: String) -> (line: Int, column: Int) {
        if let json, let p = json.keyPosition(of: pointer) { return (p.line, p.column) }
        if let p = yamlKeyPositions[pointer] { return p }
        return position(of: pointer)
    }

    private static func loadYAML(_ bytes: [UInt8], file: String) -> Result<ConfigDocument, Diagnostic> {
        guard let text = String(validating: bytes, as: UTF8.self) else {
            let (line, column) = invalidUTF8Position(bytes)
            return .failure(.error(file, line, column, FileReadError.notUTF8Message))
        }
        // 1:1, where the config should start: validate reports every problem at a line and column,
        // as an empty JSON file gets from the JSON parser.
        if text.allSatisfy(\.isWhitespace) { return .failure(.error(file, 1, 1, "file is empty")) }
        switch YAMLReader.read(text, file: file) {
        case .failure(var diagnostic):
            diagnostic.message = SecretSafeText.parseMessage(diagnostic.message)
            return .failure(diagnostic)
        case .success(nil):
            return .failure(.error(file, 1, 1, "file is empty"))
        case .success(let node?):
            var positions: [String: (line: Int, column: Int)] = [:]
            var keys: [String: (line: Int, column: Int)] = [:]
            let value = YAMLConversion.json(from: node, pointer: "", positions: &positions, keys: &keys)
            var document = ConfigDocument(file: file, root: value, json: nil, yamlPositions: positions)
            document.yamlKeyPositions = keys
            return .success(document)
        }
    }
}

/// YAML nodes as JSON values: plain scalars are typed as YAML 1.2's core schema types them.
enum YAMLConversion {
    static func json(from node: YAMLNode, pointer: String, positions: inout [String: (line: Int, column: Int)],
                     keys: inout [String: (line: Int, column: Int)]) -> JSONValue {
        positions[pointer] = (node.line, node.column)
        switch node.value {
        case .scalar(let text, let plain):
            guard plain else { return .string(text) }
            if node.isNull { return .null }
            if let b = node.bool { return .bool(b) }
            if let i = Int(text) { return .integer(i) }
            if let d = Double(text), text.contains(where: { $0 == "." || $0 == "e" || $0 == "E" }) { return .number(d) }
            return .string(text)
        case .sequence(let items):
            return .array(items.enumerated().map { json(from: $1, pointer: pointer + "/\($0)", positions: &positions, keys: &keys) })
        case .mapping(let pairs):
            var object = JSONObject()
            for (key, value) in pairs {
                let name = key.string ?? ""
                let member = pointer + "/" + JSONPointer.escape(name)
                keys[member] = (key.line, key.column)
                object[name] = json(from: value, pointer: member, positions: &positions, keys: &keys)
            }
            return .object(object)
        }
    }
}
