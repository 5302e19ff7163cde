import Basics
import Foundation
import Testing
@testable import Site

/// Docsy's shortcodes beyond alert, tabs and cards: the markup of typical uses, and each
/// mistake reported where it was made.
@Suite struct DocsyShortcodeTests {
    /// A site with a template that prints only the content, so a page's output is its shortcodes'.
    struct Built {
        var pages: [String: String]
        /// As `file:line:col: severity: message`, the site's folder left out.
        var problems: [String]
    }

    func build(_ files: [String: String], links: [String: String] = [:]) throws -> Built {
        let root = try siteFolder(files.merging(["templates/single.html": "{{{page.content}}}"]) { $1 }, label: "docgen-docsy")
        defer { try? FileManager.default.removeItem(atPath: root) }
        for (path, target) in links {
            try FileManager.default.createSymbolicLink(atPath: root + "/" + path, withDestinationPath: target.replacingOccurrences(of: "ROOT", with: root))
        }
        let report = SiteBuilder.build(config(source: root, destination: root + "/public"), defaults: [:])
        var pages: [String: String] = [:]
        for (path, bytes) in snapshot(root + "/public") where path.hasSuffix(".html") {
            pages[path] = String(decoding: bytes, as: UTF8.self)
        }
        let real = FolderWalk.realPath(root)
        return Built(pages: pages, problems: report.diagnostics.map {
            $0.description.replacingOccurrences(of: root + "/", with: "").replacingOccurrences(of: real, with: "ROOT")
        })
    }

    /// The content of one page (content/p.md) whose body is `body`.
    func page(_ body: String, files: [String: String] = [:]) throws -> (html: String, problems: [String]) {
        var all = files
        all["content/p.md"] = "---\ntitle: P\n---\n" + body
        let built = try build(all)
        return (built.pages["p/index.html"] ?? "", built.problems)
    }

    // MARK: pageinfo

    @Test func pageinfoIsAColouredBoxOfMarkdown() throws {
        let (html, problems) = try page("{{% pageinfo color=\"info\" %}}\nThis page is **old**.\n{{% /pageinfo %}}\n")
        #expect(problems.isEmpty, "\(problems)")
        #expect(html == "<div class=\"pageinfo pageinfo-info\">\n<p>This page is <strong>old</strong>.</p>\n</div>\n")
    }

