import Testing
import JSON

@Suite struct LargeInputTests {
    /// About 10 MB of objects, strings with multi-byte characters and numbers on many lines.
    @Test func tenMegabytesParse() throws {
        var text = "[\n"
        var i = 0
        while text.utf8.count < 10_000_000 {
            text += "{\"id\": \(i), \"name\": \"item \(i) — é\", \"tags\": [\"a\", \"b\"], \"ratio\": \(Double(i) / 8)},\n"
            i += 1
        }
        text += "null\n]"
        let doc = try JSONDocument(text: text)
        guard case .array(let items) = doc.root else { Issue.record("not an array"); return }
        #expect(items.count == i + 1)
        #expect(items[i - 1]["id"] == .integer(i - 1))
        #expect(doc.position(of: "/\(i - 1)/name")?.line == i + 1)
        #expect(doc.position(of: "/\(i)")?.description == "\(i + 2):1")
    }
}
