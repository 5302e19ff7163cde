import Foundation
import Testing
@testable import Site

/// Every problem of a build is reported, each at its file, line and column.
struct BuildErrorTests {
    @Test func everyProblemIsListedWithItsPosition() {
        let out = temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: out) }
        let source = Fixtures.path("broken-site")
        let report = SiteBuilder.build(config(source: source, destination: out + "/public"))
        let lines = report.diagnostics.map { $0.description.replacingOccurrences(of: source + "/", with: "") }
        #expect(lines == [
            "content/docs/bad-types.md:3:9: error: front matter: 'weight' must be a whole number, found 'heavy'",
            "content/docs/bad-types.md:4:8: error: front matter: 'draft' must be true or false",
            "content/docs/bad-yaml.md:3:9: error: front matter: a list in [brackets] is not closed, or its items are not separated by commas: write [one, two] (YAML: did not find expected ',' or ']' (while parsing a flow sequence at line 3))",
            "content/docs/dup-two.md:3:6: error: two pages have the URL /same/: this one and content/docs/dup-one.md",
            "content/docs/shortcodes.md:6:5: error: ilink: page '/docs/missing' not found",
            "content/docs/shortcodes.md:6:39: error: unknown shortcode 'nosuch': it is not built in and there is no template templates/shortcodes/nosuch.html",
            "content/docs/shortcodes.md:8:1: error: alert needs a closing tag: {{% /alert %}}",
            "content/docs/shortcodes.md:11:29: error: the quoted value in shortcode \"ilink\" is never closed: add the closing \" on the same line (for a value over several lines, use `backticks` instead of quotes)",
            "content/docs/unclosed.md:1:1: error: front matter is not closed: add a line with '---' after it",
        ])
        #expect(!FileManager.default.fileExists(atPath: out + "/public"))
    }

    /// A page saved in another encoding: the error points at the first byte that is not UTF-8.
    @Test func invalidUTF8IsReportedAtTheBadByte() throws {
        let site = temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: site) }
        try FileManager.default.createDirectory(atPath: site + "/content", withIntermediateDirectories: true)
        try Data(Array("---\ntitle: Café\n---\nNa".utf8) + [0xEF] + Array("ve text\n".utf8))
            .write(to: URL(fileURLWithPath: site + "/content/latin.md"))
        let report = SiteBuilder.build(config(source: site, destination: site + "/public"))
        #expect(report.diagnostics.map(\.description) == ["\(site)/content/latin.md:4:3: error: file is not valid UTF-8 from here on: save it as UTF-8 (it was probably saved in another encoding, such as Latin-1 or UTF-16)"])
    }

    @Test func pathsThatLeaveTheOutputFolderAreRejected() throws {
        let site = temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: site) }
        try FileManager.default.createDirectory(atPath: site + "/content", withIntermediateDirectories: true)
        try "---\ntitle: Evil\nurl: ../../escape/\naliases: [\"../../../etc/x\"]\n---\n".write(toFile: site + "/content/evil.md", atomically: true, encoding: .utf8)
        let report = SiteBuilder.build(config(source: site, destination: site + "/public"), defaults: [:])
        let messages = report.diagnostics.map(\.message)
        #expect(messages.contains("the URL '/../../escape/' would be written outside the output folder"))
        #expect(messages.contains("alias '../../../etc/x' would be written outside the output folder"))
        // Each at the line and column of the value that caused it.
        let positions = report.diagnostics.filter { $0.message.contains("outside") }.map { "\($0.location.line):\($0.location.column)" }
        #expect(positions.sorted() == ["3:6", "4:11"])
        #expect(!FileManager.default.fileExists(atPath: site + "/escape"))
    }
}

extension BuildErrorTests {
    @Test func missingLayoutIsReportedOncePerKind() {
        let out = temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: out) }
        let source = Fixtures.path("broken-site-fixed")
        let report = SiteBuilder.build(config(source: source, destination: out + "/public"), defaults: [:])
        #expect(report.diagnostics.map { $0.description.replacingOccurrences(of: source + "/", with: "") } == [
            "content/_index.md: error: no template for the home page kind: add one of templates/index.html, templates/home.html, templates/list.html, templates/single.html",
            "content/docs/page.md: error: no template for the page page kind: add one of templates/single.html",
        ])
    }
}
