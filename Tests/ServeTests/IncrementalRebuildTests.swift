import Foundation
import Site
import Testing

/// After any sequence of edits, the site `docgen serve` holds in memory must equal what a fresh
/// `docgen build` writes, byte for byte; and an edit must render only the pages it reaches.
@Suite struct IncrementalRebuildTests {
    /// A copy of a fixture site and a place for fresh builds of it.
    struct Workspace {
        let root: String
        let site: String
        var request: BuildRequest

        init(fixture: String, contentDir: String? = nil, templates: String? = nil) throws {
            root = temporaryFolder("docgen-serve")
            site = root + "/site"
            try FileManager.default.copyItem(atPath: fixture, toPath: site)
            var (config, problems) = SiteConfig.load(source: site)
            precondition(problems.isEmpty)
            if let contentDir { config.contentDir = contentDir }
            if let templates { config.templatesDir = templates }
            config.destination = root + "/fresh"
            request = BuildRequest(config: config, recordsDependencies: true)
        }

        /// What a fresh build of the site as it is now writes.
        func freshBuild() -> [String: [UInt8]] {
            try? FileManager.default.removeItem(atPath: root + "/fresh")
            let report = SiteBuilder.build(request.config)
            precondition(!report.diagnostics.hasErrors, "\(report.diagnostics)")
            return snapshot(root + "/fresh")
        }

        func remove() { try? FileManager.default.removeItem(atPath: root) }
    }

    /// Rebuilds after `edit` and checks the result against a fresh build.
    private func step(_ name: String, _ workspace: Workspace, _ previous: inout MemorySite, changed: [String],
                      expectRendered: ClosedRange<Int>? = nil, _ edit: () throws -> Void) throws {
        try edit()
        let build = SiteBuilder.buildInMemory(workspace.request, previous: previous, changed: Set(changed.map { workspace.site + "/" + $0 }))
        #expect(!build.diagnostics.hasErrors, "\(name): \(build.diagnostics)")
        let site = try #require(build.site, "\(name): the rebuild failed")
        let fresh = workspace.freshBuild()
        let memory = served(site)
        let differing = Set(fresh.keys).union(memory.keys).filter { fresh[$0] != memory[$0] }.sorted()
        #expect(differing.isEmpty, "\(name): served files that differ from a fresh build: \(differing)")
        if let expectRendered {
            #expect(expectRendered.contains(build.renderedPages), "\(name): rendered \(build.renderedPages) pages")
        }
        previous = site
    }

