import Foundation
import Testing
@testable import Site

/// Hugo's built-in shortcodes (ref, relref, figure, youtube, vimeo, param, highlight, details,
/// comment): their HTML, their mistakes at the shortcode's line and column, and the markup Hugo
/// 0.111.3 itself writes for the same site.
@Suite struct HugoShortcodeTests {
    /// Renders `page` as content/docs/p.md (with the one-line front matter, its body starts on
    /// line 4) beside `files`, with a template that prints the content alone, and returns the page
    /// at `output`; the problems have the site's folder taken out.
    private func render(_ page: String, frontMatter: String = "title: P", files: [String: String] = [:],
                        output: String = "docs/p") throws -> (html: String, problems: [String]) {
        let site = try siteFolder(files.merging([
            "templates/single.html": "{{{page.content}}}",
            "content/docs/p.md": "---\n\(frontMatter)\n---\n" + page,
            "content/docs/guide.md": "---\ntitle: Guide\n---\n## Intro\n",
        ]) { own, _ in own }, label: "docgen-hugo-shortcodes")
        defer { try? FileManager.default.removeItem(atPath: site) }
        let report = SiteBuilder.build(config(source: site, destination: site + "/public"), defaults: [:])
        let html = (try? String(contentsOfFile: site + "/public/\(output)/index.html", encoding: .utf8)) ?? ""
        return (html, report.diagnostics.map { $0.description.replacingOccurrences(of: site + "/", with: "") })
    }

    private let absoluteBase = ["docgen.yaml": "baseURL: https://example.org/sub/\nparams:\n  version: \"2.4\"\n  support:\n    email: help@example.org\n"]

    // MARK: ref and relref

