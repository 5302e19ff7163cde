import Diagnostics
import Foundation
import Serve
import Site
import Testing

/// What `docgen serve` answers, without a socket: the small site built in memory.
@Suite struct SiteResponderTests {
    static let work = temporaryFolder("docgen-responder")
    static let site: MemorySite = {
        let source = work + "/site"
        try! FileManager.default.copyItem(atPath: Fixtures.path("small-site"), toPath: source)
        try! write("<p>A raw page without a body</p>\n", to: source + "/static/raw.html")
        let (config, _) = SiteConfig.load(source: source)
        return SiteBuilder.buildInMemory(BuildRequest(config: config, recordsDependencies: true)).site!
    }()
    let responder = SiteResponder(site: SiteResponderTests.site, basePath: "/")

    @Test func pagesGetTheirTypeAndTheScript() {
        let reply = responder.reply(method: "GET", rawPath: "/docs/")
        #expect(reply.status == 200)
        #expect(reply.header("Content-Type") == "text/html; charset=utf-8")
        #expect(reply.header("Cache-Control") == "no-store")
        #expect(reply.text.contains("<script src=\"/__docgen/livereload.js\"></script>"))
        guard case .text(let built)? = Self.site.files["docs/index.html"] else { Issue.record("no docs page"); return }
        #expect(reply.text == LiveReload.inject(into: built), "the page is the build's, plus the script only")
    }

    @Test func staticFilesAreServedAsTheyAre() throws {
        let reply = responder.reply(method: "GET", rawPath: "/robots.txt")
        #expect(reply.status == 200)
        #expect(reply.header("Content-Type") == "text/plain; charset=utf-8")
        #expect(reply.body == Array(try String(contentsOfFile: Self.work + "/site/static/robots.txt", encoding: .utf8).utf8))
        let svg = responder.reply(method: "GET", rawPath: "/docs/bundle/diagram.svg")
        #expect(svg.status == 200 && svg.header("Content-Type") == "image/svg+xml" && !svg.text.contains("livereload"))
        // Raw HTML files reload too, body or not.
        let raw = responder.reply(method: "GET", rawPath: "/raw.html")
        #expect(raw.text == "<p>A raw page without a body</p>\n<script src=\"/__docgen/livereload.js\"></script>")
    }

    @Test func missingPagesGetTheSites404PageWithStatus404() {
        let reply = responder.reply(method: "GET", rawPath: "/no/such/page/")
        #expect(reply.status == 404)
        guard case .text(let page)? = Self.site.files["404.html"] else { Issue.record("no 404 page"); return }
        #expect(reply.text == LiveReload.inject(into: page))
    }

    @Test func otherAnswers() {
        #expect(responder.reply(method: "GET", rawPath: "/docs").status == 301)
        #expect(responder.reply(method: "GET", rawPath: "/docs").header("Location") == "/docs/")
        #expect(responder.reply(method: "POST", rawPath: "/docs/").status == 405)
        #expect(responder.reply(method: "GET", rawPath: "/%2e%2e/%2e%2e/etc/passwd").status == 400)
        #expect(responder.reply(method: "GET", rawPath: "/docs%2f..%2f..%2fetc/passwd").status == 400)
        let script = responder.reply(method: "GET", rawPath: LiveReload.scriptPath)
        #expect(script.status == 200 && script.header("Content-Type") == "text/javascript; charset=utf-8")
        #expect(script.text == LiveReload.script)
    }

    @Test func beforeTheFirstGoodBuildEveryPathSaysSoAndReloadsLater() {
        let waiting = SiteResponder(site: nil, basePath: "/")
        let reply = waiting.reply(method: "GET", rawPath: "/docs/")
        #expect(reply.status == 503)
        #expect(reply.text.contains("livereload.js"))
    }
}
