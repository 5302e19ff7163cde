/// One reason a config is invalid, positioned in its file, in words a user can act on.
public struct ConfigProblem: Sendable, Hashable {
    public var file: String
    public var line: Int
    public var column: Int
    /// JSON Pointer of the value (for a missing field, where it would go).
    public var pointer: String
    /// The JSON Schema keyword that failed ("parse" when the file could not be read).
    public var keyword: String
    public var message: String

    public init(file: String, line: Int, column: Int, pointer: String, keyword: String, message: String) {
        (self.file, self.line, self.column, self.pointer, self.keyword, self.message) = (file, line, column, pointer, keyword, message)
    }
}

/// The outcome for one file.
public struct FileVerdict: Sendable {
    public var file: String
    public var problems: [ConfigProblem]
    /// Set when the file could not be read at all (missing, unreadable): exit code 2.
    public var unreadable: Bool
    public var valid: Bool { problems.isEmpty && !unreadable }

    public init(file: String, problems: [ConfigProblem], unreadable: Bool) {
        (self.file, self.problems, self.unreadable) = (file, problems, unreadable)
    }
}
