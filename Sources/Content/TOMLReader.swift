import CTOML
import Diagnostics

/// Reads TOML front matter (between `+++` lines) with toml++ into the same `YAMLNode` values
/// YAML front matter gives, so the rest of docgen sees one shape; every value keeps its line
/// and column.
public enum TOMLReader {
    public static func read(_ text: String, file: String, lineOffset: Int = 0) -> Result<YAMLNode?, Diagnostic> {
        if let problem = TOMLGuard.firstProblem(Array(text.utf8)) {
            return .failure(.error(file, problem.line + lineOffset, problem.column, problem.message))
        }
        var text = text
        var result = text.withUTF8 { bytes in
            bytes.withMemoryRebound(to: CChar.self) { ctoml_parse($0.baseAddress, $0.count) }
        }
        defer { ctoml_free(&result) }
        guard let root = result.root else {
            let message = result.error.map { ParserMessages.toml(String(cString: $0)) } ?? "the TOML does not parse"
            return .failure(.error(file, max(1, Int(result.error_line)) + lineOffset, max(1, Int(result.error_column)), message))
        }
        return .success(node(root.pointee, lineOffset: lineOffset))
    }

    private static func node(_ value: ctoml_value, lineOffset: Int) -> YAMLNode {
        // The root table has no place of its own: the front matter's first line.
        let line = max(1, Int(value.line)) + lineOffset, column = max(1, Int(value.column))
        let children = UnsafeBufferPointer(start: value.children, count: value.count)
        switch value.kind {
        case CTOML_TABLE:
            let pairs = children.map { child in
                (key: YAMLNode(.scalar(String(cString: child.key), plain: false), line: max(1, Int(child.line)) + lineOffset,
                               column: max(1, Int(child.column))),
                 value: node(child, lineOffset: lineOffset))
            }
            return YAMLNode(.mapping(pairs), line: line, column: column)
        case CTOML_ARRAY:
            return YAMLNode(.sequence(children.map { node($0, lineOffset: lineOffset) }), line: line, column: column)
        case CTOML_STRING:
            return YAMLNode(.scalar(String(cString: value.text), plain: false), line: line, column: column)
        case CTOML_INTEGER:
            return YAMLNode(.scalar(String(value.integer), plain: true), line: line, column: column)
        case CTOML_FLOAT:
            return YAMLNode(.scalar(String(value.number), plain: true), line: line, column: column)
        case CTOML_BOOLEAN:
            return YAMLNode(.scalar(value.boolean != 0 ? "true" : "false", plain: true), line: line, column: column)
        default:
            // Dates and times: front matter keeps them as text, as written.
            return YAMLNode(.scalar(value.text.map { String(cString: $0) } ?? "", plain: false), line: line, column: column)
        }
    }
}
