// The byte-level shortcuts for page paths, each against the plain definition it stands in for.
import Foundation
import Testing
@testable import Content

@Suite struct PathShortcutTests {
    private static let pieces = ["docs", "Docs", "a", "my page", "x.md", ".", "..", "", "é", "ÉTÉ", "/", "_index"]

    private static func randomPath(_ generator: inout SystemRandomNumberGenerator) -> String {
        var path = "/"
        for _ in 0..<Int.random(in: 0...4, using: &generator) {
            path += pieces.randomElement(using: &generator)! + (Bool.random(using: &generator) ? "/" : "")
        }
        return path
    }

    @Test func lookupKeyEqualsNormalizedLowercasedPath() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<4000 {
            let path = Self.randomPath(&generator)
            #expect(ContentTree.lookupKey(path) == ContentTree.normalize(path).lowercased(), "\(path)")
        }
    }

    @Test func urlizeLowercasesAndHyphenatesSpaces() {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<2000 {
            let segment = Self.randomPath(&generator)
            #expect(URLPath.urlize(segment) == segment.lowercased().replacingOccurrences(of: " ", with: "-"), "\(segment)")
        }
        #expect(URLPath.urlize("My Page") == "my-page")
        #expect(URLPath.urlize("ÉTÉ 2") == "été-2")
    }

    @Test func pathHelpersSplitAtTheLastSlash() {
        #expect(parentDir("docs/é/a.md") == "docs/é")
        #expect(lastComponent("docs/é/a.md") == "a.md")
        #expect(parentDir("a.md") == "")
        #expect(lastComponent("a.md") == "a.md")
    }
}
