// The byte-level shortcuts of link resolution, each against the general code it stands in for.
import Testing
@testable import LinkCheck

@Suite struct PathFastPathTests {
    /// Every path the shortcut accepts must come out as the general segment walk has it.
    @Test(arguments: ["/", "/docs/"])
    func plainSiteAbsolutePathsAgreeWithTheSegmentWalk(rootPath: String) {
        let resolver = PathResolver(files: SiteFiles(paths: []), rootPath: rootPath)
        let pieces = ["docs", "a", "b.png", ".", "..", "%20", "", "x y", "é", ".hidden", "a.b", "/"]
        var generator = SystemRandomNumberGenerator()
        var accepted = 0
        for _ in 0..<4000 {
            let count = Int.random(in: 0...4, using: &generator)
            var path = rootPath
            for _ in 0..<count { path += pieces.randomElement(using: &generator)! + (Bool.random(using: &generator) ? "/" : "") }
            guard let fast = resolver.plainSiteAbsolute(path[...]) else { continue }
            accepted += 1
            let general = resolver.segments(of: path[...], from: "")
            #expect(general.map { $0.0.joined(separator: "/") } == fast.relative, "\(path)")
            #expect(general?.1 == fast.namesFolder, "\(path)")
        }
        #expect(accepted > 500)
    }

    @Test func pathsTheShortcutLeavesToTheSegmentWalk() {
        let resolver = PathResolver(files: SiteFiles(paths: []), rootPath: "/docs/")
        for path in ["/docs/a/../b", "/docs/./a", "/docs//a", "/docs/a%20b", "/docs/.well-known/x", "/other/a", "docs/a", "/docs"] {
            #expect(resolver.plainSiteAbsolute(path[...]) == nil, "\(path)")
        }
        #expect(resolver.plainSiteAbsolute("/docs/a/b/"[...])! == ("a/b", true))
        #expect(resolver.plainSiteAbsolute("/docs/a/b.html"[...])! == ("a/b.html", false))
        #expect(resolver.plainSiteAbsolute("/docs/"[...])! == ("", true))
    }

    @Test func siteFilesFromPathsImplyEveryFolder() {
        let files = SiteFiles(paths: ["docs/a/index.html", "docs/a/img/x.PNG", "index.HTM", "docs/b/page.html", "é/f.txt"])
        #expect(files.folders == ["", "docs", "docs/a", "docs/a/img", "docs/b", "é"])
        #expect(files.pages == ["docs/a/index.html", "docs/b/page.html", "index.HTM"])
    }

    @Test(arguments: [("a.html", true), ("A.HTML", true), ("x.Htm", true), ("html", false), (".htm", true),
                      ("a.htmlx", false), ("a.xhtml", false), ("é.html", true), ("", false), ("htm", false)])
    func htmlNamesAreRecognisedInAnyCase(name: String, isHTML: Bool) {
        #expect(SiteFiles.isHTML(name) == isHTML)
    }
}
