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
                diagnostics.append(urlProblem(page, unsafeReason("the URL '\(page.url)'", output)))
                continue
            }
            if let first = owner[output] {
                if page.isImplicit { continue }
                if first.isImplicit { owner[output] = page; continue }
                diagnostics.append(urlProblem(page, "two pages have the URL \(page.url): this one and \(first.sourceFile)"))
            } else {
                owner[output] = page
            }
        }
        // A copied file wins over a page written to the same place (as it is copied after the
        // pages), so the page would be lost without a word.
        for file in tree.files {
            guard let page = owner[file.destination] else { continue }
            let what = page.isImplicit ? "the list page docgen makes for the section \(page.url)" : "the page \(page.url) (\(page.sourceFile))"
            diagnostics.append(Diagnostic(.warning, at: SourceLocation(file: file.source),
                                          "this file is copied to \(file.destination), where \(what) is written, and replaces it: rename or move one of the two"))
        }
        return diagnostics
    }

    /// Why `SafePath` refused an output path, in the writer's terms.
    static func unsafeReason(_ what: String, _ output: String) -> String {
        if output.utf8.contains(0) { return "\(what) holds a NUL character, which no file name may have" }
        if output.utf8.contains(UInt8(ascii: "\\")) {
            return "\(what) holds a backslash, which servers on Windows read as a folder separator; rename the file or use 'url:'"
        }
        return "\(what) would be written outside the output folder"
    }

    /// The aliases to write (each output path once) and the problems found.
    static func aliases(_ aliases: [(alias: String, page: Page)], tree: ContentTree) -> ([(alias: String, page: Page)], [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        var kept: [(alias: String, page: Page)] = []
        let pageOutputs = Dictionary(tree.pages.map { ($0.outputPath, $0) }, uniquingKeysWith: { a, _ in a })
        var seen: [String: Page] = [:]
        for (alias, page) in aliases {
            let output = Redirects.outputFile(for: alias, of: page.url)
            if SafePath.relative(output) == nil {
                diagnostics.append(Diagnostic(.error, at: aliasLocation(alias, of: page), unsafeReason("alias '\(alias)'", output)))
            } else if let other = pageOutputs[output] {
                diagnostics.append(Diagnostic(.error, at: aliasLocation(alias, of: page), "alias '\(alias)' is the URL of the page \(other.sourceFile)"))
            } else if let other = seen[output], other.sourceFile != page.sourceFile {
                // Hugo lets the last page written win; docgen keeps the first and warns.
                diagnostics.append(Diagnostic(.warning, at: aliasLocation(alias, of: page),
                    "alias '\(alias)' is also an alias of \(other.sourceFile), which keeps it"))
                continue
            }
            if seen[output] == nil { kept.append((alias, page)) }
            seen[output] = page
        }
        return (kept, diagnostics)
    }

    /// A URL problem belongs on the `url` or `slug` line that made the URL; without either, the
    /// file's own path made it, so the problem is at the top of the file.
    static func urlProblem(_ page: Page, _ message: String) -> Diagnostic {
        let position = page.frontMatter.positions["url"] ?? page.frontMatter.positions["slug"] ?? (line: 1, column: 1)
        return Diagnostic(.error, at: SourceLocation(file: page.sourceFile, line: position.line, column: position.column), message)
    }

    static func aliasLocation(_ alias: String, of page: Page) -> SourceLocation {
        let index = page.frontMatter.aliases.firstIndex(of: alias)
        let position = index.flatMap { $0 < page.frontMatter.aliasPositions.count ? page.frontMatter.aliasPositions[$0] : nil } ?? (line: 1, column: 1)
        return SourceLocation(file: page.sourceFile, line: position.line, column: position.column)
    }
}
