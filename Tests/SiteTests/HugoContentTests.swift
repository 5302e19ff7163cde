import Foundation
import Testing
import Diagnostics
@testable import Site

/// Hugo's content conventions: which files are pages, bundles, build options, publication
/// dates, and the templates `type` and `layout` choose.
@Suite struct HugoContentTests {
    struct Built {
        let root: String
        let report: BuildReport
        var problems: [String] { report.diagnostics.map { $0.description.replacingOccurrences(of: root + "/", with: "") } }
        func exists(_ path: String) -> Bool { FileManager.default.fileExists(atPath: root + "/public/" + path) }
        func read(_ path: String) -> String { (try? String(contentsOfFile: root + "/public/" + path, encoding: .utf8)) ?? "" }
    }

    func build(_ files: [String: String], adjust: (inout SiteConfig) -> Void = { _ in }) throws -> Built {
        let root = try siteFolder(files, label: "docgen-hugo-content")
        var settings = config(source: root, destination: root + "/public")
        adjust(&settings)
        return Built(root: root, report: SiteBuilder.build(settings))
    }

    static let home = "---\ntitle: Home\n---\n"

    @Test func markdownAndHTMLFilesOfEveryExtensionAreHugosPages() throws {
        let site = try build([
            "content/_index.md": Self.home,
            "content/docs/_index.html": "---\ntitle: Docs\n---\n<p>Section in HTML.</p>\n",
            "content/docs/long.markdown": "---\ntitle: Long\n---\n*x*\n",
            "content/docs/old.mdown": "---\ntitle: Old\n---\n*x*\n",
            "content/docs/page.html": "---\ntitle: In HTML\n---\n<p>*not Markdown*</p>\n",
            "content/docs/bundle/index.html": "---\ntitle: HTML bundle\n---\n<p>b</p>\n",
            "content/docs/bundle/data.txt": "resource\n",
            "content/docs/raw.html": "<p>no front matter: copied as it is</p>\n",
            "content/docs/notes.org": "* an Org heading\n",
            "content/docs/guide.adoc": "= AsciiDoc\n",
        ])
        defer { try? FileManager.default.removeItem(atPath: site.root) }
        #expect(site.report.succeeded, "\(site.problems)")
        #expect(site.read("docs/index.html").contains("<p>Section in HTML.</p>"))
        #expect(site.read("docs/long/index.html").contains("<em>x</em>"))
        #expect(site.read("docs/old/index.html").contains("<em>x</em>"))
        #expect(site.read("docs/page/index.html").contains("<p>*not Markdown*</p>"))
        #expect(site.read("docs/bundle/index.html").contains("<p>b</p>"))
        #expect(site.read("docs/bundle/data.txt") == "resource\n")
        #expect(site.read("docs/raw.html") == "<p>no front matter: copied as it is</p>\n")
        #expect(!site.exists("docs/notes.org") && !site.exists("docs/notes/index.html"))
        #expect(site.problems.contains("content/docs/notes.org:1:1: warning: Org mode content is not supported, so this page is not published: write it in Markdown (.md) or HTML with front matter"))
        #expect(site.problems.contains { $0.hasPrefix("content/docs/guide.adoc:1:1: warning: AsciiDoc content is not supported") })
        // The section lists its pages, whichever format they are in.
        let section = site.read("docs/index.html")
        for title in ["Long", "Old", "In HTML", "HTML bundle"] { #expect(section.contains(">\(title)</a>"), "\(title)") }
    }

    @Test func buildOptionsDecideWhatIsWrittenListedAndPublished() throws {
        let site = try build([
            "hugo.toml": "baseURL = 'https://docs.example.com/'\n",
            "content/_index.md": Self.home,
            "content/docs/_index.md": "---\ntitle: Docs\n---\n",
            "content/docs/shown.md": "---\ntitle: Shown\n---\n",
            "content/docs/unlisted.md": "---\ntitle: Unlisted\n_build:\n  list: never\n---\n",
            "content/docs/local.md": "---\ntitle: Local\nbuild:\n  list: local\n---\n",
            "content/docs/linked.md": "---\ntitle: Linked\nbuild:\n  render: link\n---\n",
            "content/docs/hidden.md": "---\ntitle: Hidden\nbuild:\n  render: never\n---\n",
            "content/docs/quiet/index.md": "---\ntitle: Quiet\nbuild:\n  publishResources: false\n---\n",
            "content/docs/quiet/r.txt": "r\n",
            "content/docs/parts/index.md": "---\ntitle: Parts\nheadless: true\n---\n",
            "content/docs/parts/p.txt": "p\n",
        ])
        defer { try? FileManager.default.removeItem(atPath: site.root) }
        #expect(site.report.succeeded, "\(site.problems)")
        let section = site.read("docs/index.html")
        #expect(section.contains(">Shown</a>") && section.contains(">Local</a>") && section.contains(">Linked</a>"))
        #expect(!section.contains(">Unlisted</a>") && !section.contains(">Hidden</a>") && !section.contains(">Parts</a>"))
        #expect(site.exists("docs/unlisted/index.html") && site.exists("docs/local/index.html"))
        #expect(!site.exists("docs/linked/index.html") && !site.exists("docs/hidden/index.html") && !site.exists("docs/parts/index.html"))
        #expect(!site.exists("docs/linked") && !site.exists("docs/hidden"))  // not even an empty folder
        #expect(site.exists("docs/quiet/index.html") && !site.exists("docs/quiet/r.txt"))
        // A headless bundle's files are published all the same, as Hugo 0.111 does.
        #expect(site.read("docs/parts/p.txt") == "p\n")
        let sitemap = site.read("sitemap.xml")
        #expect(sitemap.contains("/docs/shown/") && sitemap.contains("/docs/linked/"))
        #expect(!sitemap.contains("/docs/unlisted/") && !sitemap.contains("/docs/local/") && !sitemap.contains("/docs/hidden/"))
    }

    @Test func aMistakenBuildOptionIsAnErrorAtItsLine() throws {
        let site = try build([
            "content/_index.md": Self.home,
            "content/a.md": "---\ntitle: A\nbuild:\n  lsit: never\n  render: sometimes\n  publishResources: maybe\nheadless: yes please\n---\n",
        ])
        defer { try? FileManager.default.removeItem(atPath: site.root) }
        #expect(!site.report.succeeded)
        #expect(site.problems.filter { $0.hasPrefix("content/a.md") } == [
            "content/a.md:4:3: error: front matter: 'build' has no option 'lsit': did you mean 'list'? it takes render, list and publishResources",
            "content/a.md:5:11: error: front matter: 'build.render' must be always, never or link: found 'sometimes'",
            "content/a.md:6:21: error: front matter: 'build.publishResources' must be true or false",
            "content/a.md:7:11: error: front matter: 'headless' must be true or false",
        ])
    }

    @Test func futureAndExpiredPagesWaitForTheirFlags() throws {
        let files = [
            "content/_index.md": Self.home + "{{< ilink \"/later\" >}} {{< ilink \"/gone\" >}}\n",
            "content/later.md": "---\ntitle: Later\ndate: 2999-01-01\n---\n",
            "content/scheduled.md": "---\ntitle: Scheduled\ndate: 2001-01-01\npublishDate: 2999-01-01T10:00:00+02:00\n---\n",
            "content/gone.md": "---\ntitle: Gone\nexpiryDate: 2001-01-01\n---\n",
            "content/now.md": "---\ntitle: Now\ndate: 2001-01-01\nexpiryDate: 2999-01-01\n---\n",
        ]
        let plain = try build(files)
        defer { try? FileManager.default.removeItem(atPath: plain.root) }
        #expect(!plain.report.succeeded)
        #expect(plain.problems.filter { $0.contains("ilink") } == [
            "content/_index.md:4:1: error: ilink: page '/later' is not published until 2999-01-01 (content/later.md), so this build leaves it out: build with --buildFuture, or change its date",
            "content/_index.md:4:24: error: ilink: page '/gone' expired on 2001-01-01 (content/gone.md has expiryDate), so this build leaves it out: build with --buildExpired, or remove expiryDate",
        ])
        let both = try build(files) { $0.includeFuture = true; $0.includeExpired = true }
        defer { try? FileManager.default.removeItem(atPath: both.root) }
        #expect(both.report.succeeded, "\(both.problems)")
        for page in ["later", "scheduled", "gone", "now"] { #expect(both.exists(page + "/index.html"), "\(page)") }
        let future = try build(files.merging(["content/_index.md": Self.home]) { $1 }) { $0.includeFuture = true }
        defer { try? FileManager.default.removeItem(atPath: future.root) }
        #expect(future.exists("later/index.html") && future.exists("scheduled/index.html") && future.exists("now/index.html"))
        #expect(!future.exists("gone/index.html"))
    }

    @Test func hugoSettingsAskForFutureAndExpiredPages() throws {
        let root = try siteFolder(["hugo.toml": "buildFuture = true\nbuildExpired = true\nbuildDrafts = true\n"])
        defer { try? FileManager.default.removeItem(atPath: root) }
        let (settings, problems) = SiteConfig.load(source: root)
        #expect(problems == [])
        #expect(settings.includeFuture && settings.includeExpired && settings.includeDrafts)
    }

    @Test func typeAndLayoutChooseTheTemplateInHugosOrder() throws {
        let shell = "{{<base}}{{$main}}TEMPLATE {{page.title}}{{/main}}{{/base}}"
        let site = try build([
            "content/_index.md": Self.home,
            "content/blog/_index.md": "---\ntitle: Blog\n---\n",
            "content/blog/post.md": "---\ntitle: Post\n---\n",
            "content/blog/wide.md": "---\ntitle: Wide\nlayout: wide\n---\n",
            "content/docs/wide.md": "---\ntitle: Docs wide\nlayout: wide\n---\n",
            "content/docs/typed.md": "---\ntitle: Typed\ntype: blog\n---\n",
            "content/docs/plain.md": "---\ntitle: Plain\n---\n",
            "content/docs/typo.md": "---\ntitle: Typo\nlayout: wdie\n---\n",
            "templates/blog/single.html": shell.replacingOccurrences(of: "TEMPLATE", with: "blog/single"),
            "templates/blog/list.html": shell.replacingOccurrences(of: "TEMPLATE", with: "blog/list"),
            "templates/wide.html": shell.replacingOccurrences(of: "TEMPLATE", with: "wide"),
        ])
        defer { try? FileManager.default.removeItem(atPath: site.root) }
        #expect(site.report.succeeded, "\(site.problems)")
        #expect(site.read("blog/post/index.html").contains("blog/single Post"))
        #expect(site.read("blog/index.html").contains("blog/list Blog"))
        // The type's folder comes before the site-wide templates, as in Hugo: blog/single before wide.
        #expect(site.read("blog/wide/index.html").contains("blog/single Wide"))
        #expect(site.read("docs/wide/index.html").contains("wide Docs wide"))
        #expect(site.read("docs/typed/index.html").contains("blog/single Typed"))
        #expect(site.read("docs/plain/index.html").contains("<h1 class=\"page-title\">Plain</h1>"))
        #expect(site.problems.contains(
            "content/docs/typo.md:3:9: warning: layout 'wdie' has no template (templates/docs/wdie.html or templates/wdie.html), so the page uses templates/single.html"))
    }

    @Test func pagesAddThemselvesToMenusFromFrontMatter() throws {
        let site = try build([
            "hugo.toml": "[[menus.main]]\nname = 'Blog'\nurl = '/blog/'\nweight = 20\n",
            "content/_index.md": Self.home,
            "content/guide/_index.md": "---\ntitle: The Guide\nlinkTitle: Guide\nweight: 10\nmenu: main\n---\n",
            "content/guide/api.md": "---\ntitle: API\nmenu:\n  main:\n    parent: Guide\n    name: API reference\n---\n",
            "content/about.md": "---\ntitle: About\nmenu:\n  main:\n    weight: 30\n---\n",
        ])
        defer { try? FileManager.default.removeItem(atPath: site.root) }
        #expect(site.report.succeeded, "\(site.problems)")
        #expect(site.read("index.html").contains("""
        <li class="has-children"><a href="/guide/">Guide</a>
        <ul>
        <li><a href="/guide/api/">API reference</a></li>
        </ul></li>
        <li><a href="/blog/">Blog</a></li>
        <li><a href="/about/">About</a></li>
        """), "\(site.read("index.html"))")
    }
}
