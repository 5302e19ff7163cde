import CYAML
import Diagnostics

/// Reads one YAML document with libyaml. Positions in the result and in errors are shifted by
/// `lineOffset` so they point into the enclosing file (front matter starts on line 2).
public enum YAMLReader {
    public static func read(_ text: String, file: String, lineOffset: Int = 0) -> Result<YAMLNode?, Diagnostic> {
        var parser = yaml_parser_t()
        guard yaml_parser_initialize(&parser) == 1 else {
            return .failure(.error(file, lineOffset + 1, 1, "could not start the YAML parser"))
        }
        defer { yaml_parser_delete(&parser) }

        var bytes = Array(text.utf8)
        if let (line, column) = flowNestingPastLimit(bytes) {
            return .failure(.error(file, line + lineOffset, column,
                "YAML brackets are nested more than \(Limits.yamlNesting) deep here; write the value with less nesting"))
        }
        return bytes.withUnsafeMutableBufferPointer { buffer -> Result<YAMLNode?, Diagnostic> in
            yaml_parser_set_input_string(&parser, buffer.baseAddress, buffer.count)
            yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING)
            var document = yaml_document_t()
            guard yaml_parser_load(&parser, &document) == 1 else {
                return .failure(parserError(parser, file: file, lineOffset: lineOffset, length: buffer.count))
            }
            defer { yaml_document_delete(&document) }
            guard let root = yaml_document_get_root_node(&document) else { return .success(nil) }
            var builder = TreeBuilder(document: document, file: file, lineOffset: lineOffset)
            return builder.build(root).map { $0 }
        }
    }

    private static func parserError(_ parser: yaml_parser_t, file: String, lineOffset: Int, length: Int) -> Diagnostic {
        let problem = parser.problem.map { String(cString: $0) } ?? "invalid YAML"
        var mark = parser.problem_mark
        let context = parser.context.map { String(cString: $0) }
        // Found only at the end of the text: what was left open is the useful place to point at.
        if context != nil, mark.index >= length { mark = parser.context_mark }
        let message = ParserMessages.yaml(problem: problem, context: context, contextLine: Int(parser.context_mark.line) + 1 + lineOffset)
        return .error(file, Int(mark.line) + 1 + lineOffset, Int(mark.column) + 1, message)
    }
}

/// Where `[` and `{` first nest past `Limits.yamlNesting`, as a 1-based line and column, or nil.
/// libyaml's scanner takes time that grows with the square of the nesting (it revisits every
/// open level at each token), so such text is refused before it gets there. Quoted text and
/// comments are passed over; a bracket inside a plain scalar counts, which can only make the
/// estimate higher, and no real document has 200 unclosed brackets in its scalars.
func flowNestingPastLimit(_ bytes: [UInt8]) -> (line: Int, column: Int)? {
    var depth = 0
    var quote: UInt8 = 0, comment = false
    var previous: UInt8 = UInt8(ascii: "\n")
    // A quote opens quoted text only where a value starts (`it's` in a plain value does not).
    var lastMark: UInt8 = UInt8(ascii: "\n")
    var i = 0
    while i < bytes.count {
        let byte = bytes[i]
        if byte == UInt8(ascii: "\n") {
            comment = false
        } else if comment {
        } else if quote != 0 {
            if byte == UInt8(ascii: "\\") && quote == UInt8(ascii: "\"") {
                i += 1
            } else if byte == UInt8(ascii: "'") && quote == byte && i + 1 < bytes.count && bytes[i + 1] == byte {
                i += 1  // '' is a quote inside single-quoted text
            } else if byte == quote {
                quote = 0
            }
        } else {
            switch byte {
            case UInt8(ascii: "\""), UInt8(ascii: "'") where Array(":[{,-?\n".utf8).contains(lastMark): quote = byte
            case UInt8(ascii: "#") where previous == UInt8(ascii: " ") || previous == UInt8(ascii: "\t") || previous == UInt8(ascii: "\n"):
                comment = true
            case UInt8(ascii: "["), UInt8(ascii: "{"):
                depth += 1
                if depth > Limits.yamlNesting {
                    return bytes.withUnsafeBufferPointer { buffer in
                        var counter = LineCounter(buffer)
                        return counter.position(of: i)
                    }
                }
            case UInt8(ascii: "]"), UInt8(ascii: "}"): depth = max(0, depth - 1)
            default: break
            }
        }
        if byte != UInt8(ascii: " ") && byte != UInt8(ascii: "\t") { lastMark = byte }
        previous = byte
        i += 1
    }
    return nil
}