    @Test func editsAddsRenamesAndDeletesMatchAFreshBuild() throws {
        let w = try Workspace(fixture: Fixtures.path("small-site"))
        defer { w.remove() }
        let first = SiteBuilder.buildInMemory(w.request)
        #expect(!first.diagnostics.hasErrors, "\(first.diagnostics)")
        var site = try #require(first.site)
        #expect(served(site) == w.freshBuild())
        let pages = site.files.keys.filter { $0.hasSuffix("index.html") }.count

        try step("body edit", w, &site, changed: ["content/docs/more/c.md"], expectRendered: 1...1) {
            try append("\nAn added line.\n", to: w.site + "/content/docs/more/c.md")
        }
        try step("title edit", w, &site, changed: ["content/docs/b.md"], expectRendered: 2...(pages - 1)) {
            try replace("title: Page B", with: "title: Page Bee", in: w.site + "/content/docs/b.md")
        }
        try step("front matter other than what others print", w, &site, changed: ["content/docs/a.md"], expectRendered: 1...1) {
            try replace("owner: team-a", with: "owner: team-b", in: w.site + "/content/docs/a.md")
        }
        try step("a page added", w, &site, changed: ["content/docs/new.md"]) {
            try write("---\ntitle: New page\nweight: 9\n---\nNew text, linking to {{< ilink \"/docs/b\" >}}.\n", to: w.site + "/content/docs/new.md")
        }
        try step("a page renamed", w, &site, changed: ["content/docs/new.md", "content/docs/renamed.md"]) {
            try FileManager.default.moveItem(atPath: w.site + "/content/docs/new.md", toPath: w.site + "/content/docs/renamed.md")
        }
        try step("a page deleted", w, &site, changed: ["content/docs/renamed.md"]) {
            try FileManager.default.removeItem(atPath: w.site + "/content/docs/renamed.md")
        }
        try step("a folder with a page added", w, &site, changed: ["content/docs/extra"]) {
            try write("---\ntitle: Extra\n---\nExtra.\n", to: w.site + "/content/docs/extra/_index.md")
        }
        try step("a template edited", w, &site, changed: ["templates/single.html"]) {
            try replace("<p class=\"desc\">", with: "<p class=\"description\">", in: w.site + "/templates/single.html")
        }
        try step("a static file added and one changed", w, &site, changed: ["static/new.css", "static/robots.txt"], expectRendered: 0...0) {
            try write("body { color: black }\n", to: w.site + "/static/new.css")
            try write("User-agent: *\nDisallow: /private/\n", to: w.site + "/static/robots.txt")
        }
        try step("a bundle's file changed", w, &site, changed: ["content/docs/bundle/diagram.svg"], expectRendered: 0...0) {
            try write("<svg xmlns=\"http://www.w3.org/2000/svg\"></svg>\n", to: w.site + "/content/docs/bundle/diagram.svg")
        }
        try step("the configuration changed", w, &site, changed: ["docgen.yaml"], expectRendered: pages...pages + 1) {
            try replace("company: Example & Co", with: "company: Example Ltd", in: w.site + "/docgen.yaml")
        }
        // An edit the watcher did not report (a missed event) is still found by comparing texts.
        try step("an unreported body edit", w, &site, changed: [], expectRendered: 1...1) {
            try append("\nAnother line.\n", to: w.site + "/content/docs/more/c.md")
        }
    }

    @Test func aFailedRebuildKeepsNothingAndTheNextGoodOneCatchesUp() throws {
        let w = try Workspace(fixture: Fixtures.path("small-site"))
        defer { w.remove() }
        var site = try #require(SiteBuilder.buildInMemory(w.request).site)
        try replace("## Details", with: "## Details {{< ilink \"/docs/none\" >}}", in: w.site + "/content/docs/b.md")
        let failed = SiteBuilder.buildInMemory(w.request, previous: site, changed: [w.site + "/content/docs/b.md"])
        #expect(failed.site == nil)
        #expect(failed.diagnostics.contains { $0.severity == .error && "\($0.location)".contains("content/docs/b.md:") })
        try step("fixed after a failure", w, &site, changed: ["content/docs/b.md"]) {
            try replace("## Details {{< ilink \"/docs/none\" >}}", with: "## Details, fixed", in: w.site + "/content/docs/b.md")
        }
    }

    @Test(.enabled(if: Fixtures.sharedAvailable, "../shared is absent: the CVAT corpus is not available"))
    func editingTheCVATCorpusRendersOnlyWhatChanged() throws {
        let w = try Workspace(fixture: Fixtures.shared + "/corpus/cvat", contentDir: "content/en", templates: Fixtures.path("cvat-shortcodes"))
        defer { w.remove() }
        let first = SiteBuilder.buildInMemory(w.request)
        var site = try #require(first.site, "\(first.diagnostics.prefix(3))")
        let page = "content/en/docs/annotation/auto-annotation/ai-models.md"
        try step("CVAT body edit", w, &site, changed: [page], expectRendered: 1...1) {
            try replace("CVAT's AI features use AI models", with: "CVAT's AI features use models", in: w.site + "/" + page)
        }
        try step("CVAT title edit", w, &site, changed: [page], expectRendered: 2...60) {
            try replace("title: 'AI models'", with: "title: 'Models for AI'", in: w.site + "/" + page)
        }
    }
}
