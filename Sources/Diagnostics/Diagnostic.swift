/// A problem found while working on the user's files. Stages return these as values; only the
/// command line prints them, so a run can collect and list every problem at once.
public struct Diagnostic: Hashable, Sendable, Error, CustomStringConvertible {
    public enum Severity: String, Sendable {
        case error
        case warning
    }

    public var location: SourceLocation
    public var severity: Severity
    public var message: String

    public init(_ severity: Severity = .error, at location: SourceLocation, _ message: String) {
        self.severity = severity
        self.location = location
        self.message = message
    }

    public static func error(_ file: String, _ line: Int, _ column: Int, _ message: String) -> Diagnostic {
        Diagnostic(.error, at: SourceLocation(file: file, line: line, column: column), message)
    }

    public static func warning(_ file: String, _ line: Int, _ column: Int, _ message: String) -> Diagnostic {
        Diagnostic(.warning, at: SourceLocation(file: file, line: line, column: column), message)
    }

    /// A problem with a whole file or folder, which has no line to point at.
    public static func error(_ file: String, _ message: String) -> Diagnostic {
        Diagnostic(.error, at: SourceLocation(file: file), message)
    }

    /// `path:line:col: error: message`, the form compilers use, so editors and CI can jump to it.
    public var description: String { "\(location): \(severity.rawValue): \(message)" }
}

extension Array where Element == Diagnostic {
    public var hasErrors: Bool { contains { $0.severity == .error } }

    /// In file order, so the listing reads top to bottom like the sources.
    public func sortedByLocation() -> [Diagnostic] {
        sorted { ($0.location, $0.message) < ($1.location, $1.message) }
    }
}