    @Test func refIsThePermalinkAndRelrefTheURLFromTheSiteRoot() throws {
        let (html, problems) = try render("""
            [a]({{< ref "guide" >}}) [b]({{< relref "guide.md#intro" >}}) [c]({{< relref path="/docs/guide/" lang="en" >}})
            {{< ref "/" >}} {{< relref "../docs/_index.md" >}} {{< ref "#top" >}} {{< relref "guide" "html" >}}

            """, files: absoluteBase)
        #expect(problems == [])
        #expect(html == """
            <p><a href="https://example.org/sub/docs/guide/">a</a> <a href="/sub/docs/guide/#intro">b</a> <a href="/sub/docs/guide/">c</a>
            https://example.org/sub/ /sub/docs/ #top /sub/docs/guide/</p>

            """)
    }

    @Test func refFollowsHugoFromALeafBundleAndByName() throws {
        let (html, problems) = try render("", files: [
            "content/docs/bundle/index.md": "---\ntitle: B\n---\n{{< relref \"../guide\" >}} {{< relref \"guide\" >}} {{< relref \"setup\" >}}\n",
            "content/other/setup.md": "---\ntitle: Setup\n---\n",
        ], output: "docs/bundle")
        #expect(problems == [])
        #expect(html == "<p>/docs/guide/ /docs/guide/ /other/setup/</p>\n")
    }

    @Test func aMissingRefTargetIsAnErrorAtTheShortcode() throws {
        let (_, problems) = try render("Text\n\nSee [x]({{< ref \"giude\" >}}) and {{< relref \"/nowhere/at/all\" >}}.\n")
        #expect(problems == [
            "content/docs/p.md:6:9: error: ref: page 'giude' not found: did you mean '/docs/guide'?",
            "content/docs/p.md:6:34: error: relref: page '/nowhere/at/all' not found",
        ])
    }

    @Test func aRefToADraftSaysItIsADraft() throws {
        let (_, problems) = try render("{{< relref \"later\" >}}\n", files: ["content/docs/later.md": "---\ntitle: L\ndraft: true\n---\n"])
        #expect(problems == ["content/docs/p.md:4:1: error: relref: page 'later' is a draft (content/docs/later.md has draft: true), "
            + "so this build leaves it out: build with --drafts, or set draft: false when it is ready"])
    }

    @Test func refRefusesWhatDocgenDoesNotBuild() throws {
        let (_, problems) = try render("""
            {{< ref path="guide" lang="fr" >}} {{< ref "guide" "rss" >}} {{< ref "https://example.org/" >}} {{< ref >}}
            {{< relref "setup" >}} {{< relref pth="guide" >}}

            """, files: [
                "content/a/setup.md": "---\ntitle: A\n---\n", "content/b/setup.md": "---\ntitle: B\n---\n",
            ])
        #expect(problems == [
            "content/docs/p.md:4:1: error: ref: lang=\"fr\" is not built: docgen builds only the default language (en); leave lang out",
            "content/docs/p.md:4:36: error: ref: output format 'rss' is not written: docgen writes HTML pages only; leave it out",
            "content/docs/p.md:4:62: error: ref: absolute URLs are not supported ('https://example.org/'); use a Markdown link for other sites",
            "content/docs/p.md:4:97: error: ref needs the path of a page, e.g. {{< ref \"/docs/guide\" >}}",
            "content/docs/p.md:5:1: error: relref: page reference 'setup' is ambiguous: it names '/a/setup' and '/b/setup'; "
                + "write the path from the content folder",
            "content/docs/p.md:5:24: error: relref has no parameter 'pth': did you mean path=? it takes lang, outputFormat and path",
            "content/docs/p.md:5:24: error: relref needs the path of a page, e.g. {{< relref \"/docs/guide\" >}}",
        ])
    }

    // MARK: figure

    @Test func figureWritesHugosMarkup() throws {
        let (html, problems) = try render("""
            {{< figure src="/a.png" >}}

            {{< figure src="b.png" alt="A \\"lake\\" <at> dawn" width="640" height="480" class="wide" >}}

            {{< figure src="/c.png" title="T <x>" caption="A *bold* & plain caption" link="https://example.org/?a=1&b=2" target="_blank" rel="noopener" attr="By **Ann**" attrlink="https://ann.example.org" >}}

            """)
        #expect(problems == [])
        #expect(html == """
            <figure><img src="/a.png"/>
            </figure>
            <figure class="wide"><img src="b.png" alt="A &quot;lake&quot; &lt;at&gt; dawn" width="640" height="480"/>
            </figure>
            <figure><a href="https://example.org/?a=1&amp;b=2" target="_blank" rel="noopener"><img src="/c.png" alt="A bold &amp; plain caption"/></a><figcaption>
            <h4>T &lt;x&gt;</h4><p>A <em>bold</em> &amp; plain caption
            <a href="https://ann.example.org">By <strong>Ann</strong></a></p>
            </figcaption>
            </figure>

            """)
    }

    @Test func figureMistakesAreErrorsWithTheFix() throws {
        let (html, problems) = try render("""
            {{< figure src="javascript:alert(1)" >}}
            {{< figure source="a.png" captoin="x" width="wide" >}}

            """)
        #expect(!html.contains("javascript"))
        #expect(problems == [
            "content/docs/p.md:4:1: error: figure: src must be a path or a web address, found 'javascript:alert(1)'",
            "content/docs/p.md:5:1: error: figure has no parameter 'captoin': did you mean caption=? "
                + "it takes alt, attr, attrlink, caption, class, height, link, rel, src, target, title and width",
            "content/docs/p.md:5:1: error: figure has no parameter 'source': did you mean src=? "
                + "it takes alt, attr, attrlink, caption, class, height, link, rel, src, target, title and width",
            "content/docs/p.md:5:1: error: figure needs src=\"…\" (the image's address)",
            "content/docs/p.md:5:1: error: figure: width=\"wide\" must be a number, such as width=\"3\"",
        ])
    }

    // MARK: youtube and vimeo

    @Test func youtubeIsALinkUntilTheReaderClicks() throws {
        let (html, problems) = try render("""
            {{< youtube dQw4w9WgXcQ >}}

            {{< youtube id="abc_-1" class="big" title="The <talk>" autoplay="true" loading="lazy" >}}

            """)
        #expect(problems == [])
        #expect(html == """
            <div class="video-embed video-youtube"><a class="video-embed-link" href="https://www.youtube.com/watch?v=dQw4w9WgXcQ" \
            data-embed="https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1" data-embed-title="YouTube video">\
            <span class="video-embed-title">YouTube video</span> <span class="video-embed-note">Play (loads the player from YouTube)</span></a></div>
            \(VideoEmbed.script)\
            <div class="video-embed video-youtube big"><a class="video-embed-link" href="https://www.youtube.com/watch?v=abc_-1" \
            data-embed="https://www.youtube-nocookie.com/embed/abc_-1?autoplay=1" data-embed-title="The &lt;talk&gt;">\
            <span class="video-embed-title">The &lt;talk&gt;</span> <span class="video-embed-note">Play (loads the player from YouTube)</span></a></div>

            """)
        // Nothing on the page asks another site for anything before a click.
        #expect(!html.contains("<iframe"))
        #expect(!html.contains("<img"))
    }

    @Test func vimeoTakesItsArgumentsInHugosOrder() throws {
        let (html, problems) = try render("{{< vimeo 146022717 \"clip\" \"A & B\" >}}\n")
        #expect(problems == [])
        #expect(html == """
            <div class="video-embed video-vimeo clip"><a class="video-embed-link" href="https://vimeo.com/146022717" \
            data-embed="https://player.vimeo.com/video/146022717?dnt=1&amp;autoplay=1" data-embed-title="A &amp; B">\
            <span class="video-embed-title">A &amp; B</span> <span class="video-embed-note">Play (loads the player from Vimeo)</span></a></div>
            \(VideoEmbed.script)
            """)
    }

    @Test func videoMistakesAreErrors() throws {
        let (_, problems) = try render("""
            {{< youtube "https://youtu.be/x?y=1" >}} {{< youtube loading="later" >}}
            {{< vimeo id="1" tilte="x" >}} {{< youtube autoplay="yes" id="x" >}}

            """)
        #expect(problems == [
            "content/docs/p.md:4:1: error: youtube: 'https://youtu.be/x?y=1' is not a video id: write the id alone (letters, digits, - and _), not the video's address",
            "content/docs/p.md:4:42: error: youtube needs the video's id, as in {{< youtube id=\"…\" >}}",
            "content/docs/p.md:4:42: error: youtube: loading=\"later\" is not one of the values it takes: did you mean 'eager'? use one of eager and lazy",
            "content/docs/p.md:5:1: error: vimeo has no parameter 'tilte': did you mean title=? it takes class, id and title",
            "content/docs/p.md:5:32: error: youtube: autoplay=\"yes\" must be true or false",
        ])
    }

    // MARK: param

    @Test func paramPrintsThePagesValueElseTheSites() throws {
        let (html, problems) = try render("""
            {{< param "color" >}}, {{< param "release.name" >}}, {{< param Release.Year >}}, {{< param "ratio" >}},
            {{< param "beta" >}}, {{< param "version" >}}, {{< param "support.email" >}}, {{< param "title" >}}

            """, frontMatter: "title: P & Q\ncolor: \"<red>\"\nrelease:\n  name: Aurora\n  year: 2024\nratio: 2.0\nbeta: true",
            files: absoluteBase)
        #expect(problems == [])
        #expect(html == "<p>&lt;red&gt;, Aurora, 2024, 2,\ntrue, 2.4, help@example.org, P &amp; Q</p>\n")
    }

    @Test func aMissingParamIsAnError() throws {
        let (_, problems) = try render("{{< param \"verison\" >}} {{< param \"support\" >}} {{< param >}} {{< param \"\" >}}\n", files: absoluteBase)
        #expect(problems == [
            "content/docs/p.md:4:1: error: param 'verison' not found in the page's front matter or the site's params: did you mean 'version'?",
            "content/docs/p.md:4:25: error: param 'support' is a mapping, not one value: name one of its keys, as in support.email",
            "content/docs/p.md:4:49: error: param needs the parameter's name as its unnamed argument 1",
            "content/docs/p.md:4:63: error: param needs the name of a parameter, as in {{< param \"version\" >}}",
        ])
    }

    // MARK: highlight

    @Test func highlightWritesHugosMarkupWithPrismsTokens() throws {
        let (html, problems) = try render("""
            {{< highlight go "linenos=table,hl_lines=2 3-4,linenostart=10,style=monokai" >}}
            func main() {
            \tprintln("<hi> & bye")
            }
            {{< /highlight >}}

            - item

              {{< highlight sh >}}
              echo a
                b
              {{< /highlight >}}

            """)
        #expect(problems == [])
        // Go has no grammar in docgen: plain lines, in Hugo's table of line numbers.
        #expect(html == """
            <div class="highlight"><div class="chroma">
            <table class="lntable"><tr><td class="lntd">
            <pre tabindex="0" class="chroma"><code><span class="lnt">10
            </span><span class="hl"><span class="lnt">11
            </span></span><span class="hl"><span class="lnt">12
            </span></span></code></pre></td>
            <td class="lntd">
            <pre tabindex="0" class="chroma"><code class="language-go" data-lang="go"><span class="line"><span class="cl">func main() {
            </span></span><span class="line hl"><span class="cl">\tprintln("&lt;hi> &amp; bye")
            </span></span><span class="line hl"><span class="cl">}</span></span></code></pre></td></tr></table>
            </div>
            </div>
            <ul>
            <li>
            <p>item</p>
            <div class="highlight"><pre tabindex="0" class="chroma"><code class="language-sh" data-lang="sh"><span class="token builtin class-name">echo</span> a
              b</code></pre></div>
            </li>
            </ul>

            """)
    }

    @Test func highlightOptionsAreChecked() throws {
        let (_, problems) = try render("""
            {{< highlight go "linenoss=table,hl_lines=2-x,linenos=maybe,tabwidth" >}}
            x
            {{< /highlight >}}
            {{< highlight go >}}

            """)
        #expect(problems == [
            "content/docs/p.md:4:1: error: highlight: hl_lines=2-x must be line numbers and ranges separated by spaces, as in hl_lines=2 5-7",
            "content/docs/p.md:4:1: error: highlight: linenos=maybe must be table, inline, true or false",
            "content/docs/p.md:4:1: error: highlight: option 'tabwidth' must be name=value; options are separated by commas, as in \"linenos=table,hl_lines=2 3\"",
            "content/docs/p.md:4:1: error: highlight: there is no option 'linenoss': did you mean 'linenos'? the options are "
                + "anchorlinenos, codefences, guesssyntax, hl_inline, hl_lines, lineanchors, linenos, linenostart, linenumbersintable, "
                + "noclasses, nohl, style and tabwidth",
            "content/docs/p.md:7:1: error: highlight needs a closing tag: {{< /highlight >}}",
        ])
    }

    // MARK: details and comment

    @Test func detailsIsAnOpenableBoxOfMarkdown() throws {
        let (html, problems) = try render("""
            {{< details >}}
            Plain *text*.
            {{< /details >}}

            {{< details summary="More **here**" open="true" class="note" name="group" title="A \\"tip\\"" >}}
            - one
            {{< /details >}}

            """)
        #expect(problems == [])
        #expect(html == """
            <details>
            <summary>Details</summary>
            <p>Plain <em>text</em>.</p>
            </details>
            <details class="note" name="group" open title="A &quot;tip&quot;">
            <summary>More <strong>here</strong></summary>
            <ul>
            <li>one</li>
            </ul>
            </details>

            """)
    }

    @Test func commentShowsNothingAndChecksNothingInside() throws {
        let (html, problems) = try render("""
            Before.

            {{< comment >}}
            TODO: link {{< ilink "/not/written/yet" >}} and [this](/nowhere).
            {{< /comment >}}

            After.

            """)
        #expect(problems == [])
        #expect(html == "<p>Before.</p>\n<p>After.</p>\n")
    }

    @Test func detailsAndCommentMistakes() throws {
        let (_, problems) = try render("{{< details open=\"yes\" sumary=\"x\" >}}\n{{< comment note=\"x\" >}}{{< /comment >}}\n")
        #expect(problems == [
            "content/docs/p.md:4:1: error: details has no parameter 'sumary': did you mean summary=? it takes class, name, open, summary and title",
            "content/docs/p.md:4:1: error: details needs a closing tag: {{< /details >}}",
            "content/docs/p.md:4:1: error: details: open=\"yes\" must be true or false",
            "content/docs/p.md:5:1: error: comment has no parameter 'note': it takes no named parameters",
        ])
    }

    // MARK: against Hugo 0.111.3

    /// docgen's rendering of Fixtures/hugo-shortcodes/site against Hugo 0.111.3's, recorded in
    /// golden/ by scripts/hugo-shortcodes-golden.sh (run it again if the site changes; these
    /// goldens are Hugo's, so DOCGEN_UPDATE_GOLDEN does not rewrite them). The site uses ref,
    /// relref, param, figure and highlight, whose markup should be Hugo's. Compared after
    /// normalising whitespace outside `<pre>`, and, inside highlight blocks, after taking out
    /// the token `<span>`s (Chroma's in Hugo, Prism's in docgen) and inline styles, and writing
    /// quotes and `>` as characters.
    ///
    /// Deliberately different, so not in that site: youtube and vimeo (a link until the reader
    /// clicks, where Hugo loads an iframe with the page); figure's alt made from a caption holding
    /// `&` (Hugo escapes it twice, "&amp;amp;"); highlight with linenos (its markup is checked against Hugo's class form in CodeBlockHTMLTests);
    /// details and comment (not in Hugo 0.111).
    @Test func theMarkupIsHugos() throws {
        let fixture = Fixtures.path("hugo-shortcodes")
        let output = temporaryFolder("docgen-hugo-shortcodes-golden")
        defer { try? FileManager.default.removeItem(atPath: output) }
        let report = SiteBuilder.build(config(source: fixture + "/site", destination: output), defaults: [:])
        #expect(report.diagnostics.isEmpty, "\(report.diagnostics)")
        let goldens = try FileManager.default.subpathsOfDirectory(atPath: fixture + "/golden").filter { $0.hasSuffix(".html") }.sorted()
        #expect(goldens == ["docs.html", "docs/bundle.html", "docs/guide.html", "index.html", "other/setup.html"])
        for golden in goldens {
            let page = golden == "index.html" ? "index.html" : String(golden.dropLast(".html".count)) + "/index.html"
            let hugo = try String(contentsOfFile: fixture + "/golden/" + golden, encoding: .utf8)
            let docgen = try String(contentsOfFile: output + "/" + page, encoding: .utf8)
            #expect(comparableHTML(docgen) == comparableHTML(hugo), "\(golden)")
        }
    }

    @Test func aSitesOwnTemplateReplacesHugosShortcode() throws {
        let (html, problems) = try render("{{< figure src=\"a.png\" caption=\"C\" >}} {{< ilink \"/docs/guide\" >}}\n", files: [
            "templates/shortcodes/figure.html": "<img class=\"own\" src=\"{{named.src}}\" alt=\"{{named.caption}}\">",
            // docgen's own shortcodes stay docgen's.
            "templates/shortcodes/ilink.html": "not used",
        ])
        #expect(problems == [])
        #expect(html == "<p><img class=\"own\" src=\"a.png\" alt=\"C\"> <a href=\"/docs/guide/\">Guide</a></p>\n")
    }

    @Test func everyHugoShortcodeIsRegistered() {
        for name in ["ref", "relref", "figure", "youtube", "vimeo", "param", "highlight", "details", "comment"] {
            #expect(BuiltinShortcodes.all[name] != nil, "\(name)")
        }
    }
}
