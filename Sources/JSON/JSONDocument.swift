import Diagnostics
import Foundation

/// A parsed JSON text: its value plus where each value and key sits in the text.
///
/// Parsing records only byte offsets (a few integers per value); lines and columns are worked
/// out when asked for, which is rare (errors only), so reading many valid files stays cheap.
public struct JSONDocument: Sendable {
    /// Arrays and objects may nest this deep by default. Far beyond any real config, and low
    /// enough that code walking the value recursively (evaluator, writer) is safe on any thread.
    public static let defaultMaxDepth = Limits.jsonNesting

    public let root: JSONValue
    private let bytes: [UInt8]
    private let table: PositionTable

    /// Parses UTF-8 JSON. A UTF-8 byte-order mark is skipped. Throws `JSONParseError`.
    public init(bytes: [UInt8], maxDepth: Int = JSONDocument.defaultMaxDepth) throws(JSONParseError) {
        let result: Result<(JSONValue, PositionTable), JSONParseError> = bytes.withUnsafeBufferPointer { buffer in
            var parser = JSONParser(bytes: buffer, maxDepth: maxDepth)
            do throws(JSONParseError) {
                let value = try parser.parse()
                return .success((value, parser.table))
            } catch {
                return .failure(error)
            }
        }
        let (value, table) = try result.get()
        self.root = value
        self.bytes = bytes
        self.table = table
    }

    public init(data: Data, maxDepth: Int = JSONDocument.defaultMaxDepth) throws(JSONParseError) {
        try self.init(bytes: [UInt8](data), maxDepth: maxDepth)
    }

    public init(text: String, maxDepth: Int = JSONDocument.defaultMaxDepth) throws(JSONParseError) {
        try self.init(bytes: Array(text.utf8), maxDepth: maxDepth)
    }

    /// Position of the first character of the value at `pointer` (RFC 6901), or nil when the
    /// pointer is malformed or names nothing in the document.
    public func position(of pointer: String) -> TextPosition? {
        guard let tokens = JSONPointer.tokens(pointer), let entry = entry(for: tokens) else { return nil }
        return position(ofOffset: Int(table.entries[entry].valueOffset))
    }

    /// Position of the key (its opening quote) of the object member at `pointer`; nil for the
    /// root, array items, and pointers that name nothing.
    public func keyPosition(of pointer: String) -> TextPosition? {
        guard let tokens = JSONPointer.tokens(pointer), let entry = entry(for: tokens) else { return nil }
        let offset = Int(table.entries[entry].keyOffset)
        return offset < 0 ? nil : position(ofOffset: offset)
    }

    /// The value's position as a `SourceLocation` in `file`.
    public func location(of pointer: String, file: String) -> SourceLocation? {
        position(of: pointer).map { SourceLocation(file: file, line: $0.line, column: $0.column) }
    }

    /// Line and column of a byte offset into the parsed text.
    public func position(ofOffset offset: Int) -> TextPosition {
        bytes.withUnsafeBufferPointer { LineColumn.position(of: offset, in: $0, lineStarts: table.lineStarts) }
    }

    /// Walks the value and the position table side by side: an object member's index in the
    /// position table is its key's index in the object, because duplicate keys are rejected and
    /// `JSONObject` keeps keys in document order.
    private func entry(for tokens: [String]) -> Int? {
        var value = root
        var entry = 0
        for token in tokens {
            switch value {
            case .object(let object):
                guard let k = object.position(of: token) else { return nil }
                entry = table.child(k, of: entry)
                value = object.values[k]
            case .array(let items):
                guard let k = JSONPointer.index(token), k < items.count else { return nil }
                entry = table.child(k, of: entry)
                value = items[k]
            default:
                return nil
            }
        }
        return entry
    }
}
