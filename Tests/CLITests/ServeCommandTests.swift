import Foundation
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

    /// A GET over a plain socket (URLSession would bring libcurl into the test process, whose
    /// global state LeakSanitizer reports as leaked).
    static func get(_ url: String) async throws -> (status: Int, body: String, type: String?) {
        let address = try #require(URL(string: url))
        let answer = try rawGet(address.path + (address.hasDirectoryPath && !address.path.hasSuffix("/") ? "/" : ""),
                                port: try #require(address.port))
        guard let split = answer.range(of: "\r\n\r\n") else { return (0, "", nil) }
        let head = answer[..<split.lowerBound].split(separator: "\r\n")
        let status = head.first.flatMap { Int($0.split(separator: " ")[1]) } ?? 0
        let type = head.dropFirst().first { $0.lowercased().hasPrefix("content-type:") }
            .map { String($0.dropFirst("content-type:".count)).trimmingCharacters(in: .whitespaces) }
        return (status, String(answer[split.upperBound...]), type)
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
        // With libcurl's development files installed, the linker finds the real libcurl.so before
        // docgen's empty stand-in, and libcurl loads at start again: a known cost, not a failure.
        let maps = try String(contentsOfFile: "/proc/\(server.process.processIdentifier)/maps", encoding: .utf8)
        let realLibraryFirst = ["/usr/lib/x86_64-linux-gnu/libcurl.so", "/usr/lib/aarch64-linux-gnu/libcurl.so"]
            .contains { FileManager.default.fileExists(atPath: $0) }
        withKnownIssue("libcurl's development package is installed, so docgen links the real libcurl", isIntermittent: true) {
            #expect(!maps.contains("libcurl"), "libcurl was loaded at start (see Sources/CCurlOnDemand)")
        } when: { realLibraryFirst }
    }

    @Test func pollingSeesASaveToo() async throws {
        let (root, site) = try copyOfSmallSite()
        defer { try? FileManager.default.removeItem(atPath: root) }
        let server = try Server(site: site, arguments: ["--poll", "--poll-interval", "50"])
        defer { server.stop() }
        let url = try #require(server.wait(for: #"serving the site at (http://127\.0\.0\.1:\d+/)"#))
        #expect(server.wait(for: #"watching for changes \(polling every 50 ms\)"#) != nil, "\(server.output)")
        let file = site + "/content/docs/more/c.md"
        try (try String(contentsOfFile: file, encoding: .utf8) + "\nSeen by polling.\n").write(toFile: file, atomically: false, encoding: .utf8)
        var seen = false
        for _ in 0..<100 where !seen {
            seen = try await Self.get(url + "custom/c-page/").body.contains("Seen by polling.")
            if !seen { try await Task.sleep(for: .milliseconds(20)) }
        }
        #expect(seen, "the edit never showed: \(server.output)")
    }

    /// Paths sent as they are, without the normalizing a URL library does, over a plain socket.
    @Test func pathsThatEscapeTheSiteAreRefusedOverHTTP() throws {
        let (root, site) = try copyOfSmallSite()
        defer { try? FileManager.default.removeItem(atPath: root) }
        try "secret".write(toFile: root + "/secret.txt", atomically: true, encoding: .utf8)
        let server = try Server(site: site)
        defer { server.stop() }
        let port = try #require(server.wait(for: #"serving the site at http://127\.0\.0\.1:(\d+)/"#).flatMap { Int($0) })
        for path in ["/../secret.txt", "/docs/../../secret.txt", "/%2e%2e/secret.txt", "/%2E%2E/%2e%2e/secret.txt",
                     "/..%2fsecret.txt", "/docs%2f..%2f..%2fsecret.txt", "/..%5csecret.txt", "/index.html%00.txt"] {
            let answer = try Self.rawGet(path, port: port)
            #expect(answer.hasPrefix("HTTP/1.1 400"), "\(path): \(answer.prefix(60))")
            #expect(!answer.contains("secret"), "\(path) reached a file outside the site")
        }
        #expect(try Self.rawGet("/docs/", port: port).hasPrefix("HTTP/1.1 200"))
    }

    static func rawGet(_ path: String, port: Int) throws -> String {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let connected = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard connected == 0 else { throw CocoaError(.fileReadUnknown) }
        let request = Array("GET \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n".utf8)
        _ = request.withUnsafeBytes { send(fd, $0.baseAddress, $0.count, 0) }
        var answer: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while true {
            let count = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if count <= 0 { break }
            answer += buffer[..<count]
        }
        return String(decoding: answer, as: UTF8.self)
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
