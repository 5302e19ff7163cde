import Foundation
import Testing

/// A site with one of each mistake writers make (front matter, shortcodes, templates, links,
/// settings): one `docgen build --check` lists every one of them, each once, in the writer's terms.
@Suite struct WriterMistakesGoldenTests {
    let cli = BuildCommandTests()

    func build(_ extra: [String]) throws -> (status: Int32, out: String, err: String) {
        let destination = NSTemporaryDirectory() + "docgen-mistakes-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: destination) }
        var result = try cli.run(["build", "--check", "--destination", destination] + extra, in: cli.fixture("writer-mistakes"))
        result.out = result.out.replacingOccurrences(of: destination, with: "DESTINATION")
        result.err = result.err.replacingOccurrences(of: destination, with: "DESTINATION")
        #expect(!FileManager.default.fileExists(atPath: destination), "a failing build writes nothing")
        return result
    }

    @Test func oneBuildListsEveryMistake() throws {
        let result = try build([])
        #expect(result.status == 1)
        #expect(result.out == "")
        let golden = BuildCommandTests.packageRoot.appendingPathComponent("Tests/CLITests/Fixtures/writer-mistakes-expected.txt").path
        if ProcessInfo.processInfo.environment["DOCGEN_UPDATE_GOLDEN"] == "1" {
            try result.err.write(toFile: golden, atomically: true, encoding: .utf8)
        }
        #expect(result.err == (try String(contentsOfFile: golden, encoding: .utf8)))
        // Each mistake is one message: no two problems at the same place say the same thing.
        let lines = result.err.split(separator: "\n").filter { $0.contains(": error: ") || $0.contains(": warning: ") }
        #expect(lines.count >= 25)
        #expect(Set(lines).count == lines.count)
    }

    /// The machine-readable report holds the same problems as the text.
    @Test func jsonHasEveryProblemTheTextHas() throws {
        let text = try build([])
        let json = try build(["--format", "json"])
        #expect(json.status == 1)
        let object = try JSONSerialization.jsonObject(with: Data(json.out.utf8)) as! [String: Any]
        let count = (object["diagnostics"] as! [Any]).count + (object["findings"] as! [Any]).count
        #expect(count == text.err.split(separator: "\n").filter { $0.contains(": error: ") || $0.contains(": warning: ") }.count)
    }
}
