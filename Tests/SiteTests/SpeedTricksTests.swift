import Foundation
import Testing
@testable import Site

/// The three reference sites (the small fixture site with its own templates, this project's docs
/// with the default theme, the CVAT corpus) built with every speed trick and with none, compared
/// file by file: the tricks may change how fast, never what.
@Suite struct SpeedTricksTests {
    /// Whole sites, built with the speed tricks (`Site/Speed`) and without: every file the same.
    static func expectSameSiteWithoutSpeedTricks(_ settings: SiteConfig) throws -> Int {
        var outputs: [[String: [UInt8]]] = []
        for tricks in [true, false] {
            var settings = settings
            settings.destination = temporaryFolder("docgen-tricks")
            defer { try? FileManager.default.removeItem(atPath: settings.destinationPath) }
            let report = SiteBuilder.build(settings, speedTricks: tricks)
            #expect(!report.diagnostics.hasErrors)
            outputs.append(snapshot(settings.destinationPath))
        }
        let differ = outputs[0].filter { outputs[1][$0.key] != $0.value }.keys.sorted()
        #expect(differ.isEmpty, "files that differ: \(differ.prefix(10))")
        #expect(Set(outputs[0].keys) == Set(outputs[1].keys))
        return outputs[0].keys.filter { $0.hasSuffix(".html") }.count
    }

    @Test func fixtureSitesBuildTheSameWithoutSpeedTricks() throws {
        // The small site with its own templates, and docgen's own manual with the defaults.
        let manual = URL(fileURLWithPath: Fixtures.root + "/../../..").standardizedFileURL.path
        for site in [Fixtures.path("small-site"), manual] {
            #expect(try Self.expectSameSiteWithoutSpeedTricks(config(source: site, destination: "")) > 5)
        }
    }

    @Test(.enabled(if: Fixtures.sharedAvailable, "../shared is absent: the CVAT corpus is not available"))
    func cvatCorpusBuildsTheSameWithoutSpeedTricks() throws {
        var settings = config(source: HugoCorpusTests.corpus, destination: "")
        settings.contentDir = "content/en"
        settings.templatesDir = Fixtures.path("cvat-shortcodes")
        let pages = try Self.expectSameSiteWithoutSpeedTricks(settings)
        print("with and without the speed tricks: \(pages) HTML files compared")
        #expect(pages > 300)
    }
}
