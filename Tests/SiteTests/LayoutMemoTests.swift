import Foundation
import Rendering
import Testing
@testable import Site

/// A layout rendered through `LayoutMemo` must come out byte for byte as Mustache renders it for
/// each page, whatever the template does with the page's values.
struct LayoutMemoTests {
    static func summary(_ title: String) -> PageSummary {
        PageSummary(title: title, linkTitle: title + " (short)", url: "/" + title.lowercased() + "/", description: title.count > 5 ? "About " + title : "")
    }

    /// Pages that differ in every way a template can tell: text with characters HTML escapes (and
    /// the stand-in marker itself), empty and present descriptions, lists of several lengths,
    /// missing neighbours, front matter of every kind.
    static let pages: [LayoutRoot] = {
        let site = SiteValues(title: "Docs & more", baseURL: "https://example.org/", root: "/", params: ["logo": "logo.svg", "dark": true])
        let titles = ["Home", "Fish & <Chips>", "Quotes \"double\" and 'single'", "Plain", "Marker \u{F8F3}0<&>\u{F8F3} inside", "Plain again", "Über", "Plain"]
        return titles.enumerated().map { i, title in
            let params: [String: Any] = [
                "flag": i % 2 == 0, "weight": i * 10, "ratio": Double(i) / 4, "tags": i % 3 == 0 ? ["a", "b"] : [String](),
                "links": [["name": "one", "url": "/1/"], ["name": "two & three", "url": "/2/?a=1&b=2"]].prefix(i % 3).map { $0 },
                "nothing": NSNull(), "colour": i % 4 == 0 ? "red" : "blue",
            ]
            let page = PageValues(title: title, linkTitle: title.uppercased(), description: i % 3 == 1 ? "" : "Says <\(i)>",
                                  url: "/p\(i)/", permalink: "https://example.org/p\(i)/", kind: i == 0 ? "home" : (i % 2 == 0 ? "section" : "page"),
                                  date: i % 2 == 0 ? "2026-11-\(i + 10)" : "", isHome: i == 0, isSection: i % 2 == 0 && i > 0,
                                  isPage: i % 2 == 1, params: params)
            let toc = (0..<(i % 3)).map { TOCEntry(id: "h\($0)", text: "Heading <\($0)>", level: 2, children: [TOCEntry(id: "h\($0)-1", text: "Sub", level: 3, children: [])]) }
            let layout = LayoutValues(content: "<p>Body of \(i) & more</p>\n", toc: toc,
                                      breadcrumbs: (0..<(i % 4)).map { summary("Crumb\($0)") },
                                      prev: i == 0 ? nil : summary("Previous\(i)"), next: i == 7 ? nil : summary("N\(i)"),
                                      children: i % 2 == 0 ? (0..<i).map { summary("Child\($0)") } : [])
            return LayoutRoot(page: LaidOutPage(page: page, layout: layout), site: site, sidebar: "<ul><li>menu of \(i)</li></ul>")
        }
    }()

