import Foundation
import Testing
@testable import Content

struct FrontMatterTests {
    func split(_ text: String) -> (SplitPage, [String]) {
        let (page, diagnostics) = FrontMatterParser.split(text, file: "p.md")
        return (page, diagnostics.map(\.description))
    }

    @Test func knownKeysAndParams() {
        let (page, problems) = split("---\ntitle: 'A: B'\nlinkTitle: Short\nweight: 7\ndraft: false\naliases: [/x/, /y/]\nslug: s\ncustom: {a: 1}\n---\nBody\n")
        #expect(problems.isEmpty)
        #expect(page.frontMatter.title == "A: B")
        #expect(page.frontMatter.linkTitle == "Short")
        #expect(page.frontMatter.weight == 7)
        #expect(page.frontMatter.aliases == ["/x/", "/y/"])
        #expect(page.frontMatter.slug == "s")
        #expect(page.frontMatter.params.map(\.key) == ["custom"])
        #expect(page.body == "Body\n")
        #expect(page.bodyLine == 10)
    }

    @Test func pageWithoutFrontMatter() {
        let (page, problems) = split("# Just Markdown\n")
        #expect(problems.isEmpty)
        #expect(page.body == "# Just Markdown\n")
        #expect(page.bodyLine == 1)
    }

    @Test func syntaxErrorsPointIntoTheFile() {
        #expect(split("---\ntitle: ok\n  bad: indent\n---\n").1 == ["p.md:3:6: error: front matter: a colon followed by a space inside a value starts a new key, which YAML does not allow here: put the whole value in quotes, for example title: \"Setup: the basics\"; if the line is a key of its own, indent it like the keys above it (YAML: mapping values are not allowed in this context)"])
        #expect(split("---\ntitle: \"open\n---\n").1.first?.hasPrefix("p.md:2:8: error: front matter: the quoted value that starts on line 2 is never closed: add the closing quote (YAML: found unexpected end of stream") == true)
    }

    @Test func wrongTypesAndRepeatedKeys() {
        #expect(split("---\nweight: heavy\n---\n").1 == ["p.md:2:9: error: front matter: 'weight' must be a whole number, found 'heavy'"])
        #expect(split("---\nweight: 1.5\n---\n").1 == ["p.md:2:9: warning: front matter: 'weight' 1.5 is not a whole number; it counts as 1, as in Hugo"])
        #expect(split("---\ntitle: [a]\n---\n").1 == ["p.md:2:8: error: front matter: 'title' must be text, found a list: write it on one line, as in title: Some text"])
        #expect(split("---\ntitle: a\ntitle: b\n---\n").1 == ["p.md:3:1: error: front matter: key 'title' appears twice"])
        #expect(split("---\n- a\n---\n").1 == ["p.md:2:1: error: front matter must be a mapping of keys to values"])
    }

    @Test func windowsLineEndingsAndByteOrderMark() {
        let (page, problems) = split("\u{FEFF}---\r\ntitle: Windows page\r\nweight: 2\r\n---  \r\n# Hello\r\n")
        #expect(problems.isEmpty)
        #expect(page.frontMatter.title == "Windows page")
        #expect(page.frontMatter.weight == 2)
        #expect(page.body == "# Hello\r\n")
        #expect(page.bodyLine == 5)
        // Positions still point at the right line.
        #expect(split("---\r\ntitle: a\r\nweight: x\r\n---\r\n").1 == ["p.md:3:9: error: front matter: 'weight' must be a whole number, found 'x'"])
    }

    @Test func closingLinesAndTOML() {
        #expect(split("---\ntitle: a\n...\nBody").0.body == "Body")
        #expect(split("+++\ntitle = \"T\"\n+++\nBody").0.frontMatter.title == "T")
        #expect(split("---\ntitle: a\n---").0.body == "")
        #expect(split("--- \ntitle: a\n--- \nB").0.frontMatter.title == "a")
        #expect(split("----\ntitle: a\n---\n").0.frontMatter.title == nil)
    }

    /// TOML values keep their own line and column (TOMLKit gave every value the first line).
    @Test func tomlProblemsPointAtTheValue() {
        // toml++ gives a table's keys in name order; the build sorts problems by position.
        #expect(split("+++\ntitle = \"T\"\n  weight = \"heavy\"\ndraft = 3\n+++\nBody").1.sorted() == [
            "p.md:3:12: error: front matter: 'weight' must be a whole number, found 'heavy'",
            "p.md:4:9: error: front matter: 'draft' must be true or false",
        ])
        let page = split("+++\ntitle = \"T\"\ndate = 2024-05-01T10:00:00Z\nweight = 3\naliases = [\"/a/\", \"/b/\"]\n[params]\nicon = \"x\"\n+++\nBody").0
        #expect(page.frontMatter.date == "2024-05-01T10:00:00Z")
        #expect(page.frontMatter.weight == 3)
        #expect(page.frontMatter.aliases == ["/a/", "/b/"])
    }

    @Test func unclosedFrontMatter() {
        #expect(split("---\ntitle: x\n").1 == ["p.md:1:1: error: front matter is not closed: add a line with '---' after it"])
    }
}

