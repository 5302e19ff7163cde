import Foundation
import Testing

/// `docgen check` and `docgen build --check` through the binary.
struct CheckCommandTests {
    let cli = BuildCommandTests()

    @Test func buildCheckReportsBrokenLinkWithMarkdownSource() throws {
        let out = NSTemporaryDirectory() + "docgen-check-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: out) }
        let result = try cli.run(["build", "--source", cli.fixture("small-site"), "--destination", out, "--check", "--format", "json"])
        #expect(result.status == 1)
        let json = try JSONSerialization.jsonObject(with: Data(result.out.utf8)) as! [String: Any]
        let findings = json["findings"] as! [[String: Any]]
        #expect(findings.count == 1)
        #expect(findings.first?["page"] as? String == "docs/a/index.html")
        #expect(findings.first?["link"] as? String == "../b/")
        #expect(findings.first?["kind"] as? String == "missing-page")
        #expect((findings.first?["source"] as? String)?.hasSuffix("small-site/content/docs/a.md:13") == true)
    }

    /// `build --check` checks the new site from memory; it must find exactly what `docgen check`
    /// finds reading the same site back from disk. The CVAT manual has every kind of finding.
    @Test func buildCheckFromMemoryEqualsCheckFromDisk() throws {
        let corpus = BuildCommandTests.packageRoot.appendingPathComponent("../shared/corpus/cvat").standardizedFileURL.path
        guard FileManager.default.fileExists(atPath: corpus + "/content/en") else {
            print("skipped: ../shared/corpus/cvat is absent")
            return
        }
        let out = NSTemporaryDirectory() + "docgen-check-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: out) }
        let common = ["--source", corpus, "--contentDir", "content/en", "--format", "json"]
        // A build whose check fails is not swapped in, so the site on disk comes from a plain build.
        let plain = try cli.run(["build", "--destination", out, "--templates", cli.fixture("cvat-shortcodes")] + Array(common.dropLast(2)))
        #expect(plain.status == 0)
        let built = try cli.run(["build", "--destination", out + "-checked", "--templates", cli.fixture("cvat-shortcodes"), "--check"] + common)
        defer { try? FileManager.default.removeItem(atPath: out + "-checked") }
        #expect(!FileManager.default.fileExists(atPath: out + "-checked"))
        let checked = try cli.run(["check", out] + common)
        #expect(built.status == 1)
        #expect(checked.status == 1)
        func findings(_ json: String) throws -> [String] {
            let object = try JSONSerialization.jsonObject(with: Data(json.utf8)) as! [String: Any]
            return (object["findings"] as! [[String: Any]]).map { f in
                ["page", "link", "kind", "source", "line", "message"].map { "\(f[$0] ?? "-")" }.joined(separator: " ")
            }
        }
        let fromMemory = try findings(built.out), fromDisk = try findings(checked.out)
        #expect(fromMemory.count == 53)
        #expect(fromMemory == fromDisk)
    }

    @Test func checkOnAnyHTMLFolderNamesTheHTMLFile() throws {
        let site = NSTemporaryDirectory() + "docgen-html-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: site) }
        try FileManager.default.createDirectory(atPath: site + "/sub", withIntermediateDirectories: true)
        try "<a href=\"sub/\">ok</a>\n<a href=\"sub/#nope\">bad</a>\n<img src=\"gone.png\">\n".write(toFile: site + "/index.html", atomically: true, encoding: .utf8)
        try "<h2 id=\"here\">Here</h2>\n".write(toFile: site + "/sub/index.html", atomically: true, encoding: .utf8)
        let result = try cli.run(["check", site, "--source", site])
        #expect(result.status == 1)
        let lines = result.out.split(separator: "\n").map(String.init)
        #expect(lines.count == 3)
        #expect(lines[0].hasSuffix("index.html:2:4: error: missing fragment #nope in /sub/"))
        #expect(lines[1].hasSuffix("index.html:3:6: error: missing file /gone.png"))
        #expect(lines[2].hasPrefix("2 errors"))
    }

    @Test func checkOfMissingFolderIsAnIOError() throws {
        #expect(try cli.run(["check", "/nonexistent/site"]).status == 2)
    }

    @Test func githubAndJUnitFormats() throws {
        let out = NSTemporaryDirectory() + "docgen-check-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: out) }
        let github = try cli.run(["build", "--source", cli.fixture("small-site"), "--destination", out, "--check", "--format", "github"])
        #expect(github.status == 1)
        #expect(try cli.run(["build", "--source", cli.fixture("small-site"), "--destination", out]).status == 0)
        #expect(github.out.contains("::error file="))
        #expect(github.out.contains("small-site/content/docs/a.md,line=13"))
        let junit = try cli.run(["check", out, "--format", "junit"])
        #expect(junit.status == 1)
        #expect(junit.out.hasPrefix("<?xml"))
        #expect(junit.out.contains("<failure"))
    }
}
