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
        let (tree, _) = ContentLoader.load(.init(contentDir: config.contentPath, includeDrafts: config.includeDrafts))
        self.init(pages: tree.pages, rootPath: config.rootPath)
    }

    init(pages: [Page], rootPath: String) {
        var map: [String: Page] = [:]
        for page in pages { map[page.outputPath] = page }
        pagesByOutput = map
        self.rootPath = rootPath
    }

    public func resolve(page output: String, link: String, occurrence: Int) -> (file: String, line: Int)? {
        guard let page = pagesByOutput[output] else { return nil }
        var candidates = [link]
        if link.hasPrefix(rootPath) { candidates.append("/" + link.dropFirst(rootPath.count)) }
        if let hash = link.firstIndex(of: "#") { candidates.append(String(link[hash...])) }
        let path = link.split(separator: "#").first.map(String.init) ?? link
        if let last = path.split(separator: "/").last, last.count > 2 { candidates.append(String(last)) }
        let lines = page.body.split(separator: "\n", omittingEmptySubsequences: false)
        for candidate in candidates where !candidate.isEmpty {
            let hits = lines.indices.filter { lines[$0].contains(candidate) }
            if !hits.isEmpty { return (page.sourceFile, page.bodyLine + hits[min(occurrence, hits.count - 1)]) }
        }
        return (page.sourceFile, page.bodyLine)
    }
}
