import Testing
@testable import Content

/// Each parser mistake writers make gets a message in their terms, with the parser's words after it.
@Suite struct ParserMessageTests {
    func problem(_ frontMatter: String, fence: String = "---") -> String {
        let (_, diagnostics) = FrontMatterParser.split("\(fence)\n\(frontMatter)\n\(fence)\nBody\n", file: "p.md")
        return diagnostics.first?.message ?? "(no problem reported)"
    }

    @Test(arguments: [
        ("title: Setup: the basics", "a colon followed by a space inside a value starts a new key", "(YAML: mapping values are not allowed in this context)"),
        ("title: \"never closed", "the quoted value that starts on line 2 is never closed: add the closing quote", "(YAML: found unexpected end of stream"),
        ("tags: [a, b", "a list in [brackets] is not closed, or its items are not separated by commas", "did not find expected ',' or ']'"),
        ("params: {a: 1", "a mapping in {braces} is not closed", "did not find expected ',' or '}'"),
        ("title: 'it''s\nx: 'y", "this line does not line up with the keys before it", "(YAML: did not find expected key"),
        ("title: @home", "a value cannot start with this character", "found character that cannot start any token"),
        ("title: *nowhere", "a '*name' refers to an anchor '&name' that is not defined", "found undefined alias"),
        ("title: T\n\tweight: 2", "YAML indents with spaces, not tabs", "tab character"),
    ])
    func yamlMistakes(_ text: String, _ plain: String, _ said: String) {
        let message = problem(text)
        #expect(message.hasPrefix("front matter: " + plain), "\(message)")
        #expect(message.contains(said), "\(message)")
    }

    @Test(arguments: [
        ("title = \"never closed", "quoted text is not closed before the end of the line"),
        ("title \"x\"", "a key must be followed by '=' and its value"),
        ("title = \"a\"\ntitle = \"b\"", "this key is given twice: keep one of them"),
        ("title = My page", "this is not a TOML value: put text in quotes"),
        ("tags = [1, 2", "a list in [brackets] is not closed: add ']'"),
        ("date = 2024-13-45", "this is not a valid date or time"),
        ("[params\nx = 1", "a table header must be closed"),
    ])
    func tomlMistakes(_ text: String, _ plain: String) {
        let message = problem(text, fence: "+++")
        #expect(message.hasPrefix("front matter: " + plain), "\(message)")
        #expect(message.contains("(TOML: Error while parsing"), "\(message)")
    }

    @Test func anUnknownParserMessageIsKeptAsItIs() {
        #expect(ParserMessages.yaml(problem: "something new", context: nil, contextLine: 1) == "YAML: something new")
        #expect(ParserMessages.toml("Error while parsing something: new") == "the TOML does not parse: Error while parsing something: new")
    }
}
