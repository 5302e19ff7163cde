// The byte-level scanners that replaced String searches on the hot path, each against its
// plain definition.
import Testing
@testable import Site

struct SafePathTests {
    @Test(arguments: [
        ("docs/a/index.html", "docs/a/index.html"),
        ("/docs/a/", "docs/a"),
        ("docs//a/./b.html", "docs/a/b.html"),
        ("./x.html", "x.html"),
        ("a/.../b", "a/.../b"),
        (".hidden/x", ".hidden/x"),
        ("a/b.", "a/b."),
    ])
    func cleanPaths(path: String, expected: String) {
        #expect(SafePath.relative(path) == expected)
    }

    @Test(arguments: ["", "/", ".", "./", "../x", "a/../../x", "a/..", "a\\b", "a\u{0}b", "docs/a\u{0}"])
    func pathsThatEscapeOrAreNotPathsAreRefused(path: String) {
        #expect(SafePath.relative(path) == nil)
    }
}

struct FragmentLinkScanTests {
    @Test func onlyHrefValuesWithAFragmentAreFound() {
        let html = """
        <p>C# is a language; <a href="/docs/x/#setup">x</a> <a href="#top">top</a>
        <a id="not#href" href="/plain/">plain</a> <a href="https://example.com/#frag">ext</a>
        <a href="/q/?a=1&amp;b=2#end">q</a><img src="/i.png#x"></p>
        """
        #expect(HeadingRuleChanges.fragmentLinks(in: html) == ["/docs/x/#setup", "#top", "/q/?a=1&b=2#end"])
    }
}

struct IndentScanTests {
    /// The byte scan must agree with the plain Character-based definition on every kind of line.
    @Test func byteScanAgreesWithTheCharacterDefinition() {
        func reference(_ text: String) -> Int? {
            let lines = text.split(separator: "\n", omittingEmptySubsequences: false).dropFirst()
            return lines.filter { !$0.allSatisfy { $0 == " " || $0 == "\t" } }.map { $0.prefix { $0 == " " }.count }.min()
        }
        var generator = SystemRandomNumberGenerator()
        let alphabet: [Character] = [" ", " ", "\t", "x", "\n", "\n", "é"]
        for _ in 0..<2_000 {
            let text = String((0..<Int.random(in: 0...24, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! })
            #expect(smallestIndent(afterFirstLineOf: text) == reference(text), "\(text.debugDescription)")
        }
        #expect(smallestIndent(afterFirstLineOf: "a\n    b\n  c\n\t d\n   \n") == 0)
        #expect(smallestIndent(afterFirstLineOf: "a\n    b\n  c\n") == 2)
        #expect(smallestIndent(afterFirstLineOf: "a\r\n  b\r\n") == reference("a\r\n  b\r\n"))
    }
}

struct LineOffsetScanTests {
    @Test func memmemScanAgreesWithTheLineByLineDefinition() {
        func reference(_ needle: String, _ text: String) -> [Int] {
            text.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
                .filter { $0.element.utf8.count >= needle.utf8.count && String($0.element).contains(needle) }.map(\.offset)
        }
        var generator = SystemRandomNumberGenerator()
        let alphabet: [Character] = ["a", "b", "\n", "a", "#"]
        for _ in 0..<2_000 {
            let text = String((0..<Int.random(in: 0...30, using: &generator)).map { _ in alphabet.randomElement(using: &generator)! })
            let needle = String((0..<Int.random(in: 1...3, using: &generator)).map { _ in ["a", "b", "#"].randomElement(using: &generator)! })
            #expect(SourceMap.lineOffsets(of: Array(needle.utf8), in: Array(text.utf8)) == reference(needle, text),
                    "\(needle.debugDescription) in \(text.debugDescription)")
        }
    }
}

struct SchemeSeparatorTests {
    @Test(arguments: [("https://x", true), ("a:/b", false), ("::/", false), ("a://", true), (":://", true),
                      ("/docs/a", false), ("x:/:/", false), ("", false), ("é://", true), (":/ /", false)])
    func findsColonSlashSlash(text: String, expected: Bool) {
        #expect(hasSchemeSeparator(text) == expected)
        #expect(hasSchemeSeparator(text) == text.contains("://"))
    }
}
