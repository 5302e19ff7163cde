import Testing
@testable import Rendering

/// Expected IDs were produced by Hugo 0.111.3 (Debian `hugo`) from the same Markdown, so these
/// cases pin docgen to Hugo's behaviour rather than to our reading of its source.
struct HeadingIDTests {
    func ids(_ markdown: String, rules: HeadingIDRules = .hugo0110) -> [String] {
        var generator = HeadingIDGenerator()
        return MarkdownRenderer(rules: rules).render(markdown, ids: &generator).headings.map(\.id)
    }

    @Test func duplicatesGetNumberedInDocumentOrder() {
        #expect(ids("## Heading\n## Heading\n## Heading-1\n## Heading\n") == ["heading", "heading-1", "heading-1-1", "heading-2"])
    }

    @Test func headingsInsideContainersAreFoundInDocumentOrder() {
        let markdown = "## A\n\n> ## A\n\n- item\n\n  ## A\n\n| t |\n|---|\n| x |\n\nSetext A\n--------\n## A\n"
        #expect(ids(markdown) == ["a", "a-1", "a-2", "setext-a", "a-3"])
        var generator = HeadingIDGenerator()
        let html = MarkdownRenderer().render(markdown, ids: &generator).html
        #expect(html.contains("<blockquote>\n<h2 id=\"a-1\">A</h2>") && html.contains("<h2 id=\"a-2\">A</h2>"))
    }

    @Test func setextHeadingsUseTheLineAboveTheUnderline() {
        #expect(ids("Setext A\n--------\n") == ["setext-a"])
        #expect(ids("Two\nLines\n===\n") == ["lines"])
        // cmark ends the heading on the next line when another heading follows at once.
        #expect(ids("Setext A\n--------\n## A\n") == ["setext-a", "a"])
        #expect(ids("Setext A\n  ===  \n## A\n") == ["setext-a", "a"])
    }

    @Test func rawHTMLInHeadingCountsAsTextUnderHugo0110() {
        let markdown = "## Create a bucket\n### <a name=\"create-a-bucket-b2\">Create a bucket</a>\n## Create a bucket\n"
        #expect(ids(markdown) == ["create-a-bucket", "a-namecreate-a-bucket-b2create-a-bucketa", "create-a-bucket-1"])
    }

    @Test func punctuationIsDroppedAndSpacesKept() {
        #expect(ids("## Hello, World! (v2.0) & more?") == ["hello-world-v20--more"])
        #expect(ids("## foo_bar-baz  two  spaces") == ["foo_bar-baz--two--spaces"])
        #expect(ids("## C++ & C#") == ["c--c"])
        #expect(ids("## Tab\tin") == ["tabin"])
        #expect(ids("## 123 numbers") == ["123-numbers"])
    }

    @Test func nonASCIILettersAreKeptAndLowerCased() {
        #expect(ids("## Ünïcödé Straße 日本語") == ["ünïcödé-straße-日本語"])
        #expect(ids("## Emoji 🎉 party") == ["emoji--party"])
    }

    @Test func inlineCodeLinksAndImagesUseTheirSourceText() {
        #expect(ids("## Use `docgen build` now") == ["use-docgen-build-now"])
        #expect(ids("## A [link](http://x.com) here") == ["a-linkhttpxcom-here"])
        #expect(ids("## Image ![alt text](/img.png) here") == ["image-alt-textimgpng-here"])
        #expect(ids("## <span>Raw</span> inline <br> html") == ["spanrawspan-inline-br-html"])
        #expect(ids("## https://autolink.example.com") == ["httpsautolinkexamplecom"])
    }

    @Test func entitiesAndEscapesAreSourceText() {
        #expect(ids("## A &amp; B &copy; C") == ["a-amp-b-copy-c"])
        #expect(ids("## Escaped \\* star \\_ under") == ["escaped--star-_-under"])
        #expect(ids("## Under_score __bold__") == ["under_score-__bold__"])
    }

    @Test func closingHashesAndSpacesAreNotPartOfTheText() {
        #expect(ids("## Trailing #") == ["trailing"])
        #expect(ids("## Trailing spaces   ") == ["trailing-spaces"])
        #expect(ids("##    Leading spaces") == ["leading-spaces"])
    }

    @Test func emptyHeadingsAreCalledHeading() {
        #expect(ids("## \n## \n") == ["heading", "heading-1"])
    }

    @Test func setextHeadingUsesItsLastLine() {
        #expect(ids("Multi line\nsetext *heading*\n---------\n") == ["setext-heading"])
    }

    @Test func headingsInContainers() {
        #expect(ids("> ## In quote\n\n- ## In list\n") == ["in-quote", "in-list"])
    }

    @Test func explicitIDIsUsedAndRemovedFromText() {
        var generator = HeadingIDGenerator()
        let result = MarkdownRenderer().render("## Custom {#my-id}\n", ids: &generator)
        #expect(result.headings == [RenderedHeading(level: 2, id: "my-id", text: "Custom")])
        #expect(result.html == "<h2 id=\"my-id\">Custom</h2>\n")
    }

    @Test func currentRulesUseRenderedText() {
        #expect(ids("### <a name=\"x\">Create a bucket</a>", rules: .hugoCurrent) == ["create-a-bucket"])
    }

    @Test func headingHTMLKeepsInlineMarkup() {
        var generator = HeadingIDGenerator()
        let html = MarkdownRenderer().render("# *emph* and `code`\n\ntext\n", ids: &generator).html
        #expect(html == "<h1 id=\"emph-and-code\"><em>emph</em> and <code>code</code></h1>\n<p>text</p>\n")
    }
}
