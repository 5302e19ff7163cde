import Basics
import Content
import Diagnostics
import Foundation
import Rendering

/// Hugo changed how heading ids are made; a `#fragment` written for one rule set can silently
/// point at another heading under the other. This finds the links on the site where that happens.
enum HeadingRuleChanges {
    static func warnings(pages: [Page], rendered: [RenderedPage], rules: HeadingIDRules, rootPath: String) -> [Diagnostic] {
        let byURL = Dictionary(pages.enumerated().map { ($1.url, $0) }, uniquingKeysWith: { _, last in last })
        let other: HeadingIDRules = rules == .hugo0110 ? .hugoCurrent : .hugo0110
        // Every page's links are scanned, so the pages are shared out over the cores.
        return parallelMap(Array(pages.indices)) { i -> [Diagnostic] in
            let page = pages[i]
            var diagnostics: [Diagnostic] = []
            for href in rendered[i].fragmentLinks {
                guard let hash = href.firstIndex(of: "#") else { continue }
                let path = String(href[..<hash])
                let fragment = String(href[href.index(after: hash)...])
                guard let target = path.isEmpty ? i : resolve(path, rootPath: rootPath, byURL: byURL) else { continue }
                let headings = rendered[target].headings
                let now = headings.firstIndex { $0.id == fragment }
                let then = headings.firstIndex { $0.alternateID == fragment }
                guard now != then, let now else { continue }
                let elsewhere = then.map { describe(headings, $0) } ?? "no heading"
                let line = sourceLine(of: "#" + fragment, in: page)
                diagnostics.append(Diagnostic(.warning, at: SourceLocation(file: page.sourceFile, line: line, column: 1),
                    "link #\(fragment) points at \(describe(headings, now)) under \(rules.rawValue) rules but at \(elsewhere) under \(other.rawValue) rules"))
            }
            return diagnostics
        }.flatMap { $0 }
    }

    /// "Create a bucket" alone is ambiguous on a page with four of them; the enclosing heading is not.
    static func describe(_ headings: [RenderedHeading], _ k: Int) -> String {
        let parent = headings[..<k].last { $0.level < headings[k].level }
        return "\"\(headings[k].text)\"" + (parent.map { " (in \"\($0.text)\")" } ?? "")
    }

    /// `href` values that carry a fragment, from rendered content; a byte scan, as it runs on every page.
    static func fragmentLinks(in html: String) -> [String] {
        var links: [String] = []
        var html = html
        html.withUTF8 { bytes in
            // Only links with a `#` matter, and most pages have few: find each `#`, then check
            // that it sits inside an href="…" value.
            var i = 0
            while i < bytes.count {
                guard let found = byteIndex(of: UInt8(ascii: "#"), in: bytes, from: i) else { break }
                i = found
                var start = i
                while start > 0, bytes[start - 1] != UInt8(ascii: "\""), bytes[start - 1] != UInt8(ascii: ">"),
                      bytes[start - 1] != UInt8(ascii: "\n") { start -= 1 }
                var end = i
                while end < bytes.count, bytes[end] != UInt8(ascii: "\"") { end += 1 }
                defer { i = end + 1 }
                guard start >= 6, bytes[start - 1] == UInt8(ascii: "\""), end < bytes.count,
                      bytes[start - 6] == UInt8(ascii: "h"), bytes[start - 5] == UInt8(ascii: "r"),
                      bytes[start - 4] == UInt8(ascii: "e"), bytes[start - 3] == UInt8(ascii: "f"),
                      bytes[start - 2] == UInt8(ascii: "=") else { continue }
                let href = String(decoding: bytes[start..<end], as: UTF8.self)
                guard !hasSchemeSeparator(href) else { continue }
                let escaped = bytes[start..<end].contains(UInt8(ascii: "&"))
                links.append(escaped ? href.replacingOccurrences(of: "&amp;", with: "&") : href)
            }
        }
        return links
    }

    static func resolve(_ path: String, rootPath: String, byURL: [String: Int]) -> Int? {
        guard path.hasPrefix(rootPath) else { return nil }
        var url = "/" + path.dropFirst(rootPath.count)
        if !url.hasSuffix("/") && !url.hasSuffix(".html") { url += "/" }
        return byURL[url]
    }

    /// The first line of the page's source that mentions the fragment, so the warning points at the link.
    static func sourceLine(of needle: String, in page: Page) -> Int {
        var body = String(page.body)
        let first = body.withUTF8 { SourceMap.lineOffsets(of: Array(needle.utf8), in: $0).first }
        return page.bodyLine + (first ?? 0)
    }
}
