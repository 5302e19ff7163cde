import Dispatch
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

    /// A heading in an argument is shown (it was once left out as raw HTML) and stays safe.
    @Test func argumentHeadingsAreRenderedSafely() {
        let renderer = MarkdownRenderer()
        #expect(renderer.renderArgument("## Title\n") == "<h2 id=\"title\">Title</h2>\n")
        #expect(renderer.renderArgument("## [x](javascript:alert(1)) <b>\n") == "<h2 id=\"xjavascriptalert1-ltb\"><a href=\"\">x</a> &lt;b&gt;</h2>\n")
    }

    /// cmark-gfm marks the characters its inline extensions start on (`~`, `w`, `:`) in a global
    /// table, which it filled and emptied around every parse: a page finishing on one core
    /// emptied it under a page still parsing on the other, whose `~~text~~` then stayed text.
    @Test(arguments: [
        ("Some *text* with ~~struck~~ words and www.example.com.",
         "<p>Some <em>text</em> with <del>struck</del> words and <a href=\"http://www.example.com\">www.example.com</a>.</p>\n"),
        ("Bare www.example.com and https://example.org/x links.",
         "<p>Bare <a href=\"http://www.example.com\">www.example.com</a> and <a href=\"https://example.org/x\">https://example.org/x</a> links.</p>\n"),
    ])
    func extensionsWorkWhileOtherThreadsParse(paragraph: String, html: String) {
        let markdown = String(repeating: paragraph + "\n\n", count: 40)
        let expected = String(repeating: html, count: 40)
        let runs = 400
        nonisolated(unsafe) var mismatches = [Bool](repeating: false, count: runs)
        mismatches.withUnsafeMutableBufferPointer { results in
            nonisolated(unsafe) let out = results
            DispatchQueue.concurrentPerform(iterations: runs) { i in
                var ids = HeadingIDGenerator()
                out[i] = MarkdownRenderer().render(markdown, ids: &ids).html != expected
            }
        }
        #expect(mismatches.filter { $0 }.count == 0)
    }
}
