import Foundation
import Testing

/// A Hugo site built as it stands: the CVAT manual with its own configuration, no content flag.
@Suite struct HugoSiteTests {
    let cli = BuildCommandTests()
    static let corpus = BuildCommandTests.packageRoot.appendingPathComponent("../shared/corpus/cvat").standardizedFileURL.path
    static let shortcodes = BuildCommandTests.packageRoot.appendingPathComponent("Tests/SiteTests/Fixtures/cvat-shortcodes").path

    /// The corpus keeps Hugo's configuration as hugo-config.toml; a real checkout names it
    /// hugo.toml beside content/, which is what this site folder has (the content is linked in).
    @Test func theCVATManualBuildsFromItsOwnHugoConfiguration() throws {
        guard FileManager.default.fileExists(atPath: Self.corpus) else {
            print("skipped: ../shared/corpus/cvat is absent")
            return
        }
        let root = NSTemporaryDirectory() + "docgen-hugo-site-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: root) }
        try FileManager.default.createSymbolicLink(atPath: root + "/content", withDestinationPath: Self.corpus + "/content")
        try FileManager.default.copyItem(atPath: Self.corpus + "/hugo-config.toml", toPath: root + "/hugo.toml")

        let result = try cli.run(["build", "--source", root, "--templates", Self.shortcodes])
        #expect(result.status == 0, "\(result.err)")
        #expect(result.out.hasPrefix("docgen: built 171 pages, 160 aliases"), "\(result.out)")
        // The settings Hugo's file has that docgen does not follow are named, once each.
        #expect(result.err.contains("hugo.toml:32:1: warning: permalinks are not honoured"))
        #expect(result.err.contains("hugo.toml:122:1: warning: output formats print are not written"))

        let page = try String(contentsOfFile: root + "/public/docs/index.html", encoding: .utf8)
        #expect(page.contains("<a class=\"site-title\" href=\"/\">CVAT</a>"))
        #expect(page.contains("<title>CVAT Documentation | CVAT</title>"))
        #expect(page.contains("<li><a href=\"/docs/getting_started/overview/\">Quickstart</a></li>"))
        #expect(page.contains("<li><a href=\"https://app.cvat.ai/auth/register\" rel=\"noopener\">CVAT Online</a></li>"))
        #expect(try String(contentsOfFile: root + "/public/robots.txt", encoding: .utf8) == "User-agent: *")

        // The same pages and files as the build that names the content folder by hand.
        let byFlag = try cli.run(["build", "--source", Self.corpus, "--contentDir", "content/en", "--templates", Self.shortcodes,
                                  "--destination", root + "/by-flag"])
        #expect(byFlag.status == 0)
        let files = { (dir: String) in Set(FileManager.default.enumerator(atPath: dir)?.compactMap { $0 as? String } ?? []) }
        #expect(files(root + "/public").subtracting(["robots.txt"]) == files(root + "/by-flag"))
    }
}
