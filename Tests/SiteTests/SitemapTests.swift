import Foundation
import Testing
@testable import Site

/// sitemap.xml lists absolute addresses or is not written, with a warning that says why.
@Suite struct SitemapTests {
    func build(yaml: String?) throws -> (sitemap: String?, problems: [String]) {
        let root = temporaryFolder("docgen-sitemap")
        defer { try? FileManager.default.removeItem(atPath: root) }
        try FileManager.default.createDirectory(atPath: root + "/content", withIntermediateDirectories: true)
        try "---\ntitle: Home\ndate: 2024-05-01\n---\nHello.\n".write(toFile: root + "/content/_index.md", atomically: true, encoding: .utf8)
        try "---\ntitle: Guide\n---\nText.\n".write(toFile: root + "/content/guide.md", atomically: true, encoding: .utf8)
        if let yaml { try yaml.write(toFile: root + "/docgen.yaml", atomically: true, encoding: .utf8) }
        var (config, problems) = SiteConfig.load(source: root)
        #expect(problems.isEmpty)
        config.destination = root + "/public"
        let report = SiteBuilder.build(config, defaults: EmbeddedTemplates.files)
        return (try? String(contentsOfFile: root + "/public/sitemap.xml", encoding: .utf8),
                report.diagnostics.map { $0.description.replacingOccurrences(of: root, with: "SITE") })
    }

    @Test func anAbsoluteBaseGivesAbsoluteAddresses() throws {
        let (sitemap, problems) = try build(yaml: "baseURL: https://docs.example.com/manual/\n")
        #expect(problems == [])
        #expect(sitemap?.contains("<loc>https://docs.example.com/manual/</loc>\n    <lastmod>2024-05-01</lastmod>") == true, "\(sitemap ?? "none")")
        #expect(sitemap?.contains("<loc>https://docs.example.com/manual/guide/</loc>") == true)
    }

    @Test func aBaseThatIsOnlyAPathLeavesTheSitemapOutAndSaysWhy() throws {
        for yaml in [nil, "baseURL: /\n", "baseURL: /docs/\n"] {
            let (sitemap, problems) = try build(yaml: yaml)
            #expect(sitemap == nil)
            #expect(problems.count == 1)
            // At docgen.yaml when there is one, since that is where it is fixed; else at the site.
            let at = yaml == nil ? "SITE" : "SITE/docgen.yaml"
            #expect(problems.first?.hasPrefix("\(at): warning: sitemap.xml is not written: a sitemap must list absolute addresses, and baseURL '\(yaml == "baseURL: /docs/\n" ? "/docs/" : "/")' is only a path.") == true, "\(problems)")
        }
    }

    @Test func sitemapFalseLeavesItOutQuietly() throws {
        let (sitemap, problems) = try build(yaml: "sitemap: false\n")
        #expect(sitemap == nil)
        #expect(problems == [])
        let (kept, _) = try build(yaml: "baseURL: https://x.example/\nsitemap: true\n")
        #expect(kept != nil)
    }

    @Test func aSitemapSettingThatIsNotTrueOrFalseIsAnError() throws {
        let root = temporaryFolder("docgen-sitemap")
        defer { try? FileManager.default.removeItem(atPath: root) }
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        try "sitemap: maybe\nsitemaps: true\n".write(toFile: root + "/docgen.yaml", atomically: true, encoding: .utf8)
        let (_, problems) = SiteConfig.load(source: root)
        #expect(problems.map { $0.description.replacingOccurrences(of: root, with: "SITE") } == [
            "SITE/docgen.yaml:1:10: error: 'sitemap' must be true or false",
            "SITE/docgen.yaml:2:1: error: unknown setting 'sitemaps'; known: title, baseURL, contentDir, templatesDir, destination, drafts, headingIDs, params, search, sitemap, highlight; did you mean 'sitemap'?",
        ])
    }
}
