import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import Testing

/// `docgen serve` as a user runs it: a real process, real HTTP, real files edited.
@Suite(.serialized) struct ServeCommandTests {
    /// A running `docgen serve` and what it printed so far.
    final class Server: @unchecked Sendable {
        let process = Process()
        private let printed = Printed()
        let site: String

        init(site: String, arguments: [String] = []) throws {
            self.site = site
            process.executableURL = BuildCommandTests.binary
            process.arguments = ["serve", "--source", site, "--port", "0"] + arguments
            let err = Pipe()
            process.standardError = err
            process.standardOutput = FileHandle.nullDevice
            let printed = self.printed
            err.fileHandleForReading.readabilityHandler = { handle in
                printed.append(String(decoding: handle.availableData, as: UTF8.self))
            }
            try process.run()
        }

        var output: String { printed.text }

        /// Waits until the output matches `pattern`; the first capture group, or the whole match.
        func wait(for pattern: String, seconds: Double = 20) -> String? {
            let deadline = Date().addingTimeInterval(seconds)
            while Date() < deadline {
                let text = output
                if let match = text.range(of: pattern, options: .regularExpression) {
                    let regex = try! NSRegularExpression(pattern: pattern)
                    let ns = text as NSString
                    if let found = regex.firstMatch(in: text, range: NSRange(location: 0, length: ns.length)), found.numberOfRanges > 1 {
                        return ns.substring(with: found.range(at: 1))
                    }
                    return String(text[match])
                }
                if !process.isRunning { return nil }
                Thread.sleep(forTimeInterval: 0.02)
            }
            return nil
        }

        func stop() {
            if process.isRunning { process.terminate() }
            process.waitUntilExit()
        }
    }

    static func get(_ url: String) async throws -> (status: Int, body: String, type: String?) {
        let (data, response) = try await URLSession.shared.data(from: URL(string: url)!)
        let http = response as! HTTPURLResponse
        return (http.statusCode, String(decoding: data, as: UTF8.self), http.value(forHTTPHeaderField: "Content-Type"))
    }

    func copyOfSmallSite() throws -> (root: String, site: String) {
        let root = NSTemporaryDirectory() + "docgen-serve-cli-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: BuildCommandTests.packageRoot.appendingPathComponent("Tests/SiteTests/Fixtures/small-site").path,
                                         toPath: root + "/site")
        return (root, root + "/site")
    }

    @Test func servesRebuildsOnSaveAndNeverWritesPublic() async throws {
        let (root, site) = try copyOfSmallSite()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let server = try Server(site: site)
        defer { server.stop() }
        let url = try #require(server.wait(for: #"serving the site at (http://127\.0\.0\.1:\d+/)"#), "no URL in: \(server.output)")
        _ = server.wait(for: "watching for changes")

        let page = try await Self.get(url + "docs/a/")
        #expect(page.status == 200)
        #expect(page.type == "text/html; charset=utf-8")
        #expect(page.body.contains("Page A &lt;with&gt; &amp; stuff"))
        #expect(page.body.contains("<script src=\"/__docgen/livereload.js\"></script>"))
        #expect(try await Self.get(url + "no-such-page/").status == 404)

        // An editor's save: a new file renamed over the page.
        let file = site + "/content/docs/a.md"
        let text = try String(contentsOfFile: file, encoding: .utf8)
        try text.replacingOccurrences(of: "## Setup", with: "## Setup\n\nA sentence added while serving.").write(toFile: file, atomically: true, encoding: .utf8)
        var seen = false
        for _ in 0..<100 where !seen {
            seen = try await Self.get(url + "docs/a/").body.contains("A sentence added while serving.")
            if !seen { try await Task.sleep(for: .milliseconds(20)) }
        }
        #expect(seen, "the edit never showed: \(server.output)")
        #expect(server.wait(for: #"content/docs/a\.md: rendered 1 page in \d+ ms"#) != nil, "\(server.output)")
        #expect(!FileManager.default.fileExists(atPath: site + "/public"), "serve must not write public/")

        // libcurl stays unloaded: FoundationNetworking's entry points open it only when called.
        let maps = try String(contentsOfFile: "/proc/\(server.process.processIdentifier)/maps", encoding: .utf8)
        #expect(!maps.contains("libcurl"), "libcurl was loaded at start (see Sources/CCurlOnDemand)")
    }

    @Test func aBrokenEditIsReportedAtItsLineAndTheLastGoodPageStays() async throws {
        let (root, site) = try copyOfSmallSite()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let server = try Server(site: site)
        defer { server.stop() }
        let url = try #require(server.wait(for: #"serving the site at (http://127\.0\.0\.1:\d+/)"#))
        _ = server.wait(for: "watching for changes")
        let before = try await Self.get(url + "docs/b/").body
        let file = site + "/content/docs/b.md"
        let text = try String(contentsOfFile: file, encoding: .utf8)
        try text.replacingOccurrences(of: "weight: 3", with: "weight: heavy").write(toFile: file, atomically: true, encoding: .utf8)
        #expect(server.wait(for: #"content/docs/b\.md:3:9: error: front matter: 'weight' must be a whole number"#) != nil, "\(server.output)")
        #expect(server.wait(for: "build failed with 1 error; still serving the last good build") != nil, "\(server.output)")
        #expect(try await Self.get(url + "docs/b/").body == before)
    }

    @Test func aBusyPortOrAMissingSiteExitsWithTwo() throws {
        let (root, site) = try copyOfSmallSite()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let first = try Server(site: site)
        defer { first.stop() }
        let port = try #require(first.wait(for: #"serving the site at http://127\.0\.0\.1:(\d+)/"#))
        let second = try BuildCommandTests().run(["serve", "--source", site, "--port", port])
        #expect(second.status == 2)
        #expect(second.err.contains("docgen serve: error: cannot listen on 127.0.0.1:\(port)"), "\(second.err)")
        let missing = try BuildCommandTests().run(["serve", "--source", root + "/nowhere"])
        #expect(missing.status == 2)
        #expect(missing.err.contains("does not exist"))
    }
}

/// What a server printed, appended to on the pipe's thread and read on the test's.
final class Printed: @unchecked Sendable {
    private let lock = NSLock()
    private var collected = ""

    func append(_ text: String) { lock.withLock { collected += text } }
    var text: String { lock.withLock { collected } }
}
