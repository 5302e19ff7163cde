import Foundation
import Testing
@testable import LinkCheck

@Suite struct HTTPProbeTests {
    @Test func missingLibcurlFailsEachRequestClearly() async throws {
        #expect(LibCurl.load(["libcurl-docgen-test-missing.so.4"]) == nil)
        let probe = HTTPProbe(userAgent: "test", curl: nil)
        defer { probe.invalidate() }
        let outcome = await probe.send(try #require(URL(string: "http://127.0.0.1:1/")), method: "HEAD", timeout: 1)
        #expect(outcome == .failure("external checks need libcurl (apt-get install libcurl4)"))
    }

    @Test func readsStatusAndHeadersWithoutFollowing() async throws {
        let server = try TestHTTPServer(route: { request in
            switch request.path {
            case "/moved": return .init(status: 301, headers: [("Location", "/there")])
            case "/limited": return .init(status: 429, headers: [("retry-after", " 7 ")])
            default: return .init(status: 404)
            }
        })
        defer { server.stop() }
        let probe = HTTPProbe(maxConnectionsPerHost: 2, userAgent: "test")
        defer { probe.invalidate() }
        let moved = try #require(URL(string: server.baseURL + "/moved"))
        let limited = try #require(URL(string: server.baseURL + "/limited"))
        #expect(await probe.send(moved, method: "HEAD", timeout: 2) == .response(status: 301, location: "/there", retryAfter: nil))
        #expect(await probe.send(limited, method: "GET", timeout: 2) == .response(status: 429, location: nil, retryAfter: "7"))
        #expect(server.count("/there") == 0)
    }

    @Test func onlyHTTPIsFetched() async throws {
        let probe = HTTPProbe(maxConnectionsPerHost: 2, userAgent: "test")
        defer { probe.invalidate() }
        let outcome = await probe.send(try #require(URL(string: "file:///etc/hostname")), method: "GET", timeout: 1)
        #expect(outcome == .failure("unsupported URL"))
    }
}
