import Testing
@testable import LinkCheck

private func scan(_ html: String) -> PageScan {
    Array(html.utf8).withUnsafeBufferPointer { PageScan(bytes: $0) }
}

private func links(_ html: String) -> [String] {
    let page = scan(html)
    return page.links.map(page.value(of:))
}

@Suite struct HTMLScanTests {
    @Test func commentsOfEveryShapeHideTheirContent() {
        #expect(links("<!--><a href=a>--> <a href=b>") == ["a", "b"])  // `<!-->` is a whole comment
        #expect(links("<!---><a href=a>") == ["a"])
        #expect(links("<!-- x -- y --!><a href=a>") == ["a"])
        #expect(links("<!-- <a href=x> --><a href=a><!-- never closed <a href=y>") == ["a"])
        #expect(links("<!DOCTYPE html><?php echo '<a href=x>' ?><a href=a>") == ["a"])
    }

    @Test func rawTextEndsOnlyAtItsOwnEndTag() {
        #expect(links("<script>'</scripty><a href=x>'</SCRIPT ><a href=a>") == ["a"])
        #expect(links("<textarea><a href=x></textarea><a href=a>") == ["a"])
        #expect(links("<script src=s.js></script><style>a{}</style>") == ["s.js"])
        #expect(links("<script>never closed <a href=x>") == [])
    }

    @Test func attributeSyntax() {
        #expect(links("<a title='x > y' href=\"a\">") == ["a"])
        #expect(links("<a href = 'b' >") == ["b"])
        #expect(links("<a href=c/>") == ["c/"])  // unquoted values keep a trailing slash
        #expect(links("<a href=\"d\" href=\"e\">") == ["d"])  // the first duplicate wins
        #expect(links("<a hreflang=en data-href=x href=f>") == ["f"])
        #expect(links("<a href>") == [""])
        #expect(links("<a href=\"unterminated>") == [])  // end of input inside a tag drops it
        #expect(links("</a href='>'><a href=g>") == ["g"])  // end tags can hold quoted '>'
    }

    @Test func onlyLinkAttributesOfLinkElements() {
        let html = """
        <a href=a><link href=b><area href=c><base href=/base/><div href=x><img src=d><iframe src=e></iframe>
        <video src=f></video><audio src=g></audio><embed src=h><source src=i><input src=x><script src=j></script>
        """
        #expect(links(html) == ["a", "b", "c", "d", "e", "f", "g", "h", "i", "j"])
        #expect(scan(html).baseHref == "/base/")
    }

    @Test func anchorsAreIdsAndNamesOfAnchors() {
        let page = scan("<h1 id=one><a name=two><input name=x><p ID=\"thr&amp;ee\"><meta id=four>")
        #expect(page.anchors == ["one", "two", "thr&ee", "four"])
    }

    @Test func entitiesInValues() {
        #expect(links("<a href=\"?a=1&amp;b=2&lt;&#38;&#x26;&unknown;&amp\">") == ["?a=1&b=2<&&&unknown;&"])
        #expect(links("<a href=\"?x=1&copy=2\">") == ["?x=1&copy=2"])  // legacy name before '=' stays
        #expect(links("<a href=\"&#0;&#x110000;\">") == ["\u{FFFD}\u{FFFD}"])
    }

    @Test func positionsCountScalarsAndLines() {
        let page = scan("é<a\n  x=1 href=a>\n\t<img src=b>")
        #expect(page.links.map { [Int($0.line), Int($0.column)] } == [[2, 7], [3, 7]])
    }

    @Test func srcsetCandidates() {
        #expect(AttributeParsers.srcsetURLs("a.png 1x, b.png 2x") == ["a.png", "b.png"])
        // A URL runs to whitespace, so commas without spaces stay inside it (as the HTML spec says).
        #expect(AttributeParsers.srcsetURLs(" a.png,b.png, c,d.png 100w ") == ["a.png,b.png", "c,d.png"])
        #expect(AttributeParsers.srcsetURLs("a.png (x, y) 1x, b.png") == ["a.png", "b.png"])
        #expect(AttributeParsers.srcsetURLs(" , ") == [])
    }

    @Test func refreshTargets() {
        #expect(AttributeParsers.refreshURL("0; url=/x/") == "/x/")
        #expect(AttributeParsers.refreshURL("0;URL='/y/'") == "/y/")
        #expect(AttributeParsers.refreshURL("5, url = \"z.html\" ") == "z.html")
        #expect(AttributeParsers.refreshURL("0; /bare/") == "/bare/")
        #expect(AttributeParsers.refreshURL("30") == nil)
        let page = scan("<meta content=\"0; url=/a/\" http-equiv=Refresh><meta http-equiv=x content=\"0; url=/b/\">")
        #expect(page.links.map(page.value(of:)) == ["/a/"])
        #expect(page.refreshLink == 0)
    }

    @Test func linkClasses() {
        #expect(LinkClassifier.classify("mailto:a@b") == .skipped)
        #expect(LinkClassifier.classify("TEL:1") == .skipped)
        #expect(LinkClassifier.classify("javascript:x()") == .skipped)
        #expect(LinkClassifier.classify("data:,x") == .skipped)
        #expect(LinkClassifier.classify("  ") == .skipped)
        #expect(LinkClassifier.classify("HTTPS://x.org/a#f") == .external("HTTPS://x.org/a"))
        #expect(LinkClassifier.classify("//cdn.org/x.js") == .external("https://cdn.org/x.js"))
        #expect(LinkClassifier.classify(" /a/b?q#f ") == .local(path: "/a/b", fragment: "f"))
        #expect(LinkClassifier.classify("a:b/c") == .skipped)  // a scheme, as browsers read it
        #expect(LinkClassifier.classify("./a:b") == .local(path: "./a:b", fragment: nil))
        #expect(LinkClassifier.classify("?q") == .local(path: "", fragment: nil))
    }
}

@Suite struct LinkTextTableTests {
    /// Numbers go by first sight; the same text gets the same number however it was written in the
    /// HTML, across pages, and after the table has grown many times.
    @Test func eachDistinctTextGetsOneNumber() {
        var table = LinkTextTable()
        let values = (0..<5000).map { "/docs/page-\($0 % 2500)/" }
        let ids = values.map { value in Array(value.utf8).withUnsafeBufferPointer { table.id(of: $0) } }
        #expect(table.texts.count == 2500)
        for (value, id) in zip(values, ids) { #expect(table.texts[id] == value) }
        #expect(ids[0] == 0 && ids[2500] == 0 && ids[2499] == 2499)

        let page = scan("<a href=\"/docs/page-7/\">x</a><a href=\"/docs/page&#45;7/\">y</a><img src=\"/i.png\">")
        let numbers = page.linkBytes.withUnsafeBufferPointer { bytes in page.links.map { table.id(of: $0, in: bytes) } }
        #expect(numbers == [ids[7], ids[7], 2500])
        #expect(table.texts.last == "/i.png")
        // Empty values, the first link of a page or not.
        let empty = scan("<a href=\"\">x</a><a href=\"/i.png\">y</a><a href=''>z</a>")
        let emptyNumbers = empty.linkBytes.withUnsafeBufferPointer { bytes in empty.links.map { table.id(of: $0, in: bytes) } }
        #expect(emptyNumbers == [2501, 2500, 2501])
        #expect(table.texts[2501] == "")
    }
}
