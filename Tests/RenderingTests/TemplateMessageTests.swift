import Testing
@testable import Rendering

/// A template that does not parse is explained in the terms of its tags, with swift-mustache's name after it.
@Suite struct TemplateMessageTests {
    func problem(_ text: String) -> String {
        var set = TemplateSet()
        return set.register(text, named: "t", file: "templates/t.html")?.message ?? "(it parsed)"
    }

    @Test(arguments: [
        ("{{#items}}<li>{{name}}</li>{{/item}}", "{{/item}} does not close the section open here, {{#items}}", "(Mustache: sectionCloseNameIncorrect)"),
        ("<p>{{title</p>", "a tag is not closed", "(Mustache: unfinishedName)"),
        ("{{#items}}<li>{{name}}</li>", "the section {{#items}} is never closed: add {{/items}} where it should end", "(Mustache: expectedSectionEnd)"),
        ("{{=<%>=}}", "a delimiter change must name the new opening and closing delimiters", "(Mustache: invalidSetDelimiter)"),
        ("{{<base}}{{title}}{{/base}}", "inside {{<parent}}…{{/parent}} only blocks may stand: wrap the tag", "(Mustache: illegalTokenInsideInheritSection)"),
    ])
    func mustacheMistakes(_ text: String, _ plain: String, _ said: String) {
        let message = problem(text)
        #expect(message.hasPrefix(plain), "\(message)")
        #expect(message.hasSuffix(said), "\(message)")
    }

    /// Mustache finds a section left open only at the end of the file, and a wrong closing tag a few
    /// characters in; the errors point at the tags themselves.
    @Test func anUnclosedSectionIsShownWhereItOpens() {
        var set = TemplateSet()
        let problem = set.register("<ul>\n{{#pages}}\n  {{#draft}}<li>{{title}}</li>\n{{/pages}}\n</ul>\n", named: "t", file: "t.html")
        #expect(problem?.description == "t.html:4:1: error: {{/pages}} does not close the section open here, {{#draft}}: a closing tag repeats the name of the section it ends (Mustache: sectionCloseNameIncorrect)", "\(problem?.description ?? "none")")
        let open = set.register("<ul>\n{{#pages}}\n  <li>{{title}}</li>\n</ul>\n", named: "u", file: "u.html")
        #expect(open?.description == "u.html:2:1: error: the section {{#pages}} is never closed: add {{/pages}} where it should end (Mustache: expectedSectionEnd)")
    }
}
