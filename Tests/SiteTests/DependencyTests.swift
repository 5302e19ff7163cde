import Foundation
import Testing
@testable import Site

/// The dependency graph's answer to "which outputs does this change affect?", checked against
/// what really changes when the file is edited and the site is built again.
@Suite struct DependencyTests {
    /// Outputs whose bytes differ between two snapshots of a built site.
    private func changed(_ before: [String: [UInt8]], _ after: [String: [UInt8]]) -> [String] {
        Set(before.keys).union(after.keys).filter { before[$0] != after[$0] }.sorted()
    }

    private func edit(_ file: String, _ old: String, _ new: String) throws {
        let text = try String(contentsOfFile: file, encoding: .utf8)
        #expect(text.contains(old), "\(file) no longer holds «\(old)»")
        try text.replacingOccurrences(of: old, with: new).write(toFile: file, atomically: true, encoding: .utf8)
    }

    @Test(.enabled(if: Fixtures.sharedAvailable, "../shared is absent: the CVAT corpus is not available"))
    func editingOnePageOfTheCVATCorpus() throws {
        let work = temporaryFolder("docgen-deps")
        defer { try? FileManager.default.removeItem(atPath: work) }
        try FileManager.default.copyItem(atPath: HugoCorpusTests.corpus, toPath: work + "/cvat")
        var settings = config(source: work + "/cvat", destination: work + "/out")
        settings.contentDir = "content/en"
        settings.templatesDir = Fixtures.path("cvat-shortcodes")
        let first = SiteBuilder.build(settings, recordsDependencies: true)
        #expect(!first.diagnostics.hasErrors, "\(first.diagnostics.prefix(3))")
        let graph = try #require(first.dependencies)
        let built = snapshot(work + "/out")
        #expect(graph.outputs.count == built.count - 1)  // all but the .docgen-output marker

        // Three other pages link to it with {{< ilink >}}, which prints its title.
        let page = work + "/cvat/content/en/docs/annotation/auto-annotation/ai-models.md"
        let own = "docs/annotation/auto-annotation/ai-models/index.html"

        // Its text alone: of the pages only its own output changes, and that is the whole answer
        // besides the search index, which holds every page's text.
        try edit(page, "CVAT's AI features use AI models", "CVAT's AI features use models")
        #expect(!SiteBuilder.build(settings).diagnostics.hasErrors)
        let afterBody = snapshot(work + "/out")
        let isSearch = { (path: String) in path.hasPrefix("docgen-search/") }
        let search = Set(built.keys.filter(isSearch))
        #expect(changed(built, afterBody).filter { !isSearch($0) } == [own])
        #expect(Set(changed(built, afterBody).filter(isSearch)).isSubset(of: search))
        let bodyAnswer = graph.affected(by: [page], valuesChanged: false)
        #expect(bodyAnswer.filter { !isSearch($0) } == [own])
        #expect(Set(bodyAnswer.filter(isSearch)) == search)

        // Its title: every output that prints it changes, and the answer holds all of them.
        try edit(page, "title: 'AI models'", "title: 'Models for AI'")
        #expect(!SiteBuilder.build(settings).diagnostics.hasErrors)
        let afterTitle = snapshot(work + "/out")
        let reallyChanged = changed(afterBody, afterTitle)
        let answer = graph.affected(by: [page], valuesChanged: true)
        let missed = Set(reallyChanged).subtracting(answer)
        #expect(missed.isEmpty, "outputs that changed but were not in the answer: \(missed.sorted())")
        for linking in ["docs/annotation/auto-annotation/automatic-annotation/index.html",
                        "docs/annotation/auto-annotation/ai-tools/index.html", "docs/workspace/models/index.html"] {
            #expect(reallyChanged.contains(linking), "\(linking) prints the title in an ilink")
        }
        // The answer may hold outputs that show the page without its title (the sitemap, which
        // lists URLs); it must not be the whole site (the search index, made of every page's
        // text, is always in it).
        let extra = Set(answer).subtracting(reallyChanged)
        print("title change: \(reallyChanged.count) outputs changed, the answer named \(answer.count) (\(extra.count) more: \(extra.sorted().prefix(5)))")
        #expect(answer.filter { !isSearch($0) }.count < graph.outputs.filter { !isSearch($0.output) }.count / 4)
    }

    @Test func recordedOnlyWhenAsked() throws {
        let work = temporaryFolder("docgen-deps")
        defer { try? FileManager.default.removeItem(atPath: work) }
        #expect(SiteBuilder.build(config(source: Fixtures.path("small-site"), destination: work + "/out")).dependencies == nil)
    }

    @Test func templatesAndTheConfiguration() throws {
        let work = temporaryFolder("docgen-deps")
        defer { try? FileManager.default.removeItem(atPath: work) }
        let site = try copyOfFixture("small-site", in: work)
        let report = SiteBuilder.build(config(source: site, destination: work + "/out"), recordsDependencies: true)
        let graph = try #require(report.dependencies)
        let pages = graph.outputs.filter { $0.source?.hasSuffix(".md") == true }.map(\.output).sorted()

        // Every page is laid out with base.html and shows the menu partials.
        #expect(graph.affected(by: [site + "/templates/base.html"], valuesChanged: false) == (pages + ["404.html"]).sorted())
        #expect(graph.affected(by: [site + "/templates/partials/nav-item.html"], valuesChanged: false) == (pages + ["404.html"]).sorted())
        // A shortcode template: only the pages that use it.
        #expect(graph.affected(by: [site + "/templates/shortcodes/note.html"], valuesChanged: false) == ["docs/a/index.html"])
        // The configuration: everything.
        #expect(graph.affected(by: [site + "/docgen.yaml"], valuesChanged: false).count == graph.outputs.count)
        // A static file: its copy.
        let copied = try #require(graph.outputs.first { $0.source?.contains("/static/") == true })
        #expect(graph.affected(by: [copied.source!], valuesChanged: false) == [copied.output])
    }
}
