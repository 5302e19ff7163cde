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

    static func aliasProblems(_ aliases: [(alias: String, page: Page)], tree: ContentTree) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        let pageOutputs = Dictionary(tree.pages.map { ($0.outputPath, $0) }, uniquingKeysWith: { a, _ in a })
        var seen: [String: Page] = [:]
        for (alias, page) in aliases {
            let output = Redirects.outputFile(for: alias)
            if SafePath.relative(output) == nil {
                diagnostics.append(.error(page.sourceFile, 1, 1, "alias '\(alias)' would be written outside the output folder"))
            } else if let other = pageOutputs[output] {
                diagnostics.append(.error(page.sourceFile, 1, 1, "alias '\(alias)' is the URL of the page \(other.sourceFile)"))
            } else if let other = seen[output], other.sourceFile != page.sourceFile {
                diagnostics.append(.error(page.sourceFile, 1, 1, "alias '\(alias)' is also an alias of \(other.sourceFile)"))
            }
            seen[output] = page
        }
        return diagnostics
    }
}
