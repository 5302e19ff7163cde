import Foundation
import Testing
@testable import LinkCheck

/// Routes of the test server, one per behaviour the checker must handle.
private let routes: @Sendable (TestHTTPServer.Request) -> TestHTTPServer.Response = { request in
    switch request.path {
    case "/ok", "/ok2", "/final": return .init(status: 200)
    case "/r1": return .init(status: 301, headers: [("Location", "/r2")])
    case "/r2": return .init(status: 301, headers: [("Location", "/final")])
    case "/missing": return .init(status: 404)
    case "/flaky": return .init(status: request.nth == 1 ? 500 : 200)
    case "/always500": return .init(status: 500)
    case "/ratelimited":
        return request.nth == 1 ? .init(status: 429, headers: [("Retry-After", "1")]) : .init(status: 200)
    case "/ratelimited-long":
        return request.nth == 1 ? .init(status: 429, headers: [("Retry-After", "3600")]) : .init(status: 200)
    case "/slow": return .init(status: 200, delay: 8)
    case "/nohead": return .init(status: request.method == "HEAD" ? 405 : 200)
    case "/bigbody":
        return request.method == "HEAD" ? .init(status: 501)
            : .init(status: 200, body: String(repeating: "x", count: 100_000), bodyDelay: 3)
    case let path where path.hasPrefix("/busy/"): return .init(status: 200, delay: 0.3)
    default: return .init(status: 404)
    }
}

private func site(linking urls: [String], twice: [String] = []) throws -> TempSite {
    var files: [String: String] = [
        "index.html": urls.map { "<a href=\"\($0)\">x</a>" }.joined(separator: "\n") + "\n",
    ]
    if !twice.isEmpty {
        files["other.html"] = twice.map { "<p><a href=\"\($0)\">again</a></p>" }.joined(separator: "\n") + "\n"
    }
    return try TempSite(files)
}

/// Short timings so the suite stays quick; retries and backoff still happen.
private func options(cache: String? = nil, include: [String] = [], exclude: [String] = [],
                     perHost: Int = 4, failureTTL: Double = 0) -> LinkCheckOptions {
    LinkCheckOptions(external: true, externalOptions: ExternalCheckOptions(
        include: include, exclude: exclude, timeout: 2, retries: 1, backoff: 0.05, maxRetryAfter: 5,
        maxRequestsPerHost: perHost, cacheFile: cache, cacheTTL: 3600, failureCacheTTL: failureTTL))
}

