import Testing
@testable import Shortcodes

@Suite("Escaped shortcodes")
struct EscapedFormTests {
    @Test func htmlForm() {
        let body = #"Use {{</* ilink "/a" */>}} here"#
        let (doc, diagnostics) = parse(body)
        #expect(diagnostics.isEmpty)
        #expect(doc.segments == [
            .text(0..<4),
            .escaped(literal: #"{{< ilink "/a" >}}"#, range: 4..<26),
            .text(26..<31),
        ])
        #expect(body.utf8Slice(4..<26) == #"{{</* ilink "/a" */>}}"#)
    }

    @Test func markdownForm() {
        let (doc, diagnostics) = parse(#"{{%/* alert color="info" */%}}"#)
        #expect(diagnostics.isEmpty)
        #expect(doc.segments == [.escaped(literal: #"{{% alert color="info" %}}"#, range: 0..<30)])
    }

    @Test func escapedClosingTagAndNoSpaces() {
        let body = "{{</* /tab */>}}{{</*x*/>}}"
        let (doc, diagnostics) = parse(body)
        #expect(diagnostics.isEmpty)
        #expect(outline(doc.segments, in: body) == "esc({{< /tab >}}) esc({{<x>}})")
    }

    @Test func contentIsKeptVerbatimAcrossLines() {
        let body = "{{</* figure\n  src=\"a\" >}} */>}}"
        let (doc, _) = parse(body)
        #expect(outline(doc.segments, in: body) == "esc({{< figure\n  src=\"a\" >}} >}})")
    }

    @Test func escapedTagsDoNotPair() {
        let body = "{{< a >}}{{</* /a */>}}{{</* b */>}}{{< /a >}}"
        let (doc, diagnostics) = parse(body)
        #expect(diagnostics.isEmpty)
        #expect(outline(doc.segments, in: body) == "sc(a)[esc({{< /a >}}) esc({{< b >}})]")
    }

    @Test func escapedEndMustMatchOpeningForm() {
        // `*/%}}` does not end a `{{</*`; Hugo looks for `*/>}}` only.
        let body = "{{</* a */%}} b */>}}"
        let (doc, diagnostics) = parse(body)
        #expect(diagnostics.isEmpty)
        #expect(outline(doc.segments, in: body) == "esc({{< a */%}} b >}})")
    }
}
