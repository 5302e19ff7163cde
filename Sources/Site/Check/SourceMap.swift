import Diagnostics
import Content
import Foundation

/// Maps a link found in a built page back to the Markdown file and line it came from, so link
/// findings point where the author can fix them. The HTML href is often not what the author wrote
/// (`ilink "/docs/x"` becomes `/docs/x/`), so the source is searched for the href, then for its
/// fragment, then for its last path segment.
public struct SourceMap: Sendable {
    private let pagesByOutput: [String: Page]
    private let rootPath: String

    public init(config: SiteConfig) {
        let (tree, _) = ContentLoader.load(.init(contentDir: config.contentPath, includeDrafts: config.includeDrafts, walk: config.folderWalk))
        self.init(pages: tree.pages, rootPath: config.rootPath)
    }

    init(pages: [Page], rootPath: String) {
        var map: [String: Page] = [:]
        for page in pages { map[page.outputPath] = page }
        pagesByOutput = map
        self.rootPath = rootPath
    }

    public func resolve(page output: String, link: String, occurrence: Int) -> (file: String, line: Int, column: Int)? {
        guard let page = pagesByOutput[output] else { return nil }
        var candidates = [link]
        if link.hasPrefix(rootPath) { candidates.append("/" + link.dropFirst(rootPath.count)) }
        if let hash = link.firstIndex(of: "#") { candidates.append(String(link[hash...])) }
        let path = link.split(separator: "#").first.map(String.init) ?? link
        if let last = path.split(separator: "/").last, last.count > 2 { candidates.append(String(last)) }
        // The body's own bytes, not a copy: copying a page per finding showed in `build --check`.
        let search = { (body: UnsafeBufferPointer<UInt8>) -> (file: String, line: Int, column: Int) in
            for candidate in candidates where !candidate.isEmpty {
                let hits = Self.positions(of: Array(candidate.utf8), in: body)
                if !hits.isEmpty {
                    let hit = hits[min(occurrence, hits.count - 1)]
                    return (page.sourceFile, page.bodyLine + hit.line, hit.column)
                }
            }
            return (page.sourceFile, page.bodyLine, 1)
        }
        if let found = page.body.utf8.withContiguousStorageIfAvailable(search) { return found }
        return Array(page.body.utf8).withUnsafeBufferPointer(search)
    }

    static func lineOffsets(of needle: [UInt8], in text: [UInt8]) -> [Int] {
        text.withUnsafeBufferPointer { lineOffsets(of: needle, in: $0) }
    }

    /// The 0-based line numbers of the lines that contain `needle`, each line once.
    static func lineOffsets(of needle: [UInt8], in text: UnsafeBufferPointer<UInt8>) -> [Int] {
        positions(of: needle, in: text).map(\.line)
    }

    /// The first place `needle` is on each line that has it: the 0-based line and the 1-based
    /// column. A byte scan, because Foundation's substring search is slow enough to show in
    /// `build --check`.
    static func positions(of needle: [UInt8], in text: UnsafeBufferPointer<UInt8>) -> [(line: Int, column: Int)] {
        guard !needle.isEmpty, needle.count <= text.count, let base = text.baseAddress else { return [] }
        var lines: [(line: Int, column: Int)] = []
        var counter = LineCounter(text)
        var from = 0
        // memmem finds each occurrence (vectorised; this runs for every finding of
        // `build --check`), and the shared counter walks forward to it.
        while from + needle.count <= text.count,
              let hit = needle.withUnsafeBytes({ findBytes(base + from, text.count - from, $0.baseAddress!, needle.count) }) {
            let offset = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
            let position = counter.position(of: offset)
            if lines.last?.line != position.line - 1 { lines.append((position.line - 1, position.column)) }
            from = offset + 1
        }
        return lines
    }
}

// glibc's memmem is not in Swift's Glibc module.
@_silgen_name("memmem")
private func findBytes(_ haystack: UnsafeRawPointer, _ haystackLength: Int,
                       _ needle: UnsafeRawPointer, _ needleLength: Int) -> UnsafeMutableRawPointer?
