import Testing
@testable import Shortcodes

@Suite("Source positions")
struct PositionTests {
    @Test func tagSpanningLines() throws {
        let body = "Intro\n{{< figure\n    src=\"a.png\"\n    alt=`two\nlines`\n>}} after {{< x >}}"
        let (doc, diagnostics) = parse(body)
        #expect(diagnostics.isEmpty)
        #expect(doc.shortcodes.count == 2)
        let figure = doc.shortcodes[0]
        #expect(figure.location.line == 2)
        #expect(figure.location.column == 1)
        #expect(figure.arguments["src"] == "a.png")
        #expect(figure.arguments["alt"] == "two\nlines")
        #expect(body.utf8Slice(figure.range).hasSuffix("lines`\n>}}"))
        #expect(doc.shortcodes[1].location.line == 6)
        #expect(doc.shortcodes[1].location.column == 11)
    }

    @Test func columnsCountScalarsNotBytes() {
        // "héllo 🌍 " is 8 scalars but 12 bytes.
        let body = "héllo 🌍 {{< x >}}"
        let (doc, _) = parse(body)
        #expect(doc.single?.location.column == 9)
        #expect(doc.single?.range == 12..<21)
    }

    @Test func startLineShiftsLinesNotColumns() {
        let body = "first\n  {{< x >}}\n"
        let (doc, _) = parse(body, startLine: 5)
        #expect(doc.single?.location == .init(file: testFile, line: 6, column: 3))
    }

    @Test func startLineAppliesToDiagnostics() {
        let (_, diagnostics) = parse("ok\n\n   {{< /gone >}}", startLine: 10)
        #expect(diagnostics.map(\.description)
            == ["content/page.md:12:4: error: closing tag {{< /gone >}} has no matching opening tag"])
    }

    @Test func nestedLocationsAreAbsolute() throws {
        let body = "{{< a >}}\n  — {{< b >}}\n{{< /a >}}"
        let (doc, _) = parse(body, startLine: 3)
        let b = try #require(doc.single?.inner?.shortcodes.first)
        #expect(b.location.line == 4)
        #expect(b.location.column == 5)
    }

    @Test func manyTagsOnManyLines() {
        let body = (1...50).map { "line \($0) {{< n \($0) >}}" }.joined(separator: "\n")
        let (doc, diagnostics) = parse(body)
        #expect(diagnostics.isEmpty)
        #expect(doc.shortcodes.map(\.location.line) == Array(1...50))
        #expect(doc.shortcodes[9].location.column == 9)
        #expect(doc.shortcodes[9].arguments[0] == "10")
    }
}
