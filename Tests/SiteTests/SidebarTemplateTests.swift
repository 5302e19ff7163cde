import Foundation
import Testing
@testable import Site

/// The menu is rendered once per section with per-page markers (see SidebarMarkers); a site's
/// own nav-item template may put tags inside `{{#active}}`, and they must still render.
struct SidebarTemplateTests {
    @Test func tagsInsideActiveSectionsAreRendered() throws {
        let parent = temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: parent) }
        let source = try copyOfFixture("small-site", in: parent)
        try FileManager.default.createDirectory(atPath: source + "/templates/partials", withIntermediateDirectories: true)
        try """
        <li>{{#active}}<b>{{title}}</b>{{/active}}{{^hasChildren}}<a href="{{url}}">{{title}}</a>{{/hasChildren}}{{{children}}}</li>
        """.write(toFile: source + "/templates/partials/nav-item.html", atomically: false, encoding: .utf8)
        let report = SiteBuilder.build(config(source: source, destination: parent + "/public"))
        #expect(report.succeeded, "\(report.diagnostics)")
        let a = try String(contentsOfFile: parent + "/public/docs/a/index.html", encoding: .utf8)
        let b = try String(contentsOfFile: parent + "/public/docs/page-b/index.html", encoding: .utf8)
        #expect(a.contains("<b>Page A</b>"))
        #expect(!a.contains("<b>Page B</b>"))
        #expect(b.contains("<b>Page B</b>"))
        #expect(!b.contains("<b>Page A</b>"))
    }
}
