/// A YAML value as libyaml read it, with the position of each node so that later stages can
/// point at the exact key that is wrong.
public struct YAMLNode: Sendable {
    public indirect enum Value: Sendable {
        /// `plain` is false for quoted scalars: `"true"` is a string, `true` a boolean.
        case scalar(String, plain: Bool)
        case sequence([YAMLNode])
        case mapping([(key: YAMLNode, value: YAMLNode)])
    }

    public var value: Value
    public var line: Int    // 1-based, in the file (front matter offsets already applied)
    public var column: Int  // 1-based

    public init(_ value: Value, line: Int, column: Int) {
        self.value = value
        self.line = line
        self.column = column
    }

    public var string: String? {
        if case .scalar(let s, _) = value { return s }
        return nil
    }

    public var int: Int? {
        guard case .scalar(let s, let plain) = value, plain else { return nil }
        return Int(s)
    }

    public var bool: Bool? {
        guard case .scalar(let s, let plain) = value, plain else { return nil }
        switch s {
        case "true", "True", "TRUE": return true
        case "false", "False", "FALSE": return false
        default: return nil
        }
    }

    public var isNull: Bool {
        guard case .scalar(let s, let plain) = value, plain else { return false }
        return s.isEmpty || s == "~" || s == "null" || s == "Null" || s == "NULL"
    }

    public var sequence: [YAMLNode]? {
        if case .sequence(let items) = value { return items }
        return nil
    }

    public var mapping: [(key: YAMLNode, value: YAMLNode)]? {
        if case .mapping(let pairs) = value { return pairs }
        return nil
    }

    public subscript(key: String) -> YAMLNode? {
        mapping?.first { $0.key.string == key }?.value
    }

    /// The value as plain Swift data for templates: Bool, Int, Double, String, arrays, dictionaries.
    public var plainValue: Any {
        switch value {
        case .scalar(let s, let plain):
            if plain {
                if isNull { return "" }
                if let b = bool { return b }
                if let i = Int(s) { return i }
                if let d = Double(s), s.contains(".") { return d }
            }
            return s
        case .sequence(let items):
            return items.map(\.plainValue)
        case .mapping(let pairs):
            var dict: [String: Any] = [:]
            for pair in pairs { dict[pair.key.string ?? ""] = pair.value.plainValue }
            return dict
        }
    }
}
