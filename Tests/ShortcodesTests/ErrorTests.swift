import Testing
@testable import Shortcodes

/// Each kind of mistake, with the exact line:column it is reported at.
@Suite("Errors")
struct ErrorTests {
    @Test func tagReachingEndOfText() {
        let body = "Text\n  {{< alert \"x\"\nmore text"
        let (doc, diagnostics) = parse(body)
        #expect(positions(diagnostics)
            == ["2:3: shortcode \"alert\" is not closed: expected >}} before the end of the text"])
        #expect(doc.segments == [.text(0..<body.utf8.count)])
    }

    @Test func tagCutOffByTheNextTag() {
        let body = "{{% note \n\nBody {{< x >}}"
        let (doc, diagnostics) = parse(body)
        #expect(positions(diagnostics)
            == ["1:1: shortcode \"note\" is not closed: expected %}} before the next shortcode tag"])
        #expect(outline(doc.segments, in: body) == #"text("{{% note \n\nBody ") sc(x)"#)
    }

    @Test func wrongTerminator() throws {
        let body = "ab {{< alert %}} cd"
        let (doc, diagnostics) = parse(body)
        #expect(positions(diagnostics)
            == ["1:14: shortcode \"alert\" opened with {{< must end with >}}, not %}}"])
        // Recovered: the tag still counts, so text after it is not swallowed.
        let sc = try #require(doc.single)
        #expect(body.utf8Slice(sc.range) == "{{< alert %}}")
        #expect(sc.form == .html)
    }

    @Test func bareBracesAsTerminator() {
        let (doc, diagnostics) = parse("{{% figure src=\"a\" }}")
        #expect(positions(diagnostics)
            == ["1:20: shortcode \"figure\" opened with {{% must end with %}}, not }}"])
        #expect(doc.single?.arguments["src"] == "a")
    }

    @Test func unterminatedQuotedStringOnItsLine() throws {
        let body = "x\n{{< alert \"oops >}}\nafter"
        let (doc, diagnostics) = parse(body)
        #expect(positions(diagnostics)
            == ["2:11: the quoted value in shortcode \"alert\" is never closed: add the closing \" on the same line (for a value over several lines, use `backticks` instead of quotes)"])
        let sc = try #require(doc.single)
        #expect(body.utf8Slice(sc.range) == "{{< alert \"oops >}}")
    }

    @Test func quotedStringCannotSpanLines() {
        let body = "{{< alert title=\"two\nlines\" >}}"
        let (_, diagnostics) = parse(body)
        #expect(positions(diagnostics)
            == ["1:17: the quoted value in shortcode \"alert\" is never closed: add the closing \" on the same line (for a value over several lines, use `backticks` instead of quotes)"])
    }

    @Test func unterminatedRawString() {
        let body = "{{< code `abc\n\nno end"
        let (doc, diagnostics) = parse(body)
        // One message: the string explains why the tag has no end.
        #expect(positions(diagnostics)
            == ["1:10: unterminated raw string in shortcode \"code\": missing the closing backtick"])
        #expect(doc.segments == [.text(0..<body.utf8.count)])
    }

    @Test func mixingPositionalThenNamed() throws {
        let (doc, diagnostics) = parse("{{< x a\n   k=\"v\" >}}")
        #expect(positions(diagnostics)
            == ["2:4: shortcode \"x\" mixes positional and named arguments; use only one kind"])
        let args = try #require(doc.single).arguments
        #expect(args.positional == ["a"])
        #expect(args["k"] == "v")
    }

    @Test func mixingNamedThenPositionalReportedOnce() {
        let (_, diagnostics) = parse("{{< x k=v \"a\" b >}}")
        #expect(positions(diagnostics)
            == ["1:11: shortcode \"x\" mixes positional and named arguments; use only one kind"])
    }

    @Test func closingTagWithArguments() {
        let body = "{{< a >}}x{{< /a extra=1 >}}"
        let (doc, diagnostics) = parse(body)
        #expect(positions(diagnostics) == ["1:18: closing tag {{< /a >}} cannot have arguments"])
        #expect(outline(doc.segments, in: body) == #"sc(a)[text("x")]"#)
    }

    @Test func closingTagWithoutOpening() {
        let body = "Hello\n\n  {{< /alert >}}"
        let (doc, diagnostics) = parse(body)
        #expect(positions(diagnostics) == ["3:3: closing tag {{< /alert >}} has no matching opening tag"])
        #expect(diagnostics.first?.location.file == testFile)
        #expect(doc.segments == [.text(0..<body.utf8.count)])
    }

    @Test func closingTagWithoutOpeningInMarkdownForm() {
        let (_, diagnostics) = parse("{{< a >}}{{% /b %}}{{< /a >}}")
        #expect(positions(diagnostics) == ["1:10: closing tag {{% /b %}} has no matching opening tag"])
    }

    @Test func missingName() {
        let body = "a {{<  >}} b {{% \"x\" %}} c {{< / >}}"
        let (doc, diagnostics) = parse(body)
        #expect(positions(diagnostics) == [
            "1:8: shortcode tag {{< has no shortcode name",
            "1:18: shortcode tag {{% has no shortcode name",
            "1:34: closing tag {{< / has no shortcode name",
        ])
        #expect(doc.segments == [.text(0..<body.utf8.count)])
    }

    @Test func strayOpeningAtEndOfText() {
        let body = "abc {{<"
        let (doc, diagnostics) = parse(body)
        #expect(positions(diagnostics)
            == ["1:5: shortcode tag is not closed: expected >}} before the end of the text"])
        #expect(doc.segments == [.text(0..<body.utf8.count)])
    }

    @Test func wrongSelfClosingTerminator() throws {
        let (doc, diagnostics) = parse("{{< br /%}}")
        #expect(positions(diagnostics) == ["1:8: shortcode \"br\" opened with {{< must end with >}}, not /%}}"])
        #expect(try #require(doc.single).isSelfClosing)
    }

    @Test func invalidCharacterInName() throws {
        let (doc, diagnostics) = parse("é {{< al@rt >}}x{{< /al@rt >}}")
        #expect(positions(diagnostics) == [
            "1:9: invalid character \"@\" in shortcode name \"al@rt\"; names may contain letters, digits, \"-\", \"_\" and \"/\"",
            "1:24: invalid character \"@\" in shortcode name \"al@rt\"; names may contain letters, digits, \"-\", \"_\" and \"/\"",
        ])
        // Kept under its written name so it still pairs and no second error follows.
        #expect(try #require(doc.single).inner?.count == 1)
    }

    @Test func periodOnlyForInlineShortcodes() {
        let (_, diagnostics) = parse("{{< my.tip >}}")
        #expect(positions(diagnostics) == [
            "1:7: invalid character \".\" in shortcode name \"my.tip\"; a period is only allowed in inline shortcode names ending in \".inline\"",
        ])
    }

    @Test func unterminatedEscapedForm() {
        let body = "x\n {{%/* alert */>}} {{< ok >}}"
        let (doc, diagnostics) = parse(body)
        #expect(positions(diagnostics) == ["2:2: escaped shortcode {{%/* is not closed: expected */%}}"])
        #expect(outline(doc.segments, in: body) == #"text("x\n {{%/* alert */>}} ") sc(ok)"#)
    }

    @Test func valueWithoutNameAndNameWithoutValue() {
        let (_, diagnostics) = parse("{{< x =\"v\" >}}{{< y k= >}}")
        #expect(positions(diagnostics) == [
            "1:7: shortcode \"x\" has \"=\" without an argument name before it",
            "1:22: named argument \"k\" of shortcode \"y\" has no value after \"=\"",
        ])
    }

    @Test func diagnosticDescriptionNamesFileLineAndColumn() {
        let (_, diagnostics) = parse("\n\n\n    {{< x", startLine: 7)
        #expect(diagnostics.map(\.description)
            == ["content/page.md:10:5: error: shortcode \"x\" is not closed: expected >}} before the end of the text"])
    }
}
