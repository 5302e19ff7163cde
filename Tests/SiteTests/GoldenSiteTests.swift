import Foundation
import Testing
@testable import Site

/// The small fixture site, built with its own templates, must match the committed output file by
/// file. After an intended change run `make golden` and review the diff of Fixtures/small-site-golden.
struct GoldenSiteTests {
    @Test func smallSiteMatchesGoldenFiles() throws {
        let out = temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: out) }
        let report = SiteBuilder.build(config(source: Fixtures.path("small-site"), destination: out), defaults: [:])
        #expect(report.diagnostics.isEmpty, "\(report.diagnostics)")
        #expect(report.pages == 6)
        #expect(report.aliases == 2)

        matchGoldenFiles(snapshot(out), golden: Fixtures.path("small-site-golden"))
    }

    /// The same site with docgen's built-in layouts (only its shortcodes kept): the HTML of the
    /// default templates, which `docgen build` uses for any site without its own.
    @Test func defaultTemplatesMatchGoldenFiles() throws {
        let work = temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: work) }
        let site = try copyOfFixture("small-site", in: work)
        for name in try FileManager.default.contentsOfDirectory(atPath: site + "/templates") where name != "shortcodes" {
            try FileManager.default.removeItem(atPath: site + "/templates/" + name)
        }
        let report = SiteBuilder.build(config(source: site, destination: work + "/out"))
        #expect(report.diagnostics.isEmpty, "\(report.diagnostics)")
        let pages = snapshot(work + "/out").filter { $0.key.hasSuffix(".html") }
        matchGoldenFiles(pages, golden: Fixtures.path("small-site-default-golden"))
    }

    /// Compares built files with a golden folder, or rewrites the folder under `make golden`.
    private func matchGoldenFiles(_ built: [String: [UInt8]], golden: String) {
        if ProcessInfo.processInfo.environment["DOCGEN_UPDATE_GOLDEN"] == "1" {
            try? FileManager.default.removeItem(atPath: golden)
            for (path, data) in built {
                let target = golden + "/" + path
                try? FileManager.default.createDirectory(atPath: (target as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
                FileManager.default.createFile(atPath: target, contents: Data(data))
            }
        }
        let expected = snapshot(golden)
        #expect(built.keys.sorted() == expected.keys.sorted())
        for (path, data) in expected {
            let actual = built[path].map { String(decoding: $0, as: UTF8.self) } ?? "(missing)"
            let expectedText = String(decoding: data, as: UTF8.self)
            if actual != expectedText {
                // Name the first line that differs, so a failure in CI says what changed.
                let a = actual.split(separator: "\n", omittingEmptySubsequences: false)
                let e = expectedText.split(separator: "\n", omittingEmptySubsequences: false)
                let n = (0..<min(a.count, e.count)).first { a[$0] != e[$0] } ?? min(a.count, e.count)
                Issue.record("\(path) differs from the golden file at line \(n + 1): got «\(n < a.count ? a[n] : "(end)")», expected «\(n < e.count ? e[n] : "(end)")»")
            }
        }
    }

    @Test func draftsAreBuiltOnlyWhenAskedFor() {
        let out = temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: out) }
        var settings = config(source: Fixtures.path("small-site"), destination: out)
        settings.includeDrafts = true
        let report = SiteBuilder.build(settings, defaults: [:])
        #expect(report.pages == 7)
        #expect(FileManager.default.fileExists(atPath: out + "/docs/draft/index.html"))
    }

    @Test func defaultTemplatesRenderASiteWithoutTemplates() throws {
        let out = temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: out) }
        let report = SiteBuilder.build(config(source: Fixtures.path("broken-site-fixed"), destination: out))
        #expect(report.diagnostics.isEmpty, "\(report.diagnostics)")
        let home = try String(contentsOfFile: out + "/index.html", encoding: .utf8)
        #expect(home.contains("<link rel=\"stylesheet\" href=\"/docgen.css\">"))
        #expect(home.contains("<nav class=\"sidebar\""))
        #expect(FileManager.default.fileExists(atPath: out + "/docgen.css"))
        #expect(FileManager.default.fileExists(atPath: out + "/404.html"))
        // The copy button's script: linked, deferred, shipped beside the stylesheet (no CDN).
        #expect(home.contains("<script src=\"/docgen-code.js\" defer></script>"))
        let script = try String(contentsOfFile: out + "/docgen-code.js", encoding: .utf8)
        #expect(script.contains("Copied") && script.contains("createElement('button')"))
    }
}
