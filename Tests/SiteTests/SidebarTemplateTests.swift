import Foundation
import Testing
import Rendering
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

/// `MarkedMenu`: each page's copy of a shared menu keeps only its own marked text.
struct MarkedMenuTests {
    private func marked(_ owner: Int, _ text: String) -> String {
        "\(SidebarMarkers.open)\(owner)\(SidebarMarkers.middle)\(text)\(SidebarMarkers.close)"
    }

    @Test func eachPageKeepsOnlyItsOwnMarkedText() {
        let menu = MarkedMenu("<li class=\"x" + marked(3, " active") + "\">A</li><li class=\"y" + marked(12, " active") + "\">B</li>")
        #expect(menu.html(for: 3) == "<li class=\"x active\">A</li><li class=\"y\">B</li>")
        #expect(menu.html(for: 12) == "<li class=\"x\">A</li><li class=\"y active\">B</li>")
        #expect(menu.html(for: nil) == "<li class=\"x\">A</li><li class=\"y\">B</li>")
    }

    @Test func textThatOnlyLooksLikeAMarkerIsKept() {
        // An opening marker without a page number and the middle marker is not a marker.
        let text = "é\(SidebarMarkers.open)x" + marked(1, "!") + "ü"
        #expect(MarkedMenu(text).html(for: 1) == "é\(SidebarMarkers.open)x!ü")
        #expect(MarkedMenu(text).html(for: 2) == "é\(SidebarMarkers.open)xü")
        #expect(MarkedMenu("").html(for: 1) == "")
    }
}

/// `Shell`: a template rendered once around a stand-in, used only when that is the same as
/// rendering it with the real value.
struct ShellTests {
    private func shell(_ template: String) -> Shell? {
        var templates = TemplateSet()
        _ = templates.register(template, named: "t", file: "t.html")
        return Shell { templates.render("t", ["children": $0]) ?? "" }
    }

    @Test func aValueInsertedOnceAsItIsIsFilledIn() throws {
        let made = try #require(shell("<li>{{{children}}}</li>"))
        #expect(made.filled(with: "<ul><li>x</li></ul>") == "<li><ul><li>x</li></ul></li>")
        #expect(try #require(shell("{{#children}}<ul>{{{.}}}</ul>{{/children}}")).filled(with: "<li>") == "<ul><li></ul>")
    }

    @Test func escapedTransformedOrRepeatedValuesGetNoShell() {
        #expect(shell("<li>{{children}}</li>") == nil)
        #expect(shell("<li>{{uppercased(children)}}</li>") == nil)
        #expect(shell("{{{children}}}{{{children}}}") == nil)
        #expect(shell("<li>no children</li>") == nil)
    }
}
