import Testing
@testable import Shortcodes

/// Parsing goes on after a mistake, so one run lists every problem and good tags still work.
@Suite("Recovery")
struct RecoveryTests {
    @Test func everyMistakeIsReportedInOrder() {
        let body = """
        {{< /stray >}}
        {{< good 1 >}}
        {{< bad a k=v >}}
        {{< x "open >}}
        {{% tip %}}fine{{% /tip %}}
        {{< cut
        """
        let (doc, diagnostics) = parse(body)
        #expect(positions(diagnostics) == [
            "1:1: closing tag {{< /stray >}} has no matching opening tag",
            "3:11: shortcode \"bad\" mixes positional and named arguments; use only one kind",
            "4:7: the quoted value in shortcode \"x\" is never closed: add the closing \" on the same line (for a value over several lines, use `backticks` instead of quotes)",
            "6:1: shortcode \"cut\" is not closed: expected >}} before the end of the text",
        ])
        #expect(doc.shortcodes.map(\.name) == ["good", "bad", "x", "tip"])
        #expect(doc.shortcodes.last?.inner?.count == 1)
    }

    @Test func unterminatedTagDoesNotHideLaterTags() {
        let body = "{{< a k=\"v\"\n\n{{< b >}}x{{< /b >}}"
        let (doc, diagnostics) = parse(body)
        #expect(diagnostics.count == 1)
        #expect(outline(doc.segments, in: body) == #"text("{{< a k=\"v\"\n\n") sc(b)[text("x")]"#)
    }

    @Test func multiLineQuoteRecoversAtTheNextLine() throws {
        let body = "{{< a t=\"one\ntwo\" >}}after"
        let (doc, diagnostics) = parse(body)
        #expect(diagnostics.count == 1)
        let sc = try #require(doc.single)
        #expect(body.utf8Slice(sc.range) == "{{< a t=\"one\ntwo\" >}}")
        #expect(outline(doc.segments, in: body) == #"sc(a) text("after")"#)
    }
}
