import Foundation
import Testing
import JSON

/// What the reader turns each kind of JSON text into.
@Suite struct JSONValueParsingTests {
    private func parse(_ text: String) throws -> JSONValue {
        try JSONDocument(text: text).root
    }

    @Test func scalars() throws {
        #expect(try parse("null") == .null)
        #expect(try parse("true") == .bool(true))
        #expect(try parse(" false ") == .bool(false))
        #expect(try parse("\"hi\"") == .string("hi"))
    }

    @Test func integersStayIntegersWhenTheyFit() throws {
        #expect(try parse("0") == .integer(0))
        #expect(try parse("-0") == .integer(0))
        #expect(try parse("42") == .integer(42))
        #expect(try parse("-17") == .integer(-17))
        #expect(try parse("9223372036854775807") == .integer(Int.max))
        #expect(try parse("-9223372036854775808") == .integer(Int.min))
    }

    @Test func otherNumbersAreDoubles() throws {
        #expect(try parse("1.0") == .number(1.0))
        #expect(try parse("1e2") == .number(100))
        #expect(try parse("-2.5E-3") == .number(-0.0025))
        #expect(try parse("9223372036854775808") == .number(9223372036854775808.0))
        #expect(try parse("123456789012345678901234567890") == .number(1.2345678901234568e29))
    }

    @Test func stringEscapes() throws {
        #expect(try parse(#""a\"b\\c\/d\b\f\n\r\t""#) == .string("a\"b\\c/d\u{8}\u{c}\n\r\t"))
        #expect(try parse(#""\u00e9\u4e2d""#) == .string("é中"))
        #expect(try parse(#""\ud83d\ude00""#) == .string("😀"))
        #expect(try parse("\"héllo 😀\"") == .string("héllo 😀"))
    }

    @Test func containersKeepKeyOrder() throws {
        let value = try parse(#"{"b": 1, "a": [true, null, {"c": "d"}], "z": {}}"#)
        guard case .object(let object) = value else { Issue.record("not an object"); return }
        #expect(object.keys == ["b", "a", "z"])
        #expect(object["a"] == .array([.bool(true), .null, .object(JSONObject([("c", .string("d"))]))]))
        #expect(object["z"] == .object(JSONObject()))
        #expect(try parse("[]") == .array([]))
    }

    @Test func byteOrderMarkIsSkipped() throws {
        let doc = try JSONDocument(bytes: [0xEF, 0xBB, 0xBF] + Array(#"{"a": 1}"#.utf8))
        #expect(doc.root == ["a": 1])
        #expect(doc.position(of: "/a")?.description == "1:7")
    }

    @Test func roundTripsThroughTheWriter() throws {
        let text = #"{"name": "x\ny \"q\" é 😀", "n": [1, -2, 1.5, 1e300, true, false, null], "o": {"k": {}}, "e": []}"#
        let value = try parse(text)
        for pretty in [false, true] {
            let written = value.serialized(pretty: pretty)
            #expect(try parse(written) == value)
        }
    }

    /// The exact bytes, since the search index and the schema are written by this writer: escapes
    /// between runs of plain text, every control character, numbers at their edges, indentation.
    @Test func theWriterWritesTheseExactBytes() {
        let value: JSONValue = .object(JSONObject([
            ("s", .string("a\"b\\c\nd\re\tf\u{1}g\u{1F}h é 😀")), ("", .string("")),
            ("n", .array([0, 9, 10, -1, -10, .integer(Int.max), .integer(Int.min), 1.5, 2.0])),
        ]))
        #expect(value.serialized() == #"{"s":"a\"b\\c\nd\re\tf\u0001g\u001fh é 😀","":"","n":[0,9,10,-1,-10,9223372036854775807,-9223372036854775808,1.5,2]}"#)
        #expect(JSONValue.object(JSONObject([("a", [1, [] as JSONValue])])).serialized(pretty: true) == "{\n  \"a\": [\n    1,\n    []\n  ]\n}")
    }

    /// The escaper reads eight bytes at a time while none needs an escape: every byte value, at
    /// every place of a block and beside bytes that carry or borrow in the bit tricks, is escaped
    /// as a plain byte-by-byte escaper would.
    @Test func theEightByteScanMissesNoEscape() {
        func plain(_ bytes: [UInt8]) -> [UInt8] {
            var out: [UInt8] = [0x22]
            for byte in bytes {
                switch byte {
                case 0x22: out += Array(#"\""#.utf8)
                case 0x5C: out += Array(#"\\"#.utf8)
                case 0x0A: out += Array(#"\n"#.utf8)
                case 0x0D: out += Array(#"\r"#.utf8)
                case 0x09: out += Array(#"\t"#.utf8)
                case ..<0x20: out += Array("\\u00".utf8) + Array(String(format: "%02x", byte).utf8)
                default: out.append(byte)
                }
            }
            return out + [0x22]
        }
        var mismatches = 0
        for byte in 0...255 {
            for neighbour: UInt8 in [0x61, 0x00, 0x1F, 0x20, 0x21, 0x23, 0x5B, 0x5D, 0x7F, 0x80, 0xFF] {
                for place in 0..<17 {
                    var text = [UInt8](repeating: neighbour, count: 19)
                    text[place] = UInt8(byte)
                    var json = JSONBytes()
                    text.withUnsafeBufferPointer { json.appendQuoted($0) }
                    if json.bytes != plain(text) { mismatches += 1 }
                }
            }
        }
        #expect(mismatches == 0)
    }

    @Test func pointersReadValues() throws {
        let value = try parse(#"{"a": [{"b/c": 1, "d~e": 2}]}"#)
        #expect(value.value(at: "/a/0/b~1c") == .integer(1))
        #expect(value.value(at: "/a/0/d~0e") == .integer(2))
        #expect(value.value(at: "") == value)
        #expect(value.value(at: "/a/1") == nil)
        #expect(value.value(at: "/a/01") == nil)
        #expect(value.value(at: "a") == nil)
        #expect(JSONPointer.pointer(["a", "b/c", "d~e"]) == "/a/b~1c/d~0e")
        #expect(JSONPointer.tokens("/a/b~1c/d~0e") == ["a", "b/c", "d~e"])
    }
}

@Suite struct KeyEqualityTests {
    /// JSON keys differ when their code points differ, even if they look the same.
    @Test func canonicallyEquivalentKeysAreDistinct() throws {
        let precomposed = "caf\u{E9}", decomposed = "cafe\u{301}"
        let doc = try JSONDocument(text: "{\"\(precomposed)\": 1, \"\(decomposed)\": 2}")
        guard case .object(let object) = doc.root else { Issue.record("not an object"); return }
        #expect(object.count == 2)
        #expect(object[precomposed] == .integer(1))
        #expect(object[decomposed] == .integer(2))
        // Also once the object is large enough to index its keys.
        let many = (0..<20).map { "\"k\($0)\": 0" }.joined(separator: ", ")
        let text = "{\(many), \"\(precomposed)\": 1, \"\(decomposed)\": 2}"
        let big = try JSONDocument(text: text)
        #expect(big.root[precomposed] == .integer(1))
        #expect(big.root[decomposed] == .integer(2))
        // The value 2 is the second-to-last scalar of the one-line text.
        #expect(big.position(of: "/\(decomposed)")?.column == text.unicodeScalars.count - 1)
    }
}
