import Testing
@testable import Rendering

struct TemplateSetTests {
    @Test func parseErrorsPointAtTheTemplatesOwnLine() throws {
        var set = TemplateSet()
        let registered = set.register("<p>fine</p>\n<p>{{/section}}</p>\n", named: "broken", file: "templates/broken.html")
        let problem = try #require(registered)
        #expect(problem.location.file == "templates/broken.html")
        #expect(problem.location.line == 2)
        #expect(problem.location.column == 8)  // where swift-mustache stops reading the tag
    }

    /// docgen's own escaper stands in for swift-mustache's; the output must be the same.
    @Test func variablesAreEscapedAsMustacheDoesAndTheFirstLineIsKept() {
        var set = TemplateSet()
        #expect(set.register("{{#show}}\n<b>{{text}}</b>{{{raw}}}\n{{/show}}\n", named: "t", file: "t.html") == nil)
        let html = set.render("t", ["show": true, "text": "a<b>&\"c\"'d' é", "raw": "<i>"] as [String: Any])
        #expect(html == "<b>a&lt;b&gt;&amp;&quot;c&quot;&#39;d&#39; é</b><i>\n")
    }
}

struct TemplateReadsTests {
    @Test func aValueIsReadWhenItsNameStandsAlone() {
        var templates = TemplateSet()
        _ = templates.register("<div>{{{innerHTML}}}</div>", named: "html", file: "html.html")
        _ = templates.register("<pre>{{ inner }}</pre>", named: "text", file: "text.html")
        _ = templates.register("<p>{{> partials/x}}</p>", named: "partial", file: "partial.html")
        #expect(templates.mayRead("innerHTML", in: "html") && !templates.mayRead("inner", in: "html"))
        #expect(templates.mayRead("inner", in: "text") && !templates.mayRead("innerHTML", in: "text"))
        // A partial could read anything.
        #expect(templates.mayRead("inner", in: "partial") && templates.mayRead("innerHTML", in: "partial"))
        #expect(!templates.mayRead("inner", in: "missing"))
        // Changed delimiters hide what is read, so they count as reading everything.
        #expect(templates.register("{{=<% %>=}}<div><%& innerHTML %></div>", named: "delimiters", file: "delimiters.html") == nil)
        #expect(templates.mayRead("inner", in: "delimiters"))
    }
}
