import Testing
import JSON

/// Every kind of malformed input, with the exact position and message reported.
@Suite struct ParseErrorTests {
    private func failure(_ bytes: [UInt8], maxDepth: Int = JSONDocument.defaultMaxDepth) -> JSONParseError? {
        do {
            _ = try JSONDocument(bytes: bytes, maxDepth: maxDepth)
            return nil
        } catch {
            return error
        }
    }

    private func failure(_ text: String) -> JSONParseError? { failure(Array(text.utf8)) }

    /// "line:col: message" of the error, or "no error".
    private func report(_ text: String) -> String { failure(text).map(\.description) ?? "no error" }

    @Test func emptyFile() {
        #expect(failure("")?.kind == .emptyFile)
        #expect(report("") == "1:1: file is empty")
        #expect(report("  \n\t \n") == "1:1: file is empty")
    }

    @Test func invalidUTF8PointsAtTheBadByte() {
        // "é" cut short: 0xC3 followed by a quote.
        let error = failure(Array("{\"a\": \"x".utf8) + [0xC3] + Array("\"}".utf8))
        #expect(error?.kind == .invalidUTF8)
        #expect(error?.description == "1:9: invalid UTF-8 byte sequence")
        #expect(error?.offset == 8)
        // A stray continuation byte on the second line, outside any string.
        let stray = failure(Array("[1,\n ".utf8) + [0x80] + Array("]".utf8))
        #expect(stray?.kind == .invalidUTF8)
        #expect(stray?.description == "2:2: invalid UTF-8 byte sequence")
        // Overlong encoding and an encoded surrogate are not UTF-8 either.
        #expect(failure([0x22, 0xC0, 0xAF, 0x22])?.kind == .invalidUTF8)
        #expect(failure([0x22, 0xED, 0xA0, 0x80, 0x22])?.kind == .invalidUTF8)
    }

    @Test func unexpectedCharacters() {
        #expect(report("{\"a\" 1}") == "1:6: expected ':' after the key, found '1'")
        #expect(report("{\"a\": 1 \"b\": 2}") == "1:9: expected ',' or '}' after an object member, found '\"'")
        #expect(report("[1 2]") == "1:4: expected ',' or ']' after an array item, found '2'")
        #expect(report("{\"a\": 1,}") == "1:9: expected a string key after ',', found '}'")
        #expect(report("{a: 1}") == "1:2: expected a string key or '}' after '{', found 'a'")
        #expect(report("[1,,2]") == "1:4: expected a value, found ','")
        #expect(report("\n\n  [tru]") == "3:4: expected a value (did you mean 'true'?), found 't'")
        #expect(report("{\"é\": x}") == "1:7: expected a value, found 'x'")
        #expect(report("[\"ü\", ü]") == "1:7: expected a value, found 'ü'")
        #expect(failure("[1 2]")?.kind == .unexpectedCharacter)
    }

    @Test func unexpectedEndOfFile() {
        #expect(report("{\"a\": [1, 2") == "1:12: expected ',' or ']' after an array item, found end of file")
        #expect(report("{\"a\":\n") == "2:1: expected a value, found end of file")
        #expect(report("\"abc") == "1:5: unterminated string: expected '\"', found end of file")
        #expect(failure("[")?.kind == .unexpectedEndOfFile)
    }

    @Test func trailingCharacters() {
        #expect(report("{} {}") == "1:4: unexpected '{' after the end of the JSON value")
        #expect(report("1\n\n  x") == "3:3: unexpected 'x' after the end of the JSON value")
        #expect(failure("[] ]")?.kind == .trailingCharacters)
    }

    @Test func duplicateKeysAreErrors() {
        let error = failure("{\n  \"a\": 1,\n  \"b\": {\"a\": 2},\n  \"a\": 3\n}")
        #expect(error?.kind == .duplicateKey)
        #expect(error?.description == "4:3: duplicate key 'a' in object")
        // Also past the size at which objects index their keys.
        let many = (0..<30).map { "\"k\($0)\": 0" }.joined(separator: ", ")
        #expect(failure("{\(many), \"k7\": 1}")?.kind == .duplicateKey)
    }

    @Test func numbers() {
        #expect(report("[01]") == "1:2: numbers must not have leading zeros")
        #expect(report("[-]") == "1:3: expected a digit after '-', found ']'")
        #expect(report("[1.]") == "1:4: expected a digit after the decimal point, found ']'")
        #expect(report("[1e+]") == "1:5: expected a digit in the exponent, found ']'")
        #expect(report("[.5]") == "1:2: expected a value, found '.'")
        #expect(report("1e400") == "1:1: number is too large to represent")
        #expect(failure("[01]")?.kind == .invalidNumber)
    }

    @Test func strings() {
        #expect(report("[\"a\nb\"]") == "1:4: unescaped newline in string; write it as an escape sequence")
        #expect(report("[\"a\tb\"]") == "1:4: unescaped tab in string; write it as an escape sequence")
        #expect(report(#"["a\qb"]"#) == #"1:4: invalid escape sequence; expected one of \" \\ \/ \b \f \n \r \t \uXXXX"#)
        #expect(report(#"["\u12G4"]"#) == "1:7: expected 4 hex digits after \\u, found 'G'")
        #expect(report(#"["x\ud800y"]"#) == "1:4: unpaired surrogate in \\u escape")
        #expect(report(#"["\udc00"]"#) == "1:3: unpaired surrogate in \\u escape")
        #expect(failure("[\"a\nb\"]")?.kind == .invalidString)
    }

    @Test func nestingBeyondTheLimitStopsWhereItIsExceeded() {
        let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        let error = failure(deep)
        #expect(error?.kind == .nestingTooDeep)
        #expect(error?.description == "1:1001: nesting is too deep: more than 1000 levels of arrays and objects")
        let objects = String(repeating: "{\"a\":\n", count: 5) + "1" + String(repeating: "}", count: 5)
        #expect(failure(Array(objects.utf8), maxDepth: 4)?.description == "5:1: nesting is too deep: more than 4 levels of arrays and objects")
    }

    @Test func nestingAtTheLimitParses() throws {
        let text = String(repeating: "[", count: 1000) + "1" + String(repeating: "]", count: 1000)
        let doc = try JSONDocument(text: text)
        let pointer = String(repeating: "/0", count: 1000)
        #expect(doc.root.value(at: pointer) == .integer(1))
        #expect(doc.position(of: pointer)?.description == "1:1001")
        // The writer recurses, and stays within the stack at this depth.
        #expect(doc.root.serialized() == text)
    }

    @Test func errorsBecomeDiagnostics() {
        let error = failure("[1 2]")!
        #expect(error.diagnostic(file: "cfg.json").description
            == "cfg.json:1:4: error: expected ',' or ']' after an array item, found '2'")
    }
}
