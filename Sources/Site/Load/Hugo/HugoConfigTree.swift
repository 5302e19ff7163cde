import Basics
import Content
import Diagnostics
import JSON

/// A Hugo configuration as Hugo sees it: every file read (TOML and YAML by docgen's readers,
/// JSON by its JSON reader) and merged in order, a later file's value winning and tables merged
/// key by key. Hugo's keys are not case-sensitive, so lookups are not either. Each value keeps
/// its file, line and column, for messages.
public struct HugoConfigTree: Sendable {
    /// A value and the file it came from.
    public struct Entry: Sendable {
        public var node: YAMLNode
        public var file: String
    }

    /// Lower-cased dotted key path → the value set last for it.
    private var values: [String: Entry] = [:]
    /// Every path that holds a table, with its members' original keys in order of first appearance.
    private var members: [String: [String]] = [:]
    public private(set) var files: [String] = []

    public init() {}

    /// Reads and merges `files`; files that do not parse are reported and left out.
    public static func read(_ files: [HugoConfigFiles.File]) -> (HugoConfigTree, [Diagnostic]) {
        var tree = HugoConfigTree()
        var diagnostics: [Diagnostic] = []
        for file in files {
            switch parse(file.path) {
            case .failure(let diagnostic): diagnostics.append(diagnostic)
            case .success(nil): tree.files.append(file.path)
            case .success(let node?):
                tree.files.append(file.path)
                var prefix: [String] = []
                if let language = file.language { prefix = ["languages", language] }
                if !file.key.isEmpty { prefix.append(file.key) }
                tree.merge(node, at: prefix, file: file.path)
            }
        }
        return (tree, diagnostics)
    }

    static func parse(_ path: String) -> Result<YAMLNode?, Diagnostic> {
        guard case .success(let text) = readTextFile(path, limit: Limits.configFileBytes) else {
            return .failure(.error(path, "cannot read the Hugo configuration file"))
        }
        switch path.split(separator: ".").last?.lowercased() {
        case "toml": return TOMLReader.read(text, file: path)
        case "json":
            do {
                let document = try JSONDocument(text: text)
                return .success(node(document.root, pointer: "", in: document))
            } catch {
                return .failure(.error(path, error.line, error.column, error.message))
            }
        default: return YAMLReader.read(text, file: path)
        }
    }

    /// JSON values as the nodes TOML and YAML give, each at its position in the file.
    private static func node(_ value: JSONValue, pointer: String, in document: JSONDocument) -> YAMLNode {
        let position = document.position(of: pointer)
        let (line, column) = (position?.line ?? 1, position?.column ?? 1)
        switch value {
        case .object(let object):
            let pairs = object.map { key, member in
                (key: YAMLNode(.scalar(key, plain: false), line: line, column: column),
                 value: node(member, pointer: pointer + "/" + JSONPointer.escape(key), in: document))
            }
            return YAMLNode(.mapping(pairs), line: line, column: column)
        case .array(let items):
            return YAMLNode(.sequence(items.enumerated().map { node($1, pointer: pointer + "/\($0)", in: document) }), line: line, column: column)
        case .string(let s): return YAMLNode(.scalar(s, plain: false), line: line, column: column)
        case .integer(let i): return YAMLNode(.scalar(String(i), plain: true), line: line, column: column)
        case .number(let d): return YAMLNode(.scalar(String(d), plain: true), line: line, column: column)
        case .bool(let b): return YAMLNode(.scalar(b ? "true" : "false", plain: true), line: line, column: column)
        case .null: return YAMLNode(.scalar("", plain: true), line: line, column: column)
        }
    }

    private mutating func merge(_ node: YAMLNode, at path: [String], file: String) {
        let key = path.map { $0.lowercased() }.joined(separator: ".")
        guard let pairs = node.mapping else {
            values[key] = Entry(node: node, file: file)
            return
        }
        // A table replaces a plain value set before it, and is merged into a table.
        if let old = values[key], old.node.mapping == nil { values[key] = nil }
        if values[key] == nil { values[key] = Entry(node: YAMLNode(.mapping([]), line: node.line, column: node.column), file: file) }
        noteMember(path)
        for (k, v) in pairs {
            let name = k.string ?? ""
            let childPath = path + [name]
            let childKey = childPath.map { $0.lowercased() }.joined(separator: ".")
            if v.mapping == nil, let old = values[childKey], old.node.mapping != nil { removeTable(childKey) }
            var list = members[key] ?? []
            if !list.contains(where: { $0.lowercased() == name.lowercased() }) { list.append(name) }
            members[key] = list
            merge(v, at: childPath, file: file)
        }
    }

    private mutating func noteMember(_ path: [String]) {
        guard let last = path.last else { return }
        let parent = path.dropLast().map { $0.lowercased() }.joined(separator: ".")
        var list = members[parent] ?? []
        if !list.contains(where: { $0.lowercased() == last.lowercased() }) { list.append(last) }
        members[parent] = list
    }

    private mutating func removeTable(_ key: String) {
        for path in values.keys where path == key || path.hasPrefix(key + ".") { values[path] = nil }
        for path in members.keys where path == key || path.hasPrefix(key + ".") { members[path] = nil }
    }

    /// The value at a dotted key path (`markup.goldmark.renderer.unsafe`), whatever its case.
    /// A table comes back as a mapping of its merged members.
    public subscript(path: String) -> Entry? {
        let key = path.lowercased()
        guard let entry = values[key] else { return nil }
        guard entry.node.mapping != nil else { return entry }
        let pairs = (members[key] ?? []).compactMap { name -> (key: YAMLNode, value: YAMLNode)? in
            guard let child = self[key.isEmpty ? name : key + "." + name] else { return nil }
            return (YAMLNode(.scalar(name, plain: false), line: child.node.line, column: child.node.column), child.node)
        }
        return Entry(node: YAMLNode(.mapping(pairs), line: entry.node.line, column: entry.node.column), file: entry.file)
    }

    /// The original keys of a table's members (`languages` → `en`, `de`).
    public func keys(of path: String) -> [String] { members[path.lowercased()] ?? [] }

    public var isEmpty: Bool { files.isEmpty }
}
