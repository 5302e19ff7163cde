import Diagnostics

/// Why a JSON text could not be read, with the position of the offending byte.
///
/// Errors are values so a command can collect them for many files and print them together.
public struct JSONParseError: Error, Hashable, Sendable, CustomStringConvertible {
    public enum Kind: String, Hashable, Sendable {
        /// The file has no bytes, or only whitespace.
        case emptyFile
        /// A byte sequence that is not UTF-8; the position is the first byte of the sequence.
        case invalidUTF8
        /// Something other than what the grammar allows at this point.
        case unexpectedCharacter
        /// The text stops before the value is complete.
        case unexpectedEndOfFile
        /// A complete value is followed by more than whitespace.
        case trailingCharacters
        /// An object repeats a key. Rejected rather than "last wins", because in a config file a
        /// repeated key is nearly always a mistake that would otherwise silently drop a setting.
        case duplicateKey
        /// Arrays and objects nested deeper than the reader's limit.
        case nestingTooDeep
        /// A number that breaks the grammar or does not fit a Double.
        case invalidNumber
        /// A bad escape sequence or raw control character inside a string.
        case invalidString
        /// Input larger than the position table can address (2 GiB).
        case fileTooLarge
    }

    public var kind: Kind
    /// Byte offset (0-based) of the problem in the input.
    public var offset: Int
    /// 1-based line.
    public var line: Int
    /// 1-based column, counted in Unicode scalars.
    public var column: Int
    /// Plain-English explanation, e.g. "expected ',' or '}' after an object member, found ']'".
    public var message: String

    public init(kind: Kind, offset: Int, line: Int, column: Int, message: String) {
        self.kind = kind
        self.offset = offset
        self.line = line
        self.column = column
        self.message = message
    }

    public var description: String { "\(line):\(column): \(message)" }

    /// The error as a diagnostic for `file`, ready for the command line to print.
    public func diagnostic(file: String) -> Diagnostic {
        Diagnostic.error(file, line, column, message)
    }
}
