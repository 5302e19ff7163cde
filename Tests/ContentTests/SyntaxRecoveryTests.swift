import Diagnostics
import Testing
@testable import Content

/// A syntax error in front matter does not hide the other mistakes of the same front matter.
@Suite struct SyntaxRecoveryTests {
    func diagnostics(_ frontMatter: String, fence: String = "---") -> [String] {
        let (_, found) = FrontMatterParser.split("\(fence)\n\(frontMatter)\n\(fence)\nBody\n", file: "p.md")
        return found.map { "\($0.location.line):\($0.location.column) \($0.message.prefix(40))" }
    }

    @Test func anUnclosedQuoteDoesNotHideABadWeightBelowIt() {
        #expect(diagnostics("title: \"Unclosed\nweight: abc\ndraft: maybe") == [
            "2:8 front matter: the quoted value that star",
            "3:9 front matter: 'weight' must be a whole n",
            "4:8 front matter: 'draft' must be true or fa",
        ])
    }

    @Test func aColonInAValueDoesNotHideABadDateAfterIt() {
        #expect(diagnostics("title: Setup: the basics\ndate: 01/05/2024") == [
            "2:13 front matter: a colon followed by a spac",
            "3:7 front matter: 'date' 01/05/2024 is not a",
        ])
    }

    @Test func tomlRecoversTheSameWay() {
        #expect(diagnostics("title = \"open\nweight = \"x\"", fence: "+++") == [
            "2:14 front matter: quoted text is not closed ",
            "3:10 front matter: 'weight' must be a whole n",
        ])
    }

    @Test func theKeysThatStillParseAreKept() {
        let (page, found) = FrontMatterParser.split("---\ntitle: Kept\nweight: [1\n---\nBody\n", file: "p.md")
        #expect(found.count == 1)
        #expect(page.frontMatter.title == "Kept")
    }

    @Test func aMistakeWithNothingElseWrongIsReportedOnce() {
        #expect(diagnostics("title: \"never closed").count == 1)
        #expect(diagnostics("tags: [a, b\nweight: 2").count == 1)
    }
}
