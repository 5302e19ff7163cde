import Testing
@testable import Shortcodes

@Suite("Self-closing tags")
struct SelfClosingTests {
    @Test func withoutArguments() throws {
        let body = "a {{< br />}} b"
        let (doc, diagnostics) = parse(body)
        #expect(diagnostics.isEmpty)
        let sc = try #require(doc.single)
        #expect(sc.name == "br")
        #expect(sc.isSelfClosing)
        #expect(sc.inner == nil)
        #expect(sc.innerRange == nil)
        #expect(body.utf8Slice(sc.range) == "{{< br />}}")
    }

    @Test func withArguments() throws {
        let (doc, diagnostics) = parse(#"{{< img src="a.png" alt=b />}}"#)
        #expect(diagnostics.isEmpty)
        let sc = try #require(doc.single)
        #expect(sc.isSelfClosing)
        #expect(sc.arguments["src"] == "a.png")
        #expect(sc.arguments["alt"] == "b")
    }

    @Test func withoutSpacesAndInMarkdownForm() {
        let (doc, diagnostics) = parse("{{<x/>}}{{% y /%}}")
        #expect(diagnostics.isEmpty)
        #expect(doc.shortcodes.map(\.name) == ["x", "y"])
        #expect(doc.shortcodes.allSatisfy { $0.isSelfClosing })
        #expect(doc.shortcodes.map(\.form) == [.html, .markdown])
    }

    @Test func plainTagIsNotSelfClosing() {
        let (doc, _) = parse("{{< x >}}")
        #expect(doc.single?.isSelfClosing == false)
    }

    @Test func selfClosingTagDoesNotTakeALaterClosingTag() {
        let body = "{{< x />}}in{{< /x >}}"
        let (doc, diagnostics) = parse(body)
        #expect(positions(diagnostics) == ["1:13: closing tag {{< /x >}} has no matching opening tag"])
        #expect(outline(doc.segments, in: body) == #"sc(x) text("in{{< /x >}}")"#)
    }
}
