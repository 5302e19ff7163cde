import Foundation
import Basics
@testable import Site

enum Fixtures {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures").path
    static func path(_ name: String) -> String { root + "/" + name }

    /// `../shared` beside the repository, which CI provides; tests that need it skip without it.
    static let shared = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../../shared").standardizedFileURL.path
    static var sharedAvailable: Bool { FileManager.default.fileExists(atPath: shared + "/seeds") }
}

/// A fresh folder under the system temporary folder, removed by the caller.
func temporaryFolder(_ label: String = "docgen-test") -> String {
    let path = NSTemporaryDirectory() + "\(label)-\(UUID().uuidString)"
    try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
}

/// A site folder holding these files (paths from the site root); removed by the caller.
func siteFolder(_ files: [String: String], label: String = "docgen-site") throws -> String {
    let root = temporaryFolder(label)
    for (path, text) in files {
        let file = root + "/" + path
        try FileManager.default.createDirectory(atPath: (file as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try text.write(toFile: file, atomically: true, encoding: .utf8)
    }
    return root
}

/// A copy of a fixture site at `parent/site`, for tests that change it; returns its path.
func copyOfFixture(_ name: String, in parent: String) throws -> String {
    let site = parent + "/site"
    try FileManager.default.copyItem(atPath: Fixtures.path(name), toPath: site)
    return site
}

/// Every file under a folder (hidden ones too) with its contents, for comparing whole sites.
/// Bytes rather than `Data`: LeakSanitizer cannot follow the pointer a large `Data` keeps in its
/// packed representation, so a `Data` still alive when the test process exits is reported as a
/// 2 MB leak (a 3-line program shows the same).
func snapshot(_ folder: String) -> [String: [UInt8]] {
    var result: [String: [UInt8]] = [:]
    for path in FolderWalk(allowedRoots: [folder], includeHidden: true).files(under: folder).files {
        result[path] = try? readFile(folder + "/" + path).get()
    }
    return result
}

func config(source: String, destination: String) -> SiteConfig {
    var (config, problems) = SiteConfig.load(source: source)
    precondition(problems.isEmpty, "\(problems)")
    config.destination = destination
    // Most test sites have no address, which leaves the sitemap out with a warning; the tests of
    // that warning (SitemapTests) build with it on, the others without the noise.
    if !config.hasAbsoluteBase { config.sitemap = false }
    return config
}

/// HTML of Hugo's and of docgen's, reduced to what a browser shows the same either way: Chroma's
/// colouring spans and Prism's token spans (and how each escapes code), whitespace between tags outside `<pre>`, `<img />` against `<img>`, and the
/// entities goldmark writes for typographic characters (cmark-gfm writes the characters).
func comparableHTML(_ html: String) -> String {
    var text = replacing("(?s)<div class=\"highlight\">.*?</code></pre></div>", in: html) { block in
        // Chroma escapes quotes and `>` in code; Prism, as docgen, only `&` and `<`.
        replacing("<span[^>]*>|</span>| (tabindex|style)=\"[^\"]*\"| class=\"chroma\"", in: block) { _ in "" }
            .replacingOccurrences(of: "&#34;", with: "\"").replacingOccurrences(of: "&quot;", with: "\"")
            .replacingOccurrences(of: "&#39;", with: "'").replacingOccurrences(of: "&gt;", with: ">")
    }
    for (entity, character) in [("&rsquo;", "\u{2019}"), ("&lsquo;", "\u{2018}"), ("&ldquo;", "\u{201C}"), ("&rdquo;", "\u{201D}"),
                                ("&hellip;", "\u{2026}"), ("&ndash;", "\u{2013}"), ("&mdash;", "\u{2014}"), ("&#39;", "'"), (" />", ">")] {
        text = text.replacingOccurrences(of: entity, with: character)
    }
    // Whitespace between and around tags counts for nothing, except in code.
    text = replacing("(?s)(<pre.*?</pre>)|[ \t\n]+", in: text) { $0.hasPrefix("<pre") ? $0 : " " }
    return text.replacingOccurrences(of: "> <", with: "><").trimmingCharacters(in: .whitespaces)
}

/// Every match of a regular expression replaced by what `replacement` makes of it.
func replacing(_ pattern: String, in text: String, with replacement: (String) -> String) -> String {
    let regex = try! NSRegularExpression(pattern: pattern)
    var result = "", last = text.startIndex
    for match in regex.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
        let range = Range(match.range, in: text)!
        result += text[last..<range.lowerBound] + replacement(String(text[range]))
        last = range.upperBound
    }
    return result + text[last...]
}
