import Rendering
import Testing
@testable import Site

/// `rendersAsItself` lets `markdownify` skip cmark-gfm; it must never say yes to text that
/// cmark-gfm would change.
struct PlainTextTests {
    private func cmarkRendersAsItself(_ text: String) -> Bool {
        var ids = HeadingIDGenerator()
        return MarkdownRenderer().render(text, ids: &ids).html == "<p>" + text + "</p>\n"
    }

    @Test func agreesWithCmarkOnRandomText() {
        let alphabet: [String] = "aZw09 ,.()-/?';:*_`[]<>&\"#!@~\\|=+é\t".map { String($0) } + ["www.", "http://", "1. ", "- "]
        var generator = SystemRandomNumberGenerator()
        var accepted = 0
        for _ in 0..<20_000 {
            let text = (0..<Int.random(in: 1...12, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! }.joined()
            guard rendersAsItself(text) else { continue }
            accepted += 1
            #expect(cmarkRendersAsItself(text), "\(text.debugDescription) is changed by cmark-gfm")
        }
        #expect(accepted > 100)
    }

    @Test func typicalLinkTextsAreTakenAsTheyAre() {
        for text in ["Attach cloud storage", "Step 2, the task page", "CVAT's API (v2)", "Shapes/skeletons", "Überblick"] {
            #expect(rendersAsItself(text) && cmarkRendersAsItself(text), "\(text)")
        }
        for text in ["1. First", "- item", "*bold*", "see www.example.com", "a & b", "", "trailing ", " leading", "# Title"] {
            #expect(!rendersAsItself(text), "\(text)")
        }
    }
}
