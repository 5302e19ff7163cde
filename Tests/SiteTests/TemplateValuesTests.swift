import Rendering
import Testing
@testable import Site

/// Page values behave in templates as plain strings, booleans and lists would.
struct TemplateValuesTests {
    private func render(_ template: String, partials: [String: String] = [:]) throws -> String {
        var templates = TemplateSet()
        for (name, text) in partials { #expect(templates.register(text, named: name, file: name) == nil) }
        #expect(templates.register(template, named: "t", file: "t.html") == nil)
        let page = PageValues(title: "Fish & Chips", linkTitle: "Fish", description: "", url: "/fish/", permalink: "",
                              kind: "page", date: "", isPage: true, params: ["colour": "red"])
        let root = LayoutRoot(page: LaidOutPage(page: page, layout: LayoutValues(content: "<p>x</p>")), site: SiteValues(title: "Site", baseURL: "/", root: "/", params: [:]), sidebar: "")
        return try #require(templates.render("t", root))
    }

    @Test func textIsEscapedOrInsertedAsItIs() throws {
        #expect(try render("{{page.title}}|{{{page.title}}}|{{{page.content}}}") == "Fish &amp; Chips|Fish & Chips|<p>x</p>")
    }

    @Test func transformsWorkOnText() throws {
        #expect(try render("{{uppercased(page.linkTitle)}} {{lowercased(site.title)}}") == "FISH site")
        #expect(try render("{{#empty(page.description)}}none{{/empty(page.description)}}") == "none")
    }

    @Test func textOpensASectionEvenWhenEmpty() throws {
        // As with a String: Mustache treats any string, even "", as true.
        #expect(try render("{{#page.description}}[{{.}}]{{/page.description}}{{^page.description}}no{{/page.description}}") == "[]")
        #expect(try render("{{#page.url}}{{.}}{{/page.url}}") == "/fish/")
    }

    @Test func kindCanNameAPartial() throws {
        #expect(try render("{{>*page.kind}}", partials: ["page": "a {{page.linkTitle}} page"]) == "a Fish page")
    }

    @Test func paramsKeepTheirValues() throws {
        #expect(try render("{{page.params.colour}}") == "red")
    }
}
