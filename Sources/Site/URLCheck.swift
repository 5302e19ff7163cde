import Content
import Diagnostics

/// Problems with where pages would be written: two pages at one URL, or a path that leaves the
/// output folder.
enum URLCheck {
    static func collisions(in tree: ContentTree) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        var owner: [String: Page] = [:]
        for page in tree.pages {
            let output = page.outputPath
            guard SafePath.relative(output) != nil || output == "index.html" else {
                diagnostics.append(.error(page.sourceFile, 1, 1, "the URL '\(page.url)' would be written outside the output folder"))
                continue
            }
            if let first = owner[output] {
                if page.isImplicit { continue }
                if first.isImplicit { owner[output] = page; continue }
                diagnostics.append(.error(page.sourceFile, 1, 1, "two pages have the URL \(page.url): this one and \(first.sourceFile)"))
            } else {
                owner[output] = page
            }
        }
        return diagnostics
    }

    /// The aliases to write (each output path once) and the problems found.
    static func aliases(_ aliases: [(alias: String, page: Page)], tree: ContentTree) -> ([(alias: String, page: Page)], [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        var kept: [(alias: String, page: Page)] = []
        let pageOutputs = Dictionary(tree.pages.map { ($0.outputPath, $0) }, uniquingKeysWith: { a, _ in a })
        var seen: [String: Page] = [:]
        for (alias, page) in aliases {
            let output = Redirects.outputFile(for: alias)
            if SafePath.relative(output) == nil {
                diagnostics.append(.error(page.sourceFile, 1, 1, "alias '\(alias)' would be written outside the output folder"))
            } else if let other = pageOutputs[output] {
                diagnostics.append(.error(page.sourceFile, 1, 1, "alias '\(alias)' is the URL of the page \(other.sourceFile)"))
            } else if let other = seen[output], other.sourceFile != page.sourceFile {
                // Hugo lets the last page written win; docgen keeps the first and warns.
                diagnostics.append(Diagnostic(.warning, at: SourceLocation(file: page.sourceFile, line: 1, column: 1),
                    "alias '\(alias)' is also an alias of \(other.sourceFile), which keeps it"))
                continue
            }
            if seen[output] == nil { kept.append((alias, page)) }
            seen[output] = page
        }
        return (kept, diagnostics)
    }
}
