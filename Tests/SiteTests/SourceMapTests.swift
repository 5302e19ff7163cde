import Testing
@testable import Site

struct SourceMapTests {
    @Test func linesThatContainANeedleAreCountedOnce() {
        let text = Array("a link\nno\nlink link\n\nlast link".utf8)
        #expect(SourceMap.lineOffsets(of: Array("link".utf8), in: text) == [0, 2, 4])
        #expect(SourceMap.lineOffsets(of: Array("absent".utf8), in: text) == [])
        #expect(SourceMap.lineOffsets(of: Array("a".utf8), in: Array("a".utf8)) == [0])
    }
}
