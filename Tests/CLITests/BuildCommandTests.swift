import Foundation
import Testing

/// The built `docgen` binary, run as a user would: exit codes, stdout and stderr.
struct BuildCommandTests {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static var binary: URL {
        // Tests run from the build folder that also holds the docgen executable.
        let bundle = Bundle.main.bundleURL
        let candidates = [bundle.appendingPathComponent("docgen"), bundle.deletingLastPathComponent().appendingPathComponent("docgen"),
                          packageRoot.appendingPathComponent(".build/debug/docgen")]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0.path) } ?? candidates[2]
    }

    func run(_ arguments: [String], in folder: String? = nil) throws -> (status: Int32, out: String, err: String) {
        let process = Process()
        process.executableURL = Self.binary
        process.arguments = arguments
        if let folder { process.currentDirectoryURL = URL(fileURLWithPath: folder) }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        let errData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: outData, as: UTF8.self), String(decoding: errData, as: UTF8.self))
    }

    func fixture(_ name: String) -> String {
        Self.packageRoot.appendingPathComponent("Tests/SiteTests/Fixtures/\(name)").path
    }

    @Test func successPrintsOneSummaryLine() throws {
        let out = NSTemporaryDirectory() + "docgen-cli-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: out) }
        let result = try run(["build", "--source", fixture("small-site"), "--destination", out])
        #expect(result.status == 0)
        #expect(result.err == "")
        #expect(result.out.range(of: #"^docgen: built 6 pages, 2 aliases, 7 files copied into .+ in \d+ ms\n$"#, options: .regularExpression) != nil)
    }

    @Test func contentErrorsExitWithOneAndListEveryProblem() throws {
        let out = NSTemporaryDirectory() + "docgen-cli-\(UUID().uuidString)"
        let result = try run(["build", "--source", fixture("broken-site"), "--destination", out])
        #expect(result.status == 1)
        let lines = result.err.split(separator: "\n")
        #expect(lines.count == 11)
        // The fixture has no baseURL, so the sitemap is left out, and the warning comes first: it is about the whole site.
        #expect(lines.first?.hasSuffix("broken-site: warning: sitemap.xml is not written: a sitemap must list absolute addresses, and baseURL '/' is only a path. Set baseURL to the site's address (baseURL: https://docs.example.com/ in docgen.yaml, or --baseURL), or write sitemap: false in docgen.yaml to leave the sitemap out without this warning") == true, "\(lines)")
        #expect(lines[1].hasSuffix("content/docs/bad-types.md:3:9: error: front matter: 'weight' must be a whole number, found 'heavy'"))
        #expect(lines.last?.hasPrefix("docgen: build failed with 9 errors;") == true)
        #expect(!FileManager.default.fileExists(atPath: out))
    }

    @Test func usageErrorsExitWithTwo() throws {
        #expect(try run(["build", "--source", "/nonexistent/site"]).status == 2)
        #expect(try run(["build", "--no-such-flag"]).status == 2)
        #expect(try run(["build", "--heading-ids", "bogus"]).status == 2)
        #expect(try run(["no-such-command"]).status == 2)
    }

    @Test func helpTeaches() throws {
        let result = try run(["build", "--help"])
        #expect(result.status == 0)
        #expect(result.out.contains("--destination"))
        #expect(result.out.contains("docgen build --source docs"))
    }
}
