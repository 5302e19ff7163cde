import Serve
import Testing

@Suite struct ServePathTests {
    let files: Set<String> = ["index.html", "docs/index.html", "docs/a/index.html", "css/site.css", "404.html", "a b/index.html"]

    func resolve(_ path: String, base: String = "/") -> ServeTarget {
        ServePath.resolve(path, basePath: base, exists: files.contains)
    }

    @Test func foldersServeTheirIndexAndFilesThemselves() {
        #expect(resolve("/") == .file("index.html"))
        #expect(resolve("/docs/") == .file("docs/index.html"))
        #expect(resolve("/docs/a/index.html") == .file("docs/a/index.html"))
        #expect(resolve("/css/site.css") == .file("css/site.css"))
        #expect(resolve("/a%20b/") == .file("a b/index.html"))
        #expect(resolve("/docs") == .redirect("/docs/"))
        #expect(resolve("/docs/a") == .redirect("/docs/a/"))
        #expect(resolve("/missing/") == .notFound)
        #expect(resolve("/css/") == .notFound)
    }

    @Test func theBaseURLsPathIsHonoured() {
        #expect(resolve("/docs/docs/", base: "/docs/") == .file("docs/index.html"))
        #expect(resolve("/docs/", base: "/docs/") == .file("index.html"))
        #expect(resolve("/docs", base: "/docs/") == .redirect("/docs/"))
        #expect(resolve("/", base: "/docs/") == .redirect("/docs/"))
        #expect(resolve("/css/site.css", base: "/docs/") == .notFound)
        #expect(resolve("/docs/css/site.css", base: "/docs") == .file("css/site.css"))
    }

    @Test(arguments: [
        "/../etc/passwd", "/docs/../../etc/passwd", "/./index.html", "/docs/..",
        "/%2e%2e/etc/passwd", "/%2E%2E/etc/passwd", "/docs/%2e%2e/%2e%2e/etc/passwd", "/.%2e/x", "/%2e/index.html",
        "/docs%2fa/index.html", "/docs%2Fa/", "/..%2f..%2fetc/passwd", "/docs%5c..%5c..%5cetc", "/docs\\..\\x",
        "/index.html%00.css", "/%00", "/%zz/", "/%e2%82/", "/%", "/%4", "docs/",
    ])
    func pathsThatEscapeOrHideAreRefused(_ path: String) {
        guard case .refused = resolve(path) else {
            Issue.record("\(path) was not refused: \(resolve(path))")
            return
        }
    }

    @Test func contentTypes() {
        #expect(ContentTypes.type(of: "docs/index.html") == "text/html; charset=utf-8")
        #expect(ContentTypes.type(of: "css/site.CSS") == "text/css; charset=utf-8")
        #expect(ContentTypes.type(of: "js/search.js") == "text/javascript; charset=utf-8")
        #expect(ContentTypes.type(of: "schemas/cloud-storage.schema.json") == "application/json")
        #expect(ContentTypes.type(of: "sitemap.xml") == "application/xml")
        #expect(ContentTypes.type(of: "images/a.svg") == "image/svg+xml")
        #expect(ContentTypes.type(of: "images/a.png") == "image/png")
        #expect(ContentTypes.type(of: "fonts/a.woff2") == "font/woff2")
        #expect(ContentTypes.type(of: "LICENSE") == "application/octet-stream")
        #expect(ContentTypes.type(of: "dir.d/file") == "application/octet-stream")
    }
}
