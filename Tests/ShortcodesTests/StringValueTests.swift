import Testing
@testable import Shortcodes

@Suite("String values")
struct StringValueTests {
    @Test func quotedEscapes() {
        let (doc, diagnostics) = parse(#"{{< x "say \"hi\" \\ there" >}}"#)
        #expect(diagnostics.isEmpty)
        #expect(doc.single?.arguments[0] == #"say "hi" \ there"#)
    }

    @Test func otherBackslashesStayAsWritten() {
        let (doc, _) = parse(#"{{< x path="C:\docs\n" re="a\d+" >}}"#)
        #expect(doc.single?.arguments["path"] == #"C:\docs\n"#)
        #expect(doc.single?.arguments["re"] == #"a\d+"#)
    }

    @Test func emptyQuotedValue() {
        let (doc, diagnostics) = parse(#"{{< x "" >}}{{< y title="" >}}"#)
        #expect(diagnostics.isEmpty)
        #expect(doc.shortcodes.first?.arguments.positional == [""])
        #expect(doc.shortcodes.last?.arguments["title"] == "")
    }

    @Test func rawStringSpansLinesAndKeepsQuotesAndBackslashes() throws {
        let body = "{{< code `line \"one\"\nline \\two\n` lang=x >}}"
        let (doc, _) = parse(body)
        let sc = try #require(doc.single)
        #expect(sc.arguments.positional == ["line \"one\"\nline \\two\n"])
    }

    @Test func namedRawStringSpansLines() {
        let body = "{{< code src=`a\nb` >}}"
        let (doc, diagnostics) = parse(body)
        #expect(diagnostics.isEmpty)
        #expect(doc.single?.arguments["src"] == "a\nb")
        #expect(doc.single?.range == 0..<body.utf8.count)
    }

    @Test func tagSyntaxInsideStringsIsNotATag() throws {
        let body = #"{{< x "{{< y >}}" `%}} {{% z %}}` >}} after"#
        let (doc, diagnostics) = parse(body)
        #expect(diagnostics.isEmpty)
        let sc = try #require(doc.single)
        #expect(sc.arguments.positional == ["{{< y >}}", "%}} {{% z %}}"])
        #expect(outline(doc.segments, in: body) == #"sc(x) text(" after")"#)
    }

    @Test func nonASCIIValues() {
        let (doc, diagnostics) = parse(#"{{< x "héllo 🌍" été >}}"#)
        #expect(diagnostics.isEmpty)
        #expect(doc.single?.arguments.positional == ["héllo 🌍", "été"])
    }
}
