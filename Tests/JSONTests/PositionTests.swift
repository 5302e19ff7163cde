import Testing
import JSON

/// Lines and columns of values and keys, looked up by JSON Pointer.
@Suite struct PositionTests {
    let text = """
    {
      "name": "café",
      "list": [10, {"k/ey": "ü"}, [true]],
      "emoji": "😀😀", "after": null,
    \t"tab": 1
    }
    """

    @Test func valuePositions() throws {
        let doc = try JSONDocument(text: text)
        #expect(doc.position(of: "")?.description == "1:1")
        #expect(doc.position(of: "/name")?.description == "2:11")
        #expect(doc.position(of: "/list")?.description == "3:11")
        #expect(doc.position(of: "/list/0")?.description == "3:12")
        #expect(doc.position(of: "/list/1")?.description == "3:16")
        #expect(doc.position(of: "/list/1/k~1ey")?.description == "3:25")
        #expect(doc.position(of: "/list/2")?.description == "3:31")
        #expect(doc.position(of: "/list/2/0")?.description == "3:32")
        #expect(doc.position(of: "/tab")?.description == "5:9")
    }

    @Test func columnsCountScalarsAfterMultiByteCharacters() throws {
        let doc = try JSONDocument(text: text)
        // "😀😀" is 8 bytes but 2 columns; the next key starts right after.
        #expect(doc.position(of: "/emoji")?.description == "4:12")
        #expect(doc.position(of: "/after")?.description == "4:27")
        #expect(doc.keyPosition(of: "/after")?.description == "4:18")
    }

    @Test func keyPositions() throws {
        let doc = try JSONDocument(text: text)
        #expect(doc.keyPosition(of: "/name")?.description == "2:3")
        #expect(doc.keyPosition(of: "/list/1/k~1ey")?.description == "3:17")
        #expect(doc.keyPosition(of: "/tab")?.description == "5:2")
        #expect(doc.keyPosition(of: "") == nil)
        #expect(doc.keyPosition(of: "/list/0") == nil)
    }

    @Test func missingOrMalformedPointers() throws {
        let doc = try JSONDocument(text: text)
        #expect(doc.position(of: "/nope") == nil)
        #expect(doc.position(of: "/list/9") == nil)
        #expect(doc.position(of: "/name/x") == nil)
        #expect(doc.position(of: "name") == nil)
    }

    @Test func locationsForDiagnostics() throws {
        let doc = try JSONDocument(text: text)
        #expect(doc.location(of: "/list/1", file: "c.json")?.description == "c.json:3:16")
    }

    @Test func positionsInLargeObjectsWithAKeyIndex() throws {
        // Objects with many members look keys up through an index; positions must agree.
        let members = (0..<40).map { "\"k\($0)\": \($0)" }.joined(separator: ",\n")
        let doc = try JSONDocument(text: "{\n" + members + "\n}")
        #expect(doc.position(of: "/k0")?.description == "2:7")
        #expect(doc.position(of: "/k39")?.description == "41:8")
        #expect(doc.keyPosition(of: "/k25")?.description == "27:1")
    }
}

/// Found by the json fuzz target (Fuzz/regressions/json/invariant-pointer-escape-combining-mark.json):
/// "~" or "/" followed by a combining mark is one Character, and escaping by Characters missed it.
struct PointerEscapeTests {
    @Test func keysWithCombiningMarksRoundTrip() throws {
        for key in ["~\u{301}", "/\u{301}", "a~/b", "é/~"] {
            let pointer = JSONPointer.pointer([key])
            #expect(JSONPointer.tokens(pointer) == [key], "\(key)")
        }
        #expect(JSONPointer.escape("~\u{301}") == "~0\u{301}")
        let document = try JSONDocument(text: "{\"~\u{301}\": 1, \"/\u{301}\": 2}")
        #expect(document.keyPosition(of: JSONPointer.pointer(["~\u{301}"])) != nil)
        #expect(document.keyPosition(of: JSONPointer.pointer(["/\u{301}"])) != nil)
    }
}
