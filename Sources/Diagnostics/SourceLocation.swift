/// A position in a source file. Lines and columns are 1-based; columns count Unicode scalars,
/// which is what editors show for the text docs are written in. Line 0 stands for the whole
/// file (or folder): a problem with no place inside it, such as a file that cannot be written,
/// is shown as `path: error: …` rather than at a made-up `1:1`.
public struct SourceLocation: Hashable, Sendable, Comparable, CustomStringConvertible {
    public var file: String
    public var line: Int
    public var column: Int

    public init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }

    /// A problem about the whole file.
    public init(file: String) {
        self.init(file: file, line: 0, column: 0)
    }

    public var isWholeFile: Bool { line == 0 }

    public var description: String { isWholeFile ? file : "\(file):\(line):\(column)" }

    public static func < (a: SourceLocation, b: SourceLocation) -> Bool {
        (a.file, a.line, a.column) < (b.file, b.line, b.column)
    }
}
