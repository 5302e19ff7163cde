import Foundation
import Testing
@testable import Site

/// docgen's shipped search engine (templates/static/docgen-search-engine.js), run under Node
/// against the index docgen builds: exact results on a small site, and the committed CVAT
/// queries (Tests/Search/cvat-queries.tsv), each of which must find its page among the first three.
@Suite struct SearchQualityTests {
    static let scripts = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("../Search").standardizedFileURL.path

    /// Node from the PATH, or nil: the tests skip without it, saying so.
    static let node: String? = (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin").split(separator: ":")
        .map { $0 + "/node" }.first { FileManager.default.isExecutableFile(atPath: $0) }

    static func run(_ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: node!)
        process.arguments = [scripts + "/run_queries.js"] + arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        return String(decoding: data, as: UTF8.self)
    }

    @Test(.enabled(if: node != nil, "node is not installed: the search engine cannot run"))
    func resultsLinkToTheHeadingAndMarkTheWords() throws {
        let root = try siteFolder(SearchIndexTests.pages.merging([
            "content/docs/attaching.md": "---\ntitle: Attaching <things>\n---\n## Why\n\nAttaching is how <b>data</b> gets in.\n",
        ]) { a, _ in a }, label: "docgen-search")
        defer { try? FileManager.default.removeItem(atPath: root) }
        let report = SiteBuilder.build(config(source: root, destination: root + "/public"))
        #expect(report.diagnostics.isEmpty, "\(report.diagnostics)")
        // A one-letter swap finds the heading; the page's title is its only other word.
        #expect(try Self.run([root + "/public", "--show", "bakcblaze"]) == #"""
        [{"title":"Cloud storage","url":"docs/storage/#backblaze","path":["Docs"],"heading":"Backblaze","anchor":"backblaze","snippet":[{"text":"Attach a B2 bucket.","mark":false}],"words":["backblaze"]}]

        """#)
        // A prefix finds the longer word; the page whose title holds it comes first, and text
        // from the content stays text (the engine's pieces become text nodes in the page).
        #expect(try Self.run([root + "/public", "--show", "attach"]) == #"""
        [{"title":"Attaching <things>","url":"docs/attaching/","path":["Docs"],"heading":"","anchor":"","snippet":[],"words":["attaching"]},{"title":"Cloud storage","url":"docs/storage/#backblaze","path":["Docs"],"heading":"Backblaze","anchor":"backblaze","snippet":[{"text":"Attach","mark":true},{"text":" a B2 bucket.","mark":false}],"words":["attach"]}]

        """#)
    }

    @Test(.enabled(if: Fixtures.sharedAvailable && node != nil, "../shared or node is missing: the CVAT queries cannot run"))
    func cvatQueriesFindTheirPages() throws {
        let (out, report) = HugoCorpusTests.buildCorpus(.hugo0110)
        defer { try? FileManager.default.removeItem(atPath: out) }
        #expect(!report.diagnostics.hasErrors)
        let lines = try Self.run([out, Self.scripts + "/cvat-queries.tsv"]).split(separator: "\n")
        var found = 0, first = 0, bytes: [Int] = []
        var misses: [String] = []
        for line in lines {
            let result = try JSONSerialization.jsonObject(with: Data(line.utf8)) as! [String: Any]
            let rank = result["rank"] as! Int
            if (1...3).contains(rank) { found += 1 } else { misses.append("\(result["query"]!) → \(result["top"]!)") }
            if rank == 1 { first += 1 }
            bytes.append(result["bytes"] as! Int)
        }
        print("search quality: \(lines.count) queries, \(found) in top 3, \(first) first; "
              + "bytes read per query: median \(bytes.sorted()[bytes.count / 2]), most \(bytes.max() ?? 0)")
        #expect(lines.count >= 30)
        #expect(found == lines.count, "not in the first three: \(misses)")
    }
}
