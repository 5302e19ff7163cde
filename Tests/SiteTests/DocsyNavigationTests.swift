import Foundation
import Testing
import Diagnostics
@testable import Site

/// Docsy's navigation front matter in the default theme: what the sidebar, the section lists and
/// the breadcrumbs show, the same with and without the shared-menu speed trick.
@Suite struct DocsyNavigationTests {
    static let site: [String: String] = [
        "hugo.toml": "title = 'Nav test'\n",
        "content/_index.md": "---\ntitle: Home\n---\n",
        "content/search.md": "---\ntitle: Search\n---\n",
        "content/docs/_index.md": "---\ntitle: Docs\nweight: 1\n---\n",
        "content/docs/guide/_index.md": "---\ntitle: Guide\nweight: 1\nsidebar_root_for: children\nsimple_list: true\n---\n",
        "content/docs/guide/one.md": "---\ntitle: One\nweight: 1\ndescription: The first page\n---\n",
        "content/docs/guide/two.md": "---\ntitle: Two\nweight: 2\ntoc_hide: true\n---\n",
        "content/docs/guide/ext.md": "---\ntitle: Ext\nweight: 3\nmanualLink: https://example.org/ext\nmanualLinkTitle: Off <site>\n---\n",
        "content/docs/ref/_index.md": "---\ntitle: Ref\nweight: 2\nsidebar_root_for: self\n---\n",
        "content/docs/ref/api.md": "---\ntitle: Api\ndescription: Every call\n---\n",
        "content/docs/ref/cli.md": "---\ntitle: Cli\nhide_summary: true\n---\n",
        "content/docs/quiet/_index.md": "---\ntitle: Quiet\nweight: 3\nno_list: true\n---\n",
        "content/docs/quiet/inside.md": "---\ntitle: Inside\n---\n",
    ]

    struct Built {
        let root: String
        let report: BuildReport
        var problems: [String] { report.diagnostics.map { $0.description.replacingOccurrences(of: root + "/", with: "") } }
        func read(_ path: String) -> String { (try? String(contentsOfFile: root + "/public/" + path, encoding: .utf8)) ?? "" }
        /// The sidebar's links, in order, as "title→href", nested entries indented.
        func sidebar(_ path: String) -> [String] { links(in: read(path), from: "<nav class=\"sidebar\"", to: "</nav>") }
        /// The section's list of pages, as "title→href".
        func listing(_ path: String) -> [String] { links(in: read(path), from: "<ul class=\"section-index", to: "</ul>") }
    }

    static func links(in html: String, from start: String, to end: String) -> [String] {
        guard let open = html.range(of: start), let close = html.range(of: end, range: open.upperBound..<html.endIndex) else { return [] }
        let part = String(html[open.lowerBound..<close.lowerBound])
        let link = #/<a href="([^"]*)"[^>]*>([^<]*)<\/a>/#
        var depth = 0
        var result: [String] = []
        var rest = Substring(part)
        // Depth counts the nested lists opened before each link, so the tree's shape is compared too.
        while let match = rest.firstMatch(of: link) {
            let before = rest[rest.startIndex..<match.range.lowerBound]
            depth += before.ranges(of: "<ul").count - before.ranges(of: "</ul>").count
            result.append(String(repeating: "  ", count: max(depth - 1, 0)) + "\(match.2)→\(match.1)")
            rest = rest[match.range.upperBound...]
        }
        return result
    }

    func build(_ files: [String: String] = DocsyNavigationTests.site) throws -> Built {
        let root = try siteFolder(files, label: "docgen-docsy-nav")
        return Built(root: root, report: SiteBuilder.build(config(source: root, destination: root + "/public")))
    }