/// Turns libyaml's node table into `YAMLNode` values.
private struct TreeBuilder {
    var document: yaml_document_t
    let file: String
    let lineOffset: Int
    var depth = 0
    /// Values built so far, aliases counted each time they are used.
    var values = 0

    init(document: yaml_document_t, file: String, lineOffset: Int) {
        self.document = document
        self.file = file
        self.lineOffset = lineOffset
    }

    mutating func build(_ node: UnsafeMutablePointer<yaml_node_t>) -> Result<YAMLNode, Diagnostic> {
        let line = Int(node.pointee.start_mark.line) + 1 + lineOffset
        let column = Int(node.pointee.start_mark.column) + 1
        // Aliases can make a node its own ancestor; a depth bound keeps that from recursing forever.
        depth += 1
        defer { depth -= 1 }
        if depth > Limits.yamlNesting {
            return .failure(.error(file, line, column, "YAML values are nested more than \(Limits.yamlNesting) deep here"))
        }
        values += 1
        if values > Limits.yamlValues {
            return .failure(.error(file, line, column, "this YAML holds more than \(Limits.yamlValues) values once its aliases (*name) "
                + "are expanded; anchors that refer to other anchors multiply (an alias bomb). Use fewer aliases"))
        }

        switch node.pointee.type {
        case YAML_SCALAR_NODE:
            let scalar = node.pointee.data.scalar
            let text = String(decoding: UnsafeBufferPointer(start: scalar.value, count: scalar.length), as: UTF8.self)
            return .success(YAMLNode(.scalar(text, plain: scalar.style == YAML_PLAIN_SCALAR_STYLE), line: line, column: column))
        case YAML_SEQUENCE_NODE:
            var items: [YAMLNode] = []
            var item = node.pointee.data.sequence.items.start
            while let current = item, current < node.pointee.data.sequence.items.top {
                guard let child = yaml_document_get_node(&document, current.pointee) else { break }
                switch build(child) {
                case .success(let value): items.append(value)
                case .failure(let error): return .failure(error)
                }
                item = current + 1
            }
            return .success(YAMLNode(.sequence(items), line: line, column: column))
        case YAML_MAPPING_NODE:
            var pairs: [(key: YAMLNode, value: YAMLNode)] = []
            var seen: Set<String> = []
            var pair = node.pointee.data.mapping.pairs.start
            while let current = pair, current < node.pointee.data.mapping.pairs.top {
                guard let keyNode = yaml_document_get_node(&document, current.pointee.key),
                      let valueNode = yaml_document_get_node(&document, current.pointee.value) else { break }
                let key: YAMLNode, value: YAMLNode
                switch build(keyNode) {
                case .success(let k): key = k
                case .failure(let error): return .failure(error)
                }
                switch build(valueNode) {
                case .success(let v): value = v
                case .failure(let error): return .failure(error)
                }
                // libyaml accepts repeated keys; a repeated key almost always hides a typo.
                if let name = key.string, !seen.insert(name).inserted {
                    return .failure(.error(file, key.line, key.column, "key '\(name)' appears twice"))
                }
                pairs.append((key, value))
                pair = current + 1
            }
            return .success(YAMLNode(.mapping(pairs), line: line, column: column))
        default:
            return .success(YAMLNode(.scalar("", plain: true), line: line, column: column))
        }
    }
}
