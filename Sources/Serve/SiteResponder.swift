import Basics
import Diagnostics
import Site

/// An HTTP answer, before it meets the server library: what `docgen serve` sends for a request.
public struct Reply: Sendable {
    public var status: Int
    public var headers: [(String, String)]
    public var body: [UInt8]

    public func header(_ name: String) -> String? { headers.first { $0.0.lowercased() == name.lowercased() }?.1 }
    public var text: String { String(decoding: body, as: UTF8.self) }
}

/// Answers requests from the site as last built in memory: a pure function of the request, the
/// site as last built, so that every answer can be tested without a socket.
public struct SiteResponder: Sendable {
    public let site: MemorySite?
    public let basePath: String

    public init(site: MemorySite?, basePath: String) {
        self.site = site
        self.basePath = basePath
    }

    public func reply(method: String, rawPath: String) -> Reply {
        guard method == "GET" || method == "HEAD" else {
            return plain(405, "docgen serve answers GET and HEAD only\n", extra: [("Allow", "GET, HEAD")])
        }
        if rawPath == LiveReload.scriptPath {
            return Reply(status: 200, headers: headers(type: "text/javascript; charset=utf-8"), body: Array(LiveReload.script.utf8))
        }
        guard let site else { return noSiteYet() }
        switch ServePath.resolve(rawPath, basePath: basePath, exists: { site.files[$0] != nil }) {
        case .file(let path):
            return serve(path, status: 200, in: site) ?? notFound(in: site)
        case .redirect(let location):
            return Reply(status: 301, headers: [("Location", location), ("Cache-Control", "no-store")], body: [])
        case .notFound:
            return notFound(in: site)
        case .refused(let reason):
            return plain(400, "docgen serve refused the path: \(reason)\n")
        }
    }

    private func serve(_ path: String, status: Int, in site: MemorySite) -> Reply? {
        let type = ContentTypes.type(of: path)
        var body: [UInt8]
        switch site.files[path] {
        case .text(let text)?: body = Array(text.utf8)
        case .bytes(let bytes)?: body = bytes
        case .copy(let source)?:
            guard case .success(let bytes) = readFile(source, limit: Int.max) else { return nil }
            body = bytes
        case nil: return nil
        }
        if type.hasPrefix("text/html") { body = Array(LiveReload.inject(into: String(decoding: body, as: UTF8.self)).utf8) }
        return Reply(status: status, headers: headers(type: type), body: body)
    }

    /// The site's own 404 page, with status 404, as a static host serves it.
    private func notFound(in site: MemorySite) -> Reply {
        serve("404.html", status: 404, in: site) ?? plain(404, "404 page not found\n")
    }

    /// Before the first good build there is no page to draw the errors over: a bare page that
    /// the script fills with them, and reloads once a build succeeds.
    private func noSiteYet() -> Reply {
        let html = "<!doctype html><html><head><meta charset=\"utf-8\"><title>docgen: the build failed</title></head>"
            + "<body><p>docgen could not build the site yet; the errors are listed above and in the terminal.</p></body></html>"
        return Reply(status: 503, headers: headers(type: "text/html; charset=utf-8"), body: Array(LiveReload.inject(into: html).utf8))
    }

    private func plain(_ status: Int, _ text: String, extra: [(String, String)] = []) -> Reply {
        Reply(status: status, headers: headers(type: "text/plain; charset=utf-8") + extra, body: Array(text.utf8))
    }

    /// A preview is never cached: the next request must see the next build.
    private func headers(type: String) -> [(String, String)] {
        [("Content-Type", type), ("Cache-Control", "no-store")]
    }
}
