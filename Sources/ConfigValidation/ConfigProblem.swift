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
    /// The field's label in CVAT's form ("Bucket name"), which is what a user filled in.
    public var label: String?

    public init(file: String, line: Int, column: Int, pointer: String, keyword: String, message: String, label: String? = nil) {
        (self.file, self.line, self.column, self.pointer, self.keyword, self.message) = (file, line, column, pointer, keyword, message)
        self.label = label
    }

    /// What the message is about, as printed before it: `Bucket name (/resource)`, the bare
    /// pointer for a key the form does not have, nothing for the file as a whole.
    public var subject: String? {
        if keyword == "parse" || keyword == "io" || pointer.isEmpty { return nil }
        return label.map { "\($0) (\(pointer))" } ?? pointer
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