@Suite struct ExternalCheckTests {
    @Test func eachOutcome() async throws {
        let server = try TestHTTPServer(route: routes)
        defer { server.stop() }
        let base = server.baseURL
        let refused = "http://127.0.0.1:\(closedLocalPort())/"
        let links = ["/ok", "/ok#section", "/r1", "/missing", "/flaky", "/always500", "/ratelimited", "/slow", "/nohead", "/bigbody"]
            .map { base + $0 } + [refused]
        let site = try site(linking: links, twice: [base + "/missing"])

        let started = Date()
        let report = try await LinkChecker.check(siteFolder: site.root, options: options())
        let elapsed = Date().timeIntervalSince(started)

        #expect(report.findings.map(Seen.init) == [
            Seen("index.html", base + "/r1", .externalRedirect, 3, 4),
            Seen("index.html", base + "/missing", .externalStatus, 4, 4),
            Seen("index.html", base + "/always500", .externalStatus, 6, 4),
            Seen("index.html", base + "/slow", .externalTimeout, 8, 4),
            Seen("index.html", refused, .externalError, 11, 4),
            Seen("other.html", base + "/missing", .externalStatus, 1, 7),
        ])
        let messages = Dictionary(report.findings.map { ($0.link, $0.message) }, uniquingKeysWith: { a, _ in a })
        #expect(messages[base + "/r1"] == "redirects to \(base)/final (301 → 301 → 200)")
        #expect(messages[base + "/missing"] == "HTTP 404 Not Found: \(base)/missing")
        #expect(messages[base + "/always500"] == "HTTP 500 Internal Server Error: \(base)/always500")
        #expect(messages[base + "/slow"] == "timed out after 2 s (2 attempts): \(base)/slow")
        #expect(messages[refused] == "connection refused: \(refused)")
        #expect(report.findings[0].severity == .info)
        #expect(report.summary.errors == 5)
        #expect(report.summary.infos == 1)
        #expect(report.summary.externalURLs == 10)  // `/ok#section` is `/ok`; `/missing` is checked once
        #expect(report.exitCode == .findings)

        #expect(server.count("/ok") == 1)
        #expect(server.count("/missing") == 1)
        #expect(server.count("/flaky") == 2)      // 500, then the retry's 200
        #expect(server.count("/always500") == 2)  // one try and one retry
        #expect(server.count("/ratelimited") == 2)
        #expect(server.count("HEAD", "/nohead") == 1)
        #expect(server.count("GET", "/nohead") == 1)
        // The GET fallback stops at the response head: a 3 s body did not run into the 0.5 s timeout.
        #expect(server.count("HEAD", "/bigbody") == 1)
        #expect(server.count("GET", "/bigbody") == 1)
        #expect(elapsed >= 1)  // Retry-After: 1 was honoured
    }

    @Test func cacheSkipsFreshResults() async throws {
        let server = try TestHTTPServer(route: routes)
        defer { server.stop() }
        let cacheFile = NSTemporaryDirectory() + "linkcheck-cache-\(UUID().uuidString)/cache.json"
        defer { try? FileManager.default.removeItem(atPath: (cacheFile as NSString).deletingLastPathComponent) }
        let site = try site(linking: [server.baseURL + "/ok", server.baseURL + "/r1", server.baseURL + "/missing"])

        let first = try await LinkChecker.check(siteFolder: site.root, options: options(cache: cacheFile))
        #expect(FileManager.default.fileExists(atPath: cacheFile))
        let afterFirst = server.totalRequests
        #expect(afterFirst == 5)  // ok, r1, r2, final, missing

        let second = try await LinkChecker.check(siteFolder: site.root, options: options(cache: cacheFile))
        // Successes come from the cache; the failure is asked again because failures are not cached.
        #expect(server.totalRequests == afterFirst + 1)
        #expect(server.count("/missing") == 2)
        #expect(second.summary.cachedURLs == 2)
        #expect(second.findings == first.findings)  // the cached redirect is still reported

        // With a failure TTL the failure is cached too, and a third run sends nothing.
        _ = try await LinkChecker.check(siteFolder: site.root, options: options(cache: cacheFile, failureTTL: 60))
        let beforeFourth = server.totalRequests
        let fourth = try await LinkChecker.check(siteFolder: site.root, options: options(cache: cacheFile, failureTTL: 60))
        #expect(server.totalRequests == beforeFourth)
        #expect(fourth.summary.cachedURLs == 3)
        #expect(fourth.findings == first.findings)
    }

    @Test func expiredEntriesAreCheckedAgain() throws {
        let path = NSTemporaryDirectory() + "linkcheck-cache-\(UUID().uuidString).json"
        defer { try? FileManager.default.removeItem(atPath: path) }
        let then = Date(timeIntervalSince1970: 1_000_000)
        var cache = ResultCache(path: path, successTTL: 100, failureTTL: 0, now: then)
        cache.store(URLCheckResult(status: 200), for: "https://a.test/", now: then)
        cache.store(URLCheckResult(status: 404), for: "https://b.test/", now: then)
        try cache.save(to: path)
        let fresh = ResultCache(path: path, successTTL: 100, failureTTL: 0, now: then.addingTimeInterval(99))
        #expect(fresh.fresh("https://a.test/", now: then.addingTimeInterval(99)) == URLCheckResult(status: 200))
        #expect(fresh.fresh("https://b.test/", now: then.addingTimeInterval(1)) == nil)
        let stale = ResultCache(path: path, successTTL: 100, failureTTL: 0, now: then.addingTimeInterval(100))
        #expect(stale.entries.isEmpty)
    }

    @Test func includeAndExcludeFilters() async throws {
        let server = try TestHTTPServer(route: routes)
        defer { server.stop() }
        let base = server.baseURL
        let site = try site(linking: [base + "/ok", base + "/missing", base + "/ok2", "https://example.invalid/x"])

        let report = try await LinkChecker.check(siteFolder: site.root, options: options(
            include: ["127\\.0\\.0\\.1"], exclude: ["/missing$"]))
        #expect(report.findings.isEmpty)
        #expect(server.count("/missing") == 0)
        #expect(server.count("/ok") == 1)
        #expect(server.count("/ok2") == 1)
        #expect(report.summary.filteredURLs == 2)  // /missing and the non-local host
        #expect(report.summary.externalURLs == 2)
    }

    @Test func perHostLimitIsKept() async throws {
        let server = try TestHTTPServer(route: routes)
        defer { server.stop() }
        let site = try site(linking: (1...6).map { server.baseURL + "/busy/\($0)" })
        let report = try await LinkChecker.check(siteFolder: site.root, options: options(perHost: 2))
        #expect(report.findings.isEmpty)
        #expect(server.totalRequests == 6)
        #expect(server.maxInFlight <= 2)
    }

    @Test func retryAfterWaitIsCapped() async throws {
        let server = try TestHTTPServer(route: routes)
        defer { server.stop() }
        let site = try site(linking: [server.baseURL + "/ratelimited-long"])
        var capped = options()
        capped.externalOptions.maxRetryAfter = 0.2
        let started = Date()
        let report = try await LinkChecker.check(siteFolder: site.root, options: capped)
        #expect(report.findings.isEmpty)
        #expect(server.count("/ratelimited-long") == 2)
        // The server asked for an hour; the run must not have honoured it. The bound is loose on
        // purpose: CI machines are slow and busy, and anything near 3,600 s means the cap failed.
        #expect(Date().timeIntervalSince(started) < 120)
    }

    @Test func externalLinksAreIgnoredUnlessAsked() async throws {
        let site = try site(linking: ["https://example.invalid/", "//example.invalid/x"])
        let report = try await LinkChecker.check(siteFolder: site.root)
        #expect(report.findings.isEmpty)
        #expect(report.summary.externalURLs == 0)
    }

    @Test func retryAfterForms() {
        let now = Date(timeIntervalSince1970: 1_700_000_000)  // Tue, 14 Nov 2023 22:13:20 GMT
        #expect(RetryAfter.seconds("3", now: now) == 3)
        #expect(RetryAfter.seconds(" 0 ", now: now) == 0)
        #expect(RetryAfter.seconds("Tue, 14 Nov 2023 22:13:30 GMT", now: now) == 10)
        #expect(RetryAfter.seconds("Tue, 14 Nov 2023 22:13:00 GMT", now: now) == 0)  // in the past
        #expect(RetryAfter.seconds("soon", now: now) == nil)
        #expect(RetryAfter.seconds(nil, now: now) == nil)
    }
}
