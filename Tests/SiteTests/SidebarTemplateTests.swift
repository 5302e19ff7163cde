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
        Marker.make(.ownStart, owner) + text + Marker.make(.ownEnd, owner)
    }

    @Test func eachPageKeepsOnlyItsOwnMarkedText() {
        let menu = MarkedMenu("<li class=\"x" + marked(3, " active") + "\">A</li><li class=\"y" + marked(12, " active") + "\">B</li>")
        #expect(menu.html(for: 3) == "<li class=\"x active\">A</li><li class=\"y\">B</li>")
        #expect(menu.html(for: 12) == "<li class=\"x\">A</li><li class=\"y active\">B</li>")
        #expect(menu.html(for: nil) == "<li class=\"x\">A</li><li class=\"y\">B</li>")
    }

    @Test func textThatOnlyLooksLikeAMarkerIsKept() {
        // The delimiter without a kind, a number and its tail is not a marker.
        let stray = "é\(Marker.delimiter)x\(Marker.delimiter)a1\(Marker.delimiter)"
        let text = stray + marked(1, "!") + "ü"
        #expect(MarkedMenu(text).html(for: 1) == stray + "!ü")
        #expect(MarkedMenu(text).html(for: 2) == stray + "ü")
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

/// `Marker`: what `make` writes, `cut` finds again, escaped or not.
struct MarkerTests {
    private func cut(_ text: String, strict: Bool = true) -> [Marker.Piece]? {
        Array(text.utf8).withUnsafeBufferPointer { Marker.cut($0, strict: strict) }
    }

    @Test func madeMarkersAreCutAgain() {
        let text = "a" + Marker.make(.text, 12) + "bc" + HTML.escape(Marker.make(.text, 3)) + Marker.make(.ownEnd, 0)
        #expect(cut(text) == [.literal(0..<1), .marker(.text, number: 12, escaped: false), .literal(1 + Marker.make(.text, 12).utf8.count..<3 + Marker.make(.text, 12).utf8.count),
                              .marker(.text, number: 3, escaped: true), .marker(.ownEnd, number: 0, escaped: false)])
        #expect(Marker.occurs(in: text))
        #expect(!Marker.occurs(in: "plain \u{F8F2} text"))
    }

    @Test func brokenMarkersFailOnlyAStrictCut() {
        for broken in ["\u{F8F3}", "\u{F8F3}t", "\u{F8F3}t1", "\u{F8F3}t1<&>", "\u{F8F3}x1<&>\u{F8F3}", "\u{F8F3}t<&>\u{F8F3}"] {
            #expect(cut("a" + broken) == nil, "\(broken.debugDescription)")
            #expect(cut("a" + broken, strict: false)?.contains { if case .marker = $0 { return true } else { return false } } == false)
        }
        #expect(cut("") == [])
    }
}
