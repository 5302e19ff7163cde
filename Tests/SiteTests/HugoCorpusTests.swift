import Foundation
import Testing
@testable import Rendering
@testable import Site

/// The CVAT manual, built by docgen with its default templates, must give every page the URL and
/// heading ids Hugo gives it. The golden lists come from Hugo 0.111 and 0.168 (scripts/hugo-golden.sh);
/// when Debian's `hugo` is installed the comparison also runs against a live Hugo build.
struct HugoCorpusTests {
    static let corpus = Fixtures.shared + "/corpus/cvat"

    /// PATH → heading ids, for every page that is not an alias redirect.
    static func headingIDs(in site: String) -> [String: [String]] {
        let heading = try! NSRegularExpression(pattern: "<h[1-6] id=\"([^\"]*)\"")
        var result: [String: [String]] = [:]
        for (path, data) in snapshot(site) where path.hasSuffix(".html") {
            let text = String(decoding: data, as: UTF8.self)
            if text.contains("http-equiv=\"refresh\"") { continue }
            let range = NSRange(text.startIndex..., in: text)
            result[path] = heading.matches(in: text, range: range).map { String(text[Range($0.range(at: 1), in: text)!]) }
        }
        return result
    }

    static func golden(_ name: String) -> [String: [String]] {
        let text = try! String(contentsOfFile: Fixtures.path("hugo-golden/\(name).txt"), encoding: .utf8)
        var result: [String: [String]] = [:]
        for line in text.split(separator: "\n") {
            let parts = line.split(separator: "\t", omittingEmptySubsequences: false)
            result[String(parts[0])] = parts.count > 1 ? parts[1].split(separator: " ").map(String.init) : []
        }
        return result
    }

    static func buildCorpus(_ rules: HeadingIDRules) -> (String, BuildReport) {
        let out = temporaryFolder("docgen-corpus")
        var settings = config(source: corpus, destination: out)
        settings.contentDir = "content/en"
        settings.templatesDir = Fixtures.path("cvat-shortcodes")
        settings.headingIDs = rules
        return (out, SiteBuilder.build(settings))
    }

    /// Counts headings that differ position by position, and lists the pages where they do.
    static func compare(_ built: [String: [String]], _ expected: [String: [String]]) -> (headings: Int, differ: Int, pages: [String]) {
        var headings = 0, differ = 0
        var pages: [String] = []
        for (path, ids) in expected {
            headings += ids.count
            let mine = built[path] ?? []
            let n = (0..<max(ids.count, mine.count)).filter { i in (i < ids.count ? ids[i] : nil) as String? != (i < mine.count ? mine[i] : nil) }.count
            if n > 0 { differ += n; pages.append(path) }
        }
        return (headings, differ, pages.sorted())
    }

    @Test(.enabled(if: Fixtures.sharedAvailable, "../shared is absent: the CVAT corpus is not available"),
          arguments: [(HeadingIDRules.hugo0110, "hugo-0.111"), (.hugoCurrent, "hugo-0.168")])
    func corpusMatchesHugo(rules: HeadingIDRules, golden name: String) throws {
        let (out, report) = Self.buildCorpus(rules)
        defer { try? FileManager.default.removeItem(atPath: out) }
        #expect(!report.diagnostics.hasErrors, "\(report.diagnostics.filter { $0.severity == .error })")
        let built = Self.headingIDs(in: out)
        let expected = Self.golden(name)
        // Same pages at the same paths; docgen adds its 404 page, which the Hugo skeleton lacks.
        let samePaths = Set(built.keys).subtracting(["404.html"]) == Set(expected.keys)
        #expect(samePaths)
        let result = Self.compare(built, expected)
        print("heading ids vs \(name): \(result.headings) compared, \(result.differ) differ; "
              + "output pages: \(built.keys.filter { $0 != "404.html" }.count) built, \(expected.count) from Hugo, \(samePaths ? "same paths" : "paths differ")")
        #expect(result.headings > 800)
        #expect(result.differ == 0, "pages that differ: \(result.pages)")
    }

    @Test(.enabled(if: Fixtures.sharedAvailable && FileManager.default.isExecutableFile(atPath: "/usr/bin/hugo"),
                   "Debian's hugo (/usr/bin/hugo) or ../shared is missing: live comparison skipped"))
    func corpusMatchesLiveHugo() throws {
        let work = temporaryFolder("docgen-hugo")
        defer { try? FileManager.default.removeItem(atPath: work) }
        for (tool, arguments) in [("/bin/bash", [Fixtures.shared + "/bench/make-corpus.sh", "1", work + "/site"]),
                                  ("/usr/bin/hugo", ["-s", work + "/site", "-d", work + "/hugo", "--quiet"])] {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: tool)
            process.arguments = arguments
            process.standardOutput = FileHandle.nullDevice
            try process.run()
            process.waitUntilExit()
            #expect(process.terminationStatus == 0, "\(tool) failed")
        }
        let (out, report) = Self.buildCorpus(.hugo0110)
        defer { try? FileManager.default.removeItem(atPath: out) }
        #expect(report.succeeded)
        let result = Self.compare(Self.headingIDs(in: out), Self.headingIDs(in: work + "/hugo"))
        print("heading ids vs live hugo 0.111: \(result.headings) compared, \(result.differ) differ")
        #expect(result.differ == 0, "pages that differ: \(result.pages)")
    }
}