    /// Renders every page twice over with one memo (so that later pages reuse earlier shapes)
    /// and compares each with Mustache's own rendering; returns the memo.
    @discardableResult
    static func expectSameAsMustache(_ template: String, partials: [String: String] = [:],
                                     sourceLocation: SourceLocation = #_sourceLocation) -> LayoutMemo {
        var templates = TemplateSet()
        for (name, text) in partials { #expect(templates.register(text, named: name, file: name) == nil) }
        #expect(templates.register(template, named: "layout", file: "layout.html") == nil, sourceLocation: sourceLocation)
        let memo = LayoutMemo(templates: templates)
        var firstRoundProbes = 0
        for round in 0..<2 {
            for (i, root) in pages.enumerated() {
                let expected = templates.render("layout", root)
                let memoized = memo.render("layout", root)
                #expect(memoized == expected, "page \(i), round \(round)", sourceLocation: sourceLocation)
            }
            if round == 0 { firstRoundProbes = memo.probes }
        }
        // The second round finds every page's shape made.
        #expect(memo.probes == firstRoundProbes, sourceLocation: sourceLocation)
        return memo
    }

    @Test func textIsFilledInEscapedOrAsItIs() {
        let memo = Self.expectSameAsMustache("<title>{{page.title}}</title>{{{page.title}}}{{&page.linkTitle}}|{{{page.content}}}{{{sidebar}}}{{site.title}}")
        #expect(memo.probes == 1)
        #expect(!memo.rendersPageByPage("layout"))
    }

    @Test func sectionsOnFlagsListsAndNeighbours() {
        let memo = Self.expectSameAsMustache("""
            {{#page.isHome}}home{{/page.isHome}}{{^page.isHome}}not home{{/page.isHome}}
            {{#page.hasDescription}}<meta content="{{page.description}}">{{/page.hasDescription}}
            {{#page.breadcrumbs}}<a href="{{url}}">{{linkTitle}}</a>{{#hasDescription}}:{{description}}{{/hasDescription}}{{/page.breadcrumbs}}
            {{#page.prev}}<a rel=prev href="{{url}}">{{title}}</a>{{/page.prev}}{{^page.next}}last{{/page.next}}
            {{#page.children}}<li>{{title}} in {{page.title}} of {{site.title}}</li>{{/page.children}}
            {{#page.toc}}<li>{{text}}{{#children}}<ul>{{text}} {{level}}</ul>{{/children}}</li>{{/page.toc}}
            {{#page.hasTOC}}{{{page.tableOfContents}}}{{/page.hasTOC}}
            """)
        #expect(!memo.rendersPageByPage("layout"))
    }

    @Test func defaultLayoutsWithTheirPartials() throws {
        let (templates, problems) = TemplateSet.load(defaults: EmbeddedTemplates.files, from: [])
        #expect(problems.isEmpty)
        #expect(templates.outputFollowsValues)
        for layout in ["single", "list"] {
            let memo = LayoutMemo(templates: templates)
            for root in Self.pages + Self.pages {
                #expect(memo.render(layout, root) == templates.render(layout, root))
            }
            #expect(!memo.rendersPageByPage(layout))
            #expect(memo.probes <= Self.pages.count)
        }
    }

    @Test func frontMatterOfEveryKind() {
        let memo = Self.expectSameAsMustache("""
            {{#page.params.flag}}yes{{/page.params.flag}}{{^page.params.flag}}no{{/page.params.flag}}
            {{page.params.weight}} {{page.params.ratio}} {{page.params.colour}} [{{page.params.nothing}}] [{{page.params.missing}}]
            {{#page.params.tags}}<{{.}}>{{/page.params.tags}}{{^page.params.tags}}untagged{{/page.params.tags}}
            {{#page.params.links}}<a href="{{url}}">{{name}}</a> on {{page.title}}{{/page.params.links}}
            {{#site.params.dark}}dark {{site.params.logo}}{{/site.params.dark}} {{plusone(page.params.weight)}}
            """)
        #expect(!memo.rendersPageByPage("layout"))
    }

    @Test func kindNamesAPartial() {
        Self.expectSameAsMustache("{{>*page.kind}}|{{page.kind}}", partials: [
            "home": "H {{site.title}}", "page": "P {{page.title}}", "section": "S {{#page.children}}{{title}},{{/page.children}}",
        ])
    }

    @Test func lookupsClimbTheContextAndTextOpensSections() {
        Self.expectSameAsMustache("""
            {{#page.breadcrumbs}}{{title}}/{{page.linkTitle}}/{{url}}/{{sidebar}}{{/page.breadcrumbs}}
            {{#page.title}}[{{.}}|{{renderText}}|{{site.title}}]{{/page.title}}{{^page.description}}never{{/page.description}}
            {{page.nothing}}{{nothing.deeper}}{{page.title.deeper}}{{#page}}{{title}}{{/page}}
            {{#page.breadcrumbs}}{{#first()}}first {{/first()}}{{^last()}}, {{/last()}}{{/page.breadcrumbs}}
            """)
    }

    @Test func arrayTransformsWork() {
        let memo = Self.expectSameAsMustache("""
            {{count(page.children)}} {{#empty(page.breadcrumbs)}}none{{/empty(page.breadcrumbs)}}
            {{#first(page.breadcrumbs)}}{{title}}{{/first(page.breadcrumbs)}} {{#reversed(page.children)}}{{title}}{{/reversed(page.children)}}
            """)
        #expect(!memo.rendersPageByPage("layout"))
    }

    /// A transform of a text depends on the text, which the stand-in does not have.
    @Test func textTransformsRenderPageByPage() {
        let memo = Self.expectSameAsMustache("{{uppercased(page.title)}} {{#empty(page.description)}}e{{/empty(page.description)}}")
        #expect(memo.rendersPageByPage("layout"))
        #expect(memo.probes == 1)
    }

    @Test func printingAnObjectRendersPageByPage() {
        #expect(Self.expectSameAsMustache("{{page}} {{page.params}}").rendersPageByPage("layout"))
        #expect(Self.expectSameAsMustache("{{count(page.params)}}").rendersPageByPage("layout"))
    }

    /// A stand-in's marker that does not come from a stand-in: in a template's own text, or in
    /// a value that is output as it is (front matter, `kind`).
    @Test func markerNotFromAStandIn() {
        var templates = TemplateSet()
        #expect(templates.register("\u{F8F3}0<&>\u{F8F3} {{page.title}}", named: "layout", file: "layout") == nil)
        let memo = LayoutMemo(templates: templates)
        for root in Self.pages { #expect(memo.render("layout", root) == templates.render("layout", root)) }
        #expect(memo.probes == 0)

        let page = PageValues(title: "T", linkTitle: "T", description: "", url: "/", permalink: "", kind: "page", date: "",
                              params: ["a": "\u{F8F3}0<&>\u{F8F3}", "b": ["\u{F8F3}0<&>\u{F8F3}"]])
        let root = LayoutRoot(page: LaidOutPage(page: page, layout: LayoutValues()), site: SiteValues(title: "", baseURL: "", root: "", params: [:]), sidebar: "")
        for template in ["{{page.title}}{{page.params.a}}", "{{page.title}}{{#page.params.b}}{{.}}{{/page.params.b}}"] {
            var templates = TemplateSet()
            #expect(templates.register(template, named: "layout", file: "layout") == nil)
            let memo = LayoutMemo(templates: templates)
            #expect(memo.render("layout", root) == templates.render("layout", root))
            #expect(memo.rendersPageByPage("layout"))
        }
    }

    @Test func contentTypeTextInsertsAsItIs() {
        Self.expectSameAsMustache("{{% CONTENT_TYPE: TEXT}}\n{{page.title}} {{page.description}}")
    }

    /// Mustache indents a partial's lines by looking at what it has written, so values can change
    /// where the indentation goes.
    @Test func indentedPartialsRenderPageByPage() {
        var templates = TemplateSet()
        #expect(templates.register("a\n{{page.description}}\n{{page.title}}\nb", named: "p", file: "p") == nil)
        #expect(templates.register("<div>\n  {{> p}}\n</div>", named: "layout", file: "layout") == nil)
        #expect(!templates.outputFollowsValues)
        let memo = LayoutMemo(templates: templates)
        for root in Self.pages { #expect(memo.render("layout", root) == templates.render("layout", root)) }
        #expect(memo.probes == 0)

        var plain = TemplateSet()
        #expect(plain.register("<div>\n{{> p}}\n</div> {{a}} {{=<% %>=}}", named: "layout", file: "layout") == nil)
        #expect(!plain.outputFollowsValues)
        var fine = TemplateSet()
        #expect(fine.register("<div>\n{{> p}}\n</div>\n  {{page.title}}", named: "layout", file: "layout") == nil)
        #expect(fine.outputFollowsValues)
    }

    @Test func manyThreadsShareOneMemo() async {
        let (templates, _) = TemplateSet.load(defaults: EmbeddedTemplates.files, from: [])
        let memo = LayoutMemo(templates: templates)
        let expected = Self.pages.map { templates.render("list", $0) }
        await withTaskGroup(of: Bool.self) { group in
            for task in 0..<8 {
                group.addTask {
                    (0..<50).allSatisfy { n in
                        let i = (n * 7 + task) % Self.pages.count
                        return memo.render("list", Self.pages[i]) == expected[i]
                    }
                }
            }
            for await same in group { #expect(same) }
        }
    }
}
