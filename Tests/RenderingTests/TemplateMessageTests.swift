import Testing
@testable import Rendering

/// A template that does not parse is explained in the terms of its tags, with swift-mustache's name after it.
@Suite struct TemplateMessageTests {
    func problem(_ text: String) -> String {
        var set = TemplateSet()
        return set.register(text, named: "t", file: "templates/t.html")?.message ?? "(it parsed)"
    }

    @Test(arguments: [
        ("{{#items}}<li>{{name}}</li>{{/item}}", "this {{/name}} closes a section with another name", "(Mustache: sectionCloseNameIncorrect)"),
        ("<p>{{title</p>", "a tag is not closed", "(Mustache: unfinishedName)"),
        ("{{#items}}<li>{{name}}</li>", "a section is opened and never closed", "(Mustache: expectedSectionEnd)"),
        ("{{=<%>=}}", "a delimiter change must name the new opening and closing delimiters", "(Mustache: invalidSetDelimiter)"),
        ("{{<base}}{{title}}{{/base}}", "inside {{<parent}}…{{/parent}} only blocks may stand: wrap the tag", "(Mustache: illegalTokenInsideInheritSection)"),
    ])
    func mustacheMistakes(_ text: String, _ plain: String, _ said: String) {
        let message = problem(text)
        #expect(message.hasPrefix(plain), "\(message)")
        #expect(message.hasSuffix(said), "\(message)")
    }
}
