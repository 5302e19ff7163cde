import Foundation
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

/// A template that includes itself would recurse until the stack overflows: every loop is an
/// error at the tag that closes it, and the templates on it render as nothing.
struct TemplateLoopTests {
    func load(_ files: [String: String]) throws -> (TemplateSet, [String]) {
        let folder = NSTemporaryDirectory() + "docgen-loops-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: folder) }
        for (name, text) in files {
            let path = folder + "/" + name + ".html"
            try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try text.write(toFile: path, atomically: false, encoding: .utf8)
        }
        let (set, problems) = TemplateSet.load(from: [folder])
        return (set, problems.map { $0.description.replacingOccurrences(of: folder + "/", with: "") })
    }

    @Test func unconditionalLoopsAreFoundDirectIndirectAndAfterNewDelimiters() throws {
        let (set, problems) = try load([
            "single": "<main>{{> partials/a}}</main>",
            "partials/a": "a\n  {{$block}}{{> partials/b }}{{/block}}",
            "partials/b": "b {{> partials/a}}",
            // Columns count characters, not bytes: the tag is the 4th character on its line.
            "partials/accent": "«é»{{> partials/accent}}",
            "partials/self": "{{=<% %>=}}<%> partials/self%>",
            "partials/dynamic": "{{>*which}}",
            "partials/fine": "{{> partials/leaf}} {{> partials/leaf}}",
            "partials/leaf": "leaf",
            // A tree drawn by recursion through a section ends where the data does: allowed.
            "partials/tree": "<li>{{name}}{{#children}}<ul>{{> partials/tree}}</ul>{{/children}}</li>",
        ])
        #expect(problems == [
            "partials/accent.html:1:4: error: template 'partials/accent' includes itself (partials/accent → partials/accent), so rendering it would never end; remove the loop (nested menus come ready-made as {{{children}}})",
            "partials/b.html:1:3: error: template 'partials/a' includes itself (partials/a → partials/b → partials/a), so rendering it would never end; remove the loop (nested menus come ready-made as {{{children}}})",
            "partials/dynamic.html:1:1: error: dynamic partials ({{>*name}}) are not supported: docgen cannot check that they do not include themselves; name the partial",
            "partials/self.html:1:12: error: template 'partials/self' includes itself (partials/self → partials/self), so rendering it would never end; remove the loop (nested menus come ready-made as {{{children}}})",
        ])
        // Rendering goes on (to find every other problem) without recursing.
        #expect(set.render("single", [:] as [String: Any]) == "<main></main>")
        #expect(set.render("partials/fine", [:] as [String: Any]) == "leaf leaf")
        let tree: [String: Any] = ["name": "a", "children": [["name": "b", "children": [["name": "c", "children": false] as [String: Any]]] as [String: Any]]]
        #expect(set.render("partials/tree", tree) == "<li>a<ul><li>b<ul><li>c</li></ul></li></ul></li>")
    }
}
