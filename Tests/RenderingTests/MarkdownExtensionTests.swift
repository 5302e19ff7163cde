import Testing
@testable import Rendering

struct MarkdownExtensionTests {
    func html(_ markdown: String) -> String {
        var generator = HeadingIDGenerator()
        return MarkdownRenderer().render(markdown, ids: &generator).html
    }

    @Test func tables() {
        #expect(html("| a | b |\n|---|---|\n| 1 | 2 |\n").contains("<table>"))
        #expect(html("| a | b |\n|---|---|\n| 1 | 2 |\n").contains("<td>1</td>"))
    }

    @Test func strikethroughAutolinkAndTasklist() {
        #expect(html("~~gone~~") == "<p><del>gone</del></p>\n")
        #expect(html("see www.example.com") == "<p>see <a href=\"http://www.example.com\">www.example.com</a></p>\n")
        #expect(html("- [x] done\n").contains("type=\"checkbox\" checked=\"\" disabled=\"\""))
    }

    @Test func rawHTMLPassesThrough() {
        #expect(html("<iframe src=\"https://x\"></iframe>\n") == "<iframe src=\"https://x\"></iframe>\n")
        #expect(html("a <a name=\"here\"></a> b") == "<p>a <a name=\"here\"></a> b</p>\n")
    }
}
