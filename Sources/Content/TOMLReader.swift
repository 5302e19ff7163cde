import Diagnostics
import TOMLKit

/// Reads TOML front matter (between `+++` lines) with TOMLKit into the same `YAMLNode` values
/// YAML front matter gives, so the rest of docgen sees one shape. TOMLKit reports positions only
/// for errors, so values carry the position of the front matter's first line.
enum TOMLReader {
    static func read(_ text: String, file: String, lineOffset: Int) -> Result<YAMLNode?, Diagnostic> {
        if let (line, column) = nameslessTableHeader(Array(text.utf8)) {
            return .failure(.error(file, line + lineOffset, column,
                "a TOML table header needs a name after '[': a bare name (letters, digits, '_', '-') or a quoted one"))
        }
        do {
            let table = try TOMLTable(string: text)
            return .success(node(table.tomlValue, line: lineOffset + 1))
        } catch let error as TOMLParseError {
            return .failure(.error(file, error.source.begin.line + lineOffset, error.source.begin.column, error.description))
        } catch {
            return .failure(.error(file, lineOffset + 1, 1, "\(error)"))
        }
    }

    private static func node(_ value: TOMLValue, line: Int) -> YAMLNode {
        switch value.type {
        case .table:
            let table = value.table!
            let pairs = table.keys.map { key in
                (key: YAMLNode(.scalar(key, plain: false), line: line, column: 1),
                 value: node(table[key]!.tomlValue, line: line))
            }
            return YAMLNode(.mapping(pairs), line: line, column: 1)
        case .array:
            return YAMLNode(.sequence(value.array!.map { node($0.tomlValue, line: line) }), line: line, column: 1)
        case .string:
            return YAMLNode(.scalar(value.string!, plain: false), line: line, column: 1)
        case .int:
            return YAMLNode(.scalar(String(value.int!), plain: true), line: line, column: 1)
        case .double:
            return YAMLNode(.scalar(String(value.double!), plain: true), line: line, column: 1)
        case .bool:
            return YAMLNode(.scalar(value.bool! ? "true" : "false", plain: true), line: line, column: 1)
        default:
            // Dates and times: front matter keeps them as text, as written.
            return YAMLNode(.scalar(value.debugDescription, plain: false), line: line, column: 1)
        }
    }
}

/// Where a table header (`[name]`, `[[name]]`) has no name after its brackets, as a 1-based line
/// and column, or nil. toml++ (inside TOMLKit) asserts that a name follows and aborts the whole
/// process when it does not (`[`, `[{`, `[é]`), so such text never reaches it. Headers are only
/// looked for where a statement starts: strings, comments and multi-line arrays are passed over.
func nameslessTableHeader(_ bytes: [UInt8]) -> (line: Int, column: Int)? {
    var i = 0, line = 1, lineStart = 0
    var depth = 0
    var atStatement = true
    func isSpace(_ b: UInt8) -> Bool { b == UInt8(ascii: " ") || b == UInt8(ascii: "\t") }
    func starts(_ pattern: String, at index: Int) -> Bool {
        let p = Array(pattern.utf8)
        return index + p.count <= bytes.count && Array(bytes[index..<(index + p.count)]) == p
    }
    func isBareKey(_ b: UInt8) -> Bool {
        (b >= UInt8(ascii: "a") && b <= UInt8(ascii: "z")) || (b >= UInt8(ascii: "A") && b <= UInt8(ascii: "Z"))
            || (b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9")) || b == UInt8(ascii: "_") || b == UInt8(ascii: "-")
    }
    while i < bytes.count {
        let byte = bytes[i]
        if byte == UInt8(ascii: "\n") {
            line += 1
            lineStart = i + 1
            if depth == 0 { atStatement = true }
            i += 1
            continue
        }
        if isSpace(byte) || byte == UInt8(ascii: "\r") { i += 1; continue }
        if atStatement && byte == UInt8(ascii: "[") {
            var j = i + 1
            while j < bytes.count && isSpace(bytes[j]) { j += 1 }
            if j < bytes.count && bytes[j] == UInt8(ascii: "[") && j == i + 1 {
                j += 1
                while j < bytes.count && isSpace(bytes[j]) { j += 1 }
            }
            guard j < bytes.count else { return (line, i - lineStart + 1) }
            let next = bytes[j]
            // `[ [a]]` is toml++'s to report: it says the brackets must touch.
            let spacedBracket = next == UInt8(ascii: "[") && j > i + 1
            if !(isBareKey(next) || next == UInt8(ascii: "\"") || next == UInt8(ascii: "'") || next == UInt8(ascii: "]") || spacedBracket) {
                return (line, j - lineStart + 1)
            }
        }
        atStatement = false
        switch byte {
        case UInt8(ascii: "#"):
            while i < bytes.count && bytes[i] != UInt8(ascii: "\n") { i += 1 }
            continue
        case UInt8(ascii: "\""), UInt8(ascii: "'"):
            let quote = byte
            let triple = starts(quote == UInt8(ascii: "'") ? "'''" : "\"\"\"", at: i)
            i += triple ? 3 : 1
            while i < bytes.count {
                let b = bytes[i]
                if b == UInt8(ascii: "\\") && quote == UInt8(ascii: "\"") { i += 2; continue }
                if b == UInt8(ascii: "\n") {
                    if !triple { break }  // an unclosed one-line string: toml++ reports it
                    line += 1
                    lineStart = i + 1
                }
                if b == quote && (!triple || starts(quote == UInt8(ascii: "'") ? "'''" : "\"\"\"", at: i)) {
                    i += triple ? 3 : 1
                    break
                }
                i += 1
            }
            continue
        case UInt8(ascii: "["), UInt8(ascii: "{"): depth += 1
        case UInt8(ascii: "]"), UInt8(ascii: "}"): depth = max(0, depth - 1)
        default: break
        }
        i += 1
    }
    return nil
}