struct URLTests {
    @Test func prettyURLsAreLowerCasedWithHyphens() {
        #expect(URLPath.pretty("/Docs/My Page") == "/docs/my-page/")
        #expect(URLPath.pretty("/") == "/")
        #expect(URLPath.explicit("about") == "/about/")
        #expect(URLPath.explicit("/feed.xml") == "/feed.xml")
        #expect(URLPath.withSlug("/docs/a/", slug: "Better Name") == "/docs/better-name/")
        #expect(URLPath.outputFile(for: "/docs/a/") == "docs/a/index.html")
    }
}

/// toml++ asserts (and so aborts the whole process) on four kinds of malformed TOML, found by
/// fuzzing (Fuzz/regressions/frontmatter/, and 798 crashing inputs of two runs of libFuzzer on toml++
/// alone, all now errors); `TOMLGuard` catches them before toml++ sees them.
struct TOMLGuardTests {
    func problems(_ frontMatter: String) -> [String] {
        FrontMatterParser.split("+++\n" + frontMatter + "\n+++\nx\n", file: "p.md").1.map(\.description)
    }

    @Test func headersWithoutANameAreErrorsNotAborts() {
        let message = "error: front matter: a TOML table header needs a name after '[': a bare name (letters, digits, '_', '-') or a quoted one"
        #expect(problems("[{") == ["p.md:2:2: " + message])
        #expect(problems("[") == ["p.md:2:2: " + message])
        #expect(problems("[[") == ["p.md:2:3: " + message])
        #expect(problems("[[[") == ["p.md:2:3: " + message])
        #expect(problems("[#x") == ["p.md:2:2: " + message])
        #expect(problems("[é]") == ["p.md:2:2: " + message])
        #expect(problems("\u{FEFF}[ = 1") == ["p.md:2:3: " + message])  // the byte-order mark is no column
        #expect(problems("title = 'x'\n\n  [[ {") == ["p.md:4:6: " + message])
    }

    @Test func dateTimesWithoutATimeAndArraysWithABraceAreErrorsNotAborts() {
        #expect(problems("a = 2024-05-01T~10:00:00Z") == [
            "p.md:2:5: error: front matter: a TOML date-time needs a time after the 'T', such as 2024-05-01T10:00:00Z",
        ])
        #expect(problems("a = [2025-05-01 2]") == [
            "p.md:2:6: error: front matter: a TOML date and time need the whole time after the space, such as 2024-05-01 10:00:00",
        ])
        #expect(problems("a = [1, 2.5, }]") == ["p.md:2:14: error: front matter: a TOML array needs a value here, or ']' to end it"])
        #expect(problems("a = [\n  # note\n  }]") == ["p.md:4:3: error: front matter: a TOML array needs a value here, or ']' to end it"])
    }

    @Test func validTOMLIsLeftToTOMLPlusPlus() {
        #expect(problems("a = \"\"\"\n[{\n\"\"\"") == [])
        #expect(problems("a = [ # c\n[{x=1}]]") == [])
        #expect(problems("a = '''\n[\n'''\n[b]\nc = \"[{\"") == [])
        #expect(problems("[ \"quoted\" ]\n[[menu.main]]\nname = 'x'") == [])
        #expect(problems("d = 2024-05-01T10:00:00Z\ne = 2024-05-01 10:00:00\nf = [1, [2], {g = 3}]\n2024-05-01Tkey = 1") == [])
        // toml++'s own message, which is clear, for brackets that do not touch.
        #expect(problems("[ [a]]").first?.contains("brackets must be contiguous") == true)
    }
}

/// Every crash input the fuzzers saved (Fuzz/regressions/frontmatter/) is replayed: each must
/// give an error at a position, not abort the process.
struct FuzzRegressionTests {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../Fuzz/regressions/frontmatter").standardizedFileURL.path

    @Test func savedCrashInputsGiveErrors() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: Self.folder).filter { $0.hasPrefix("crash-") }.sorted()
        #expect(names.count >= 4)
        for name in names {
            let data = try #require(FileManager.default.contents(atPath: Self.folder + "/" + name))
            let (_, problems) = FrontMatterParser.split(String(decoding: data, as: UTF8.self), file: name)
            #expect(problems.count == 1, "\(name): \(problems)")
            #expect(problems.first?.location.line == 2, "\(name)")
        }
    }
}
