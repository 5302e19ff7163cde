import Diagnostics
import TOMLKit

/// Reads TOML front matter (between `+++` lines) with TOMLKit into the same `YAMLNode` values
/// YAML front matter gives, so the rest of docgen sees one shape. TOMLKit reports positions only
/// for errors, so values carry the position of the front matter's first line.
enum TOMLReader {
    static func read(_ text: String, file: String, lineOffset: Int) -> Result<YAMLNode?, Diagnostic> {
        if let problem = TOMLGuard.firstProblem(Array(text.utf8)) {
            return .failure(.error(file, problem.line + lineOffset, problem.column, problem.message))
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
