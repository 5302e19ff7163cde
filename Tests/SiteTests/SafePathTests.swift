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