    @Test func aMisspeltParameterOrColourIsAnErrorWithTheNearest() throws {
        let (_, problems) = try page("Text.\n\n{{% pageinfo colour=\"info\" %}}x{{% /pageinfo %}}\n{{% pageinfo color=\"infoo\" %}}x{{% /pageinfo %}}\n")
        #expect(problems == [
            "content/p.md:6:1: error: pageinfo has no parameter 'colour': did you mean color=? it takes color",
            "content/p.md:7:1: error: pageinfo: color=\"infoo\" is not one of the values it takes: did you mean 'info'? "
                + "use one of primary, secondary, success, danger, warning, info, light and dark",
        ])
    }

    // MARK: readfile

    @Test func readfileRendersTheFileInPlaceWithItsShortcodes() throws {
        let (html, problems) = try page("## Set up\n\n{{< readfile file=\"includes/setup.md\" >}}\n", files: [
            "content/includes/setup.md": "## Set up\n\nSee {{< ilink \"/p\" \"this page\" >}}.\n",
        ])
        #expect(problems.isEmpty, "\(problems)")
        // Ids are unique across the page and what it includes; shortcodes are rendered before
        // the text around them, so the included heading is numbered first, as in an alert.
        #expect(html == "<h2 id=\"set-up-1\">Set up</h2>\n<h2 id=\"set-up\">Set up</h2>\n<p>See <a href=\"/p/\">this page</a>.</p>\n")
    }

    @Test func readfileShowsCodeHighlighted() throws {
        let (html, problems) = try page("{{< readfile file=\"/examples/config.yaml\" code=\"true\" lang=\"yaml\" >}}\n", files: [
            "examples/config.yaml": "name: \"<b>docs</b>\" # & more\n\n",
        ])
        #expect(problems.isEmpty, "\(problems)")
        #expect(html == """
            <div class="highlight"><pre tabindex="0" class="chroma"><code class="language-yaml" data-lang="yaml"><span class="token key atrule">name</span>\
            <span class="token punctuation">:</span> <span class="token string">"&lt;b>docs&lt;/b>"</span> <span class="token comment"># &amp; more</span>\
            </code></pre></div>

            """)
    }

    @Test func aSiteRelativePathIsAlsoLookedForInTheContentFolder() throws {
        let (html, problems) = try page("{{< readfile \"/includes/note.md\" >}}\n", files: ["content/includes/note.md": "A *note*.\n"])
        #expect(problems.isEmpty, "\(problems)")
        #expect(html == "<p>A <em>note</em>.</p>\n")
    }

    @Test func aMissingFileIsAnErrorNamingThePathsTried() throws {
        let (_, problems) = try page("Intro.\n\n  {{< readfile file=\"includes/nope.md\" >}}\n{{< readfile file=\"/shared/nope.md\" >}}\n")
        #expect(problems == [
            "content/p.md:6:3: error: readfile: file 'includes/nope.md' not found: looked for content/includes/nope.md",
            "content/p.md:7:1: error: readfile: file '/shared/nope.md' not found: looked for shared/nope.md and content/shared/nope.md",
        ])
    }

    @Test func aMissingFileInDraftModeIsAWarningAndANote() throws {
        let (html, problems) = try page("{{< readfile file=\"later.md\" draft=\"true\" >}}\n")
        #expect(problems == ["content/p.md:4:1: warning: readfile: file 'later.md' not found: looked for content/later.md"])
        #expect(html == "<p style=\"color: #D74848\"><b><i>The file <code>later.md</code> was not found.</i></b></p>\n")
    }

    @Test func readfileNeverReadsOutsideTheSite() throws {
        let outside = temporaryFolder("docgen-outside")
        defer { try? FileManager.default.removeItem(atPath: outside) }
        try "secret\n".write(toFile: outside + "/secret.txt", atomically: true, encoding: .utf8)
        let built = try build([
            "content/p.md": "---\ntitle: P\n---\n{{< readfile file=\"../../../../../../../../etc/passwd\" >}}\n"
                + "{{< readfile file=\"/../x.md\" >}}\n{{< readfile file=\"/examples/secret.txt\" code=\"true\" >}}\n",
            "examples/README.md": "A file, so that the folder exists.\n",
        ], links: ["examples/secret.txt": outside + "/secret.txt"])
        let real = FolderWalk.realPath(outside)
        let temporaryParent = URL(fileURLWithPath: NSTemporaryDirectory()).standardizedFileURL.path
        #expect(built.problems == [
            "content/p.md:4:1: error: readfile: 'content/../../../../../../../../etc/passwd' leads outside the site folder (to /etc/passwd); readfile reads only files inside the site",
            "content/p.md:5:1: error: readfile: '../x.md' leads outside the site folder (to \(temporaryParent)/x.md); readfile reads only files inside the site",
            "content/p.md:6:1: error: readfile: 'examples/secret.txt' is a symbolic link to '\(real)/secret.txt', outside the site folder; readfile reads only files inside the site",
        ])
    }

    @Test func mistakesInAnIncludedFileAreReportedInThatFile() throws {
        let (_, problems) = try page("Intro.\n\n{{< readfile file=\"includes/steps.md\" >}}\n",
                                     files: ["content/includes/steps.md": "Steps:\n\n{{% alert colour=\"info\" %}}x{{% /alert %}}\n"])
        #expect(problems == ["content/includes/steps.md:3:1: error: alert has no parameter 'colour': did you mean color=? it takes color and title"])
    }

    @Test func aFileThatIncludesItselfIsStopped() throws {
        let (_, problems) = try page("{{< readfile file=\"loop.md\" >}}\n", files: ["content/loop.md": "Again:\n\n{{< readfile file=\"loop.md\" >}}\n"])
        #expect(problems == [
            "content/loop.md:3:1: error: readfile: 'loop.md' is already being included here: a file that includes itself, "
                + "directly or through others, would never end",
        ])
    }

    @Test func aPageIsRedoneWhenAFileItIncludesChanges() throws {
        let root = temporaryFolder("docgen-docsy")
        defer { try? FileManager.default.removeItem(atPath: root) }
        try FileManager.default.createDirectory(atPath: root + "/content/docs/shared", withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: root + "/templates", withIntermediateDirectories: true)
        try "{{{page.content}}}".write(toFile: root + "/templates/single.html", atomically: true, encoding: .utf8)
        try "---\ntitle: P\n---\n{{< readfile \"../docs/shared/note.md\" >}}\n".write(toFile: root + "/content/docs/p.md", atomically: true, encoding: .utf8)
        try "Note.\n".write(toFile: root + "/content/docs/shared/note.txt", atomically: true, encoding: .utf8)
        try "Note.\n".write(toFile: root + "/content/docs/shared/note.md", atomically: true, encoding: .utf8)
        let report = SiteBuilder.build(config(source: root, destination: root + "/public"), defaults: [:], recordsDependencies: true)
        let graph = try #require(report.dependencies)
        #expect(graph.affected(by: [root + "/content/docs/shared/note.md"], valuesChanged: false).contains("docs/p/index.html"))
        #expect(!graph.affected(by: [root + "/content/docs/shared/note.txt"], valuesChanged: false).contains("docs/p/index.html"))
    }

    // MARK: iframe

    @Test func iframeIsLazyWithoutReferrerAndEscaped() throws {
        let (html, problems) = try page("{{< iframe src=\"https://example.com/app?a=1&b=2\" style=\"border:0\\\" onload=\\\"x\" >}}\n")
        #expect(problems.isEmpty, "\(problems)")
        #expect(html == "<iframe id=\"iframe-id\" src=\"https://example.com/app?a=1&amp;b=2\" width=\"100%\" name=\"iframe-name\" "
            + "style=\"border:0&quot; onload=&quot;x\" loading=\"lazy\" referrerpolicy=\"no-referrer\">\n"
            + "  <p>Your browser can not display embedded frames. You can access the embedded page via the following link: "
            + "<a href=\"https://example.com/app?a=1&amp;b=2\">https://example.com/app?a=1&amp;b=2</a></p>\n</iframe>\n")
    }

    @Test func aSameSiteIframeTriesToFitItsHeight() throws {
        let (html, problems) = try page("{{< iframe src=\"/demo/\" id=\"demo\" class=\"wide\" width=\"80%\" height=\"400\" sandbox=\"true\" sub=\"See\" >}}\n")
        #expect(problems.isEmpty, "\(problems)")
        #expect(html == "<iframe id=\"demo\" class=\"wide\" src=\"/demo/\" width=\"80%\" height=\"400\" name=\"iframe-name\" "
            + "style=\"min-height:98vh; border:none;\" onload=\"this.height=this.contentWindow.document.body.scrollHeight+'px'\" "
            + "loading=\"lazy\" referrerpolicy=\"no-referrer\" sandbox>\n  <p>See <a href=\"/demo/\">/demo/</a></p>\n</iframe>\n")
    }

    @Test func anIframeNeedsASafeSource() throws {
        let (_, problems) = try page("{{< iframe src=\"javascript:alert(1)\" >}}\n{{< iframe width=\"5\" >}}\n{{< iframe src=\"/x\" tryautoheight=\"yes\" >}}\n")
        #expect(problems == [
            "content/p.md:4:1: error: iframe: src must be a path or a web address, found 'javascript:alert(1)'",
            "content/p.md:5:1: error: iframe needs src=\"…\" (the address of the page to embed)",
            "content/p.md:6:1: error: iframe: tryautoheight=\"yes\" must be true or false",
        ])
    }

    // MARK: cardpane and card

    @Test func cardpaneHoldsItsCards() throws {
        let (html, problems) = try page("""
            {{< cardpane >}}
            {{< card header="One" >}}First{{< /card >}}
            {{< card header="Two" code="true" lang="sh" >}}
            echo "<hi>"
            {{< /card >}}
            {{< /cardpane >}}

            """)
        #expect(problems.isEmpty, "\(problems)")
        #expect(html == """
            <div class="td-card-group card-group p-0 mb-4">
            <div class="card">
            <div class="card-header">One</div>
            <div class="card-body">
            <div class="card-text">
            <p>First</p>
            </div>
            </div>
            </div>
            <div class="card">
            <div class="card-header">Two</div>
            <div class="card-body code">
            <div class="highlight"><pre tabindex="0" class="chroma"><code class="language-sh" data-lang="sh"><span class="token builtin class-name">echo</span> \
            <span class="token string">"&lt;hi>"</span></code></pre></div>
            </div>
            </div>
            </div>

            """)
    }

    // MARK: conditional-text

    @Test func conditionalTextFollowsTheBuildCondition() throws {
        let body = "Edition: {{% conditional-text include-if=\"Enterprise\" %}}**Enterprise**{{% /conditional-text %}}"
            + "{{% conditional-text exclude-if=\"enterprise\" %}}Community{{% /conditional-text %}}.\n"
        let enterprise = try page(body, files: ["docgen.yaml": "params:\n  buildCondition: enterprise\n"])
        #expect(enterprise.problems.isEmpty, "\(enterprise.problems)")
        #expect(enterprise.html == "<p>Edition: <strong>Enterprise</strong>.</p>\n")
        let community = try page(body, files: ["docgen.yaml": "params:\n  buildCondition: community\n"])
        #expect(community.html == "<p>Edition: Community.</p>\n")
        // As in Docsy: without a build condition, neither is shown.
        let none = try page(body)
        #expect(none.html == "<p>Edition: .</p>\n")
    }

    @Test func aConditionInBothListsIsAnError() throws {
        let (_, problems) = try page("{{% conditional-text include-if=\"a,b\" exclude-if=\"b\" %}}x{{% /conditional-text %}}\n",
                                     files: ["docgen.yaml": "params:\n  buildCondition: b\n"])
        #expect(problems == ["content/p.md:4:1: error: conditional-text: the build condition 'b' is in both include-if and exclude-if"])
    }

    // MARK: blocks

    @Test func blocksMakeALandingPage() throws {
        let built = try build([
            "content/home/index.md": """
                ---
                title: Home
                ---
                {{< blocks/cover title="Welcome" image_anchor="top" height="full" color="primary" byline="Photo: <me>" >}}
                <a class="btn" href="/docs/">Go</a>
                {{< blocks/link-down color="info" >}}
                {{< /blocks/cover >}}

                {{% blocks/lead %}}
                Lead *text*.
                {{% /blocks/lead %}}

                {{% blocks/section color="white" type="row" %}}
                {{% blocks/feature title="Idea **one**" url="/docs/" url_text="Docs" %}}
                Feature text.
                {{% /blocks/feature %}}
                {{% /blocks/section %}}

                """,
            "content/home/background.jpg": "jpeg",
            "content/home/logo.png": "png",
        ])
        #expect(built.problems.isEmpty, "\(built.problems)")
        #expect(built.pages["home/index.html"] == """
            <section id="td-cover-block-0" class="row td-cover-block td-cover-block--height-full js-td-cover td-overlay td-overlay--dark -bg-primary" style="background-image: url(&quot;/home/background.jpg&quot;); background-position: top;">
              <div class="col-12">
                <div class="container td-overlay__inner">
                  <div class="text-center">
                    <h1 class="display-1 mt-0 mt-md-5 pb-4"><img class="td-cover-logo" src="/home/logo.png" alt="Welcome Logo">Welcome</h1>
                    <div class="pt-3 lead">
            <p><a class="btn" href="/docs/">Go</a>
            <a class="btn btn-link text-info" href="#td-block-1" aria-label="Read more"><i class="fa-solid fa-circle-chevron-down" style="font-size: 400%"></i></a></p>
                    </div>
                  </div>
                </div>
              </div>
              <div class="byline">Photo: &lt;me&gt;</div>
            </section>
            <div><a id="td-block-1" class="td-anchor-no-extra-offset"></a></div>
            <section class="row td-box td-box--1 position-relative td-box--height-auto">
            <div class="col-12">
            <div class="container text-center td-arrow-down">
            <div class="h4 mb-0">
            <p>Lead <em>text</em>.</p>
            </div>
            </div>
            </div>
            </section>
            <div><a id="td-block-2" class="td-anchor-no-extra-offset"></a></div>
            <section class="row td-box td-box--white td-box--height-auto">
            <div class="col">
            <div class="row">
            <div class="col-lg-4 mb-5 mb-lg-0 text-center">
            <div class="mb-4 h1">
              <i class="fas fa-lightbulb" aria-hidden="true"></i>
            </div>
            <h4 class="h3">Idea <strong>one</strong></h4>
            <div class="mb-0">
            <p>Feature text.</p>
            </div>
            <p><a href="/docs/">Docs</a></p>
            </div>
            </div>
            </div>
            </section>

            """)
    }

    @Test func aCoverBackgroundURLCannotEndItsStyle() {
        #expect(Blocks.backgroundStyle(url: "/a\"b\\c\nd).png", anchor: "BottomRight")
            == "background-image: url(\"/a\\\"b\\\\c\\a d).png\"); background-position: right bottom;")
    }

    @Test func blockMistakesAreReportedWhereTheyAre() throws {
        let (_, problems) = try page("""
            {{< blocks/link-down >}}
            {{% blocks/section color="purpel" height="tall" %}}x{{% /blocks/section %}}
            {{% blocks/feature url="javascript:alert(1)" %}}x{{% /blocks/feature %}}
            {{< blocks/covr >}}

            """)
        #expect(problems == [
            "content/p.md:4:1: error: blocks/link-down belongs inside a block, such as {{< blocks/cover >}}, and points at the block after it",
            "content/p.md:5:1: error: blocks/section: color=\"purpel\" is not one of the values it takes: did you mean 'purple'? use one of "
                + Blocks.colors.dropLast().joined(separator: ", ") + " and 12",
            "content/p.md:5:1: error: blocks/section: height=\"tall\" is not one of the values it takes: did you mean 'full'? use one of auto, min, med, max and full",
            "content/p.md:6:1: error: blocks/feature: url must be a path or a web address, found 'javascript:alert(1)'",
            "content/p.md:7:1: error: unknown shortcode 'blocks/covr': did you mean 'blocks/cover'? Otherwise it is not built in "
                + "and there is no template templates/shortcodes/blocks/covr.html",
        ])
    }

    @Test func aShortcodeTemplateInAFolderIsCalledByItsPath() throws {
        let (html, problems) = try page("{{< site/box >}}*in*{{< /site/box >}}\n",
                                        files: ["templates/shortcodes/site/box.html": "<div class=\"box\">{{{innerHTML}}}</div>"])
        #expect(problems.isEmpty, "\(problems)")
        #expect(html == "<div class=\"box\"><p><em>in</em></p>\n</div>\n")
    }

    @Test func aSitesOwnTemplateOfADocsyShortcodeWins() throws {
        let (html, problems) = try page("{{% blocks/feature title=\"Mine\" %}}x{{% /blocks/feature %}}\n",
                                        files: ["templates/shortcodes/blocks/feature.html": "<div class=\"feature\">{{named.title}}</div>"])
        #expect(problems.isEmpty, "\(problems)")
        #expect(html == "<div class=\"feature\">Mine</div>\n")
    }

    // MARK: imgproc

    @Test func imgprocShowsTheBundleImageWithItsCaptionAndWarns() throws {
        let built = try build([
            "content/trees/index.md": "---\ntitle: Trees\n---\nIntro.\n\n{{< imgproc spruce Fill \"400x450 r-90\" >}}\nA *spruce*.\n{{< /imgproc >}}\n",
            "content/trees/images/Spruce.JPG": "jpeg",
        ])
        #expect(built.problems == [
            "content/trees/index.md:6:1: warning: imgproc: docgen does not resize images, so Spruce.JPG is shown at full size, "
                + "not as Fill \"400x450 r-90\": make the file itself the size you want",
        ])
        #expect(built.pages["trees/index.html"] == """
            <p>Intro.</p>
            <figure class="card rounded p-2 td-post-card mb-4 mt-4">
            <img class="card-img-top" src="/trees/images/Spruce.JPG">
            <figcaption class="card-body px-0 pt-2 pb-0">
            <p class="card-text">
            A <em>spruce</em>.
            </p>
            </figcaption>
            </figure>

            """)
    }

    @Test func aMissingImageOrCommandIsAnError() throws {
        let built = try build([
            "content/trees/index.md": "---\ntitle: Trees\n---\n{{< imgproc pine Fit \"100x100\" >}}\n{{< imgproc spruce Scale \"1x1\" >}}\n",
            "content/trees/spruce.png": "png",
            "content/plain.md": "---\ntitle: Plain\n---\n{{< imgproc spruce Fit \"100x100\" />}}\n",
        ])
        #expect(built.problems == [
            "content/plain.md:4:1: error: imgproc: 'spruce' must be a file of the page's bundle, and this page has none: "
                + "imgproc finds images beside a page's index.md, so move the page into a folder of its own as index.md",
            "content/trees/index.md:4:1: error: imgproc: no file matching 'pine' in the page's bundle content/trees/",
            "content/trees/index.md:5:1: error: imgproc: command=\"Scale\" is not one of the values it takes: use one of Fit, Fill, Resize and Crop",
        ])
    }

    // MARK: escaping

    @Test func hostileArgumentsStayText() throws {
        let (html, problems) = try page("""
            {{< blocks/cover title="<script>t</script>" subtitle="\\"><b>" >}}x{{< /blocks/cover >}}
            {{% blocks/feature icon="x\\" onclick=\\"y" title="<img src=x>" url_text="<i>" url="/a" %}}x{{% /blocks/feature %}}

            """)
        #expect(problems.isEmpty, "\(problems)")
        #expect(!html.contains("<script") && !html.contains("<img") && !html.contains("<b>") && !html.contains("\" onclick"), "\(html)")
        #expect(html.contains("<h1 class=\"display-1 mt-0 mt-md-5 pb-4\">&lt;script&gt;t&lt;/script&gt;</h1>"))
        #expect(html.contains("<p class=\"display-2 text-uppercase mb-0\">&quot;&gt;&lt;b&gt;</p>"))
        #expect(html.contains("<i class=\"fas x&quot; onclick=&quot;y\" aria-hidden=\"true\"></i>"))
        #expect(html.contains("<p><a href=\"/a\">&lt;i&gt;</a></p>"))
    }
}
