import Testing
@testable import Shortcodes

@Suite("Pairing and nesting")
struct NestingTests {
    @Test func pairCoversBothTagsAndInner() throws {
        let body = "A {{< note >}}Hi *there*{{< /note >}} Z"
        let (doc, diagnostics) = parse(body)
        #expect(diagnostics.isEmpty)
        let sc = try #require(doc.single)
        #expect(body.utf8Slice(sc.range) == "{{< note >}}Hi *there*{{< /note >}}")
        #expect(body.utf8Slice(try #require(sc.innerRange)) == "Hi *there*")
        #expect(sc.inner == [.text(14..<24)])
        #expect(outline(doc.segments, in: body) == #"text("A ") sc(note)[text("Hi *there*")] text(" Z")"#)
    }

    @Test func emptyContentIsEmptyNotNil() throws {
        let (doc, _) = parse("{{< x >}}{{< /x >}}")
        let sc = try #require(doc.single)
        #expect(sc.inner == [])
        #expect(sc.innerRange == 9..<9)
    }

    @Test func threeDeep() throws {
        let body = """
        {{< tabpane >}}
        {{< tab "One" >}}
        {{% alert title="Careful" %}}Hot{{% /alert %}}
        {{< /tab >}}
        {{< /tabpane >}}
        """
        let (doc, diagnostics) = parse(body)
        #expect(diagnostics.isEmpty)
        #expect(outline(doc.segments, in: body)
            == #"sc(tabpane)[text("\n") sc(tab)[text("\n") sc(alert)[text("Hot")] text("\n")] text("\n")]"#)
        let tab = try #require(doc.single?.inner?.shortcodes.first)
        #expect(tab.arguments[0] == "One")
        let alert = try #require(tab.inner?.shortcodes.first)
        #expect(alert.form == .markdown)
        #expect(alert.arguments["title"] == "Careful")
        #expect(alert.location.line == 3)
        #expect(body.utf8Slice(alert.range) == "{{% alert title=\"Careful\" %}}Hot{{% /alert %}}")
    }

    @Test func sameNameNests() throws {
        let body = "{{< box >}}a{{< box >}}b{{< /box >}}c{{< /box >}}"
        let (doc, diagnostics) = parse(body)
        #expect(diagnostics.isEmpty)
        #expect(outline(doc.segments, in: body) == #"sc(box)[text("a") sc(box)[text("b")] text("c")]"#)
        let outer = try #require(doc.single)
        #expect(outer.range == 0..<body.utf8.count)
    }

    @Test func closingMayUseTheOtherFormAndOpeningFormIsKept() {
        let body = "{{< a >}}x{{% /a %}}{{% b %}}y{{< /b >}}"
        let (doc, diagnostics) = parse(body)
        #expect(diagnostics.isEmpty)
        #expect(outline(doc.segments, in: body) == #"sc(a)[text("x")] sc(b)[text("y")]"#)
        #expect(doc.shortcodes.map(\.form) == [.html, .markdown])
    }

    @Test func tagsSkippedByAClosingTagHaveNoContent() throws {
        let body = "{{< a >}}{{< img 1 >}}x{{< br >}}y{{< /a >}}"
        let (doc, diagnostics) = parse(body)
        #expect(diagnostics.isEmpty)
        #expect(outline(doc.segments, in: body) == #"sc(a)[sc(img) text("x") sc(br) text("y")]"#)
        let img = try #require(doc.single?.inner?.shortcodes.first)
        #expect(img.inner == nil)
        #expect(body.utf8Slice(img.range) == "{{< img 1 >}}")
    }

    @Test func tagsOpenAtTheEndHaveNoContent() {
        let body = "{{< a >}}x{{< b >}}y"
        let (doc, diagnostics) = parse(body)
        #expect(diagnostics.isEmpty)
        #expect(outline(doc.segments, in: body) == #"sc(a) text("x") sc(b) text("y")"#)
        #expect(doc.shortcodes.allSatisfy { $0.inner == nil && $0.innerRange == nil })
    }

    @Test func namespacedNamesPair() {
        let body = "{{< blocks/cover >}}c{{< /blocks/cover >}}{{</blocks/section>}}"
        let (doc, diagnostics) = parse(body)
        #expect(outline(doc.segments, in: body)
            == #"sc(blocks/cover)[text("c")] text("{{</blocks/section>}}")"#)
        #expect(positions(diagnostics)
            == ["1:43: closing tag {{< /blocks/section >}} has no matching opening tag"])
    }

    @Test func spaceAfterClosingSlashIsAllowed() {
        let body = "{{< a >}}x{{< / a >}}"
        let (doc, diagnostics) = parse(body)
        #expect(diagnostics.isEmpty)
        #expect(outline(doc.segments, in: body) == #"sc(a)[text("x")]"#)
    }
}