    @Test func theSidebarFollowsDocsysKeys() throws {
        let site = try build()
        defer { try? FileManager.default.removeItem(atPath: site.root) }
        #expect(site.report.succeeded, "\(site.problems)")
        // sidebar_root_for: children — the pages below Guide see Guide's tree only; `toc_hide`
        // leaves Two out; manualLink replaces Ext's address and its title becomes the tooltip.
        #expect(site.sidebar("docs/guide/one/index.html") == [
            "Guide→/docs/guide/", "  One→/docs/guide/one/", "  Ext→https://example.org/ext",
        ])
        #expect(site.read("docs/guide/one/index.html").contains("<a href=\"https://example.org/ext\" title=\"Off &lt;site&gt;\">Ext</a>"))
        // …while Guide's own page shows the tree of its top-level section, Docs.
        #expect(site.sidebar("docs/guide/index.html") == [
            "Docs→/docs/", "  Guide→/docs/guide/", "  Ref→/docs/ref/", "  Quiet→/docs/quiet/",
        ])
        // sidebar_root_for: self — Ref's own page and the pages below it see Ref's tree.
        let ref = ["Ref→/docs/ref/", "  Api→/docs/ref/api/", "  Cli→/docs/ref/cli/"]
        #expect(site.sidebar("docs/ref/index.html") == ref)
        #expect(site.sidebar("docs/ref/api/index.html") == ref)
        // A page hidden from the sidebar is still written, and shows its section's tree.
        #expect(site.sidebar("docs/guide/two/index.html") == site.sidebar("docs/guide/one/index.html"))
        // Top-level pages that are not sections (the search page) are never in the sidebar.
        for page in ["index.html", "search/index.html", "404.html", "docs/index.html"] {
            #expect(!site.sidebar(page).contains { $0.contains("Search") }, "\(page)")
        }
        #expect(site.sidebar("search/index.html") == ["Docs→/docs/"])
    }

    @Test func sectionPagesListTheirChildrenAsDocsyAsks() throws {
        let site = try build()
        defer { try? FileManager.default.removeItem(atPath: site.root) }
        // simple_list: links only, no descriptions; toc_hide does not leave a page out of lists.
        #expect(site.listing("docs/guide/index.html") == ["One→/docs/guide/one/", "Two→/docs/guide/two/", "Ext→https://example.org/ext"])
        #expect(site.read("docs/guide/index.html").contains("<ul class=\"section-index simple-list\">"))
        #expect(!site.read("docs/guide/index.html").contains("The first page"))
        // hide_summary leaves Cli out of Ref's list; descriptions are shown without simple_list.
        #expect(site.listing("docs/ref/index.html") == ["Api→/docs/ref/api/"])
        #expect(site.read("docs/ref/index.html").contains("<p>Every call</p>"))
        // no_list: no list at all, though the page is in the sidebar.
        #expect(!site.read("docs/quiet/index.html").contains("section-index"))
        #expect(site.sidebar("docs/quiet/index.html").contains("    Inside→/docs/quiet/inside/"))
        #expect(site.listing("docs/index.html") == ["Guide→/docs/guide/", "Ref→/docs/ref/", "Quiet→/docs/quiet/"])
    }

    @Test func breadcrumbsNeverRepeatATitle() throws {
        let site = try build()
        defer { try? FileManager.default.removeItem(atPath: site.root) }
        let crumbs = Self.links(in: site.read("docs/ref/api/index.html"), from: "<nav class=\"breadcrumbs\"", to: "</nav>")
        #expect(crumbs == ["Docs→/docs/", "Ref→/docs/ref/"])
        #expect(site.read("docs/ref/api/index.html").contains("<li aria-current=\"page\">Api</li>"))
        #expect(!site.read("index.html").contains("Home</a></li><li aria-current=\"page\">Home"))
    }

    @Test func mistakenDocsyValuesAreErrorsAtTheirLines() throws {
        var files = Self.site
        files["content/docs/bad.md"] = "---\ntitle: Bad\ntoc_hide: \"yes\"\nmanualLink: \"javascript:alert(1)\"\nmanualLinkTitle: [a]\nno_list: 3\nsidebar_root_for: self\nexclude_search: maybe\n---\n"
        files["content/docs/quiet/_index.md"] = "---\ntitle: Quiet\nsidebar_root_for: child\n---\n"
        let site = try build(files)
        defer { try? FileManager.default.removeItem(atPath: site.root) }
        #expect(!site.report.succeeded)
        #expect(site.problems.filter { $0.hasPrefix("content/docs/bad.md") || $0.hasPrefix("content/docs/quiet") } .sorted() == [
            "content/docs/bad.md:3:11: error: front matter: 'toc_hide' must be true or false",
            "content/docs/bad.md:4:13: error: front matter: 'manualLink' must be a path or a web address, found 'javascript:alert(1)'",
            "content/docs/bad.md:5:18: error: front matter: 'manualLinkTitle' must be text",
            "content/docs/bad.md:6:10: error: front matter: 'no_list' must be true or false",
            "content/docs/bad.md:7:19: warning: front matter: 'sidebar_root_for' has an effect only in a section's _index.md",
            "content/docs/bad.md:8:17: error: front matter: 'exclude_search' must be true or false",
            "content/docs/quiet/_index.md:3:19: error: front matter: 'sidebar_root_for' must be self or children: did you mean 'children'? found 'child'",
        ])
    }

    @Test func theSharedMenusEqualThePlainOnes() throws {
        let root = try siteFolder(Self.site, label: "docgen-docsy-nav")
        defer { try? FileManager.default.removeItem(atPath: root) }
        #expect(try SpeedTricksTests.expectSameSiteWithoutSpeedTricks(config(source: root, destination: "")) == 13)
    }
}
