import Diagnostics
import Serve
import Testing

@Suite struct LiveReloadTests {
    let tag = "<script src=\"/__docgen/livereload.js\"></script>"

    @Test func theScriptGoesBeforeTheLastBodyEndElseHtmlElseTheEnd() {
        #expect(LiveReload.inject(into: "<html><body><p>x</p></body></html>") == "<html><body><p>x</p>\(tag)</body></html>")
        #expect(LiveReload.inject(into: "<HTML><BODY>x</BODY></HTML>\n") == "<HTML><BODY>x\(tag)</BODY></HTML>\n")
        // The last one: a page may show "</body>" in a code block before its real end.
        #expect(LiveReload.inject(into: "<body><code>&lt;/body&gt;</code><pre></body></pre></body>") == "<body><code>&lt;/body&gt;</code><pre></body></pre>\(tag)</body>")
        #expect(LiveReload.inject(into: "<html><p>no body</p></html>") == "<html><p>no body</p>\(tag)</html>")
        #expect(LiveReload.inject(into: "<p>a fragment</p>") == "<p>a fragment</p>\(tag)")
        #expect(LiveReload.inject(into: "") == tag)
        #expect(LiveReload.inject(into: "<p>é ü 日本</p></body>") == "<p>é ü 日本</p>\(tag)</body>")
    }

    @Test func theScriptTalksToTheSocketPath() {
        #expect(LiveReload.script.contains("\"\(LiveReload.socketPath)\""))
        #expect(!LiveReload.script.contains("innerHTML"), "messages must become text nodes only")
    }

    @Test func messagesNameChangedURLsUnderTheBasePathAndOnlyErrors() {
        let json = ReloadMessage.json(changed: ["docs/a/index.html", "css/site.css"], errors: [
            .error("content/a.md", 3, 5, "a \"quoted\" <b>problem</b>"),
            Diagnostic(.warning, at: SourceLocation(file: "content/b.md", line: 1, column: 1), "a warning"),
        ], basePath: "/docs/")
        #expect(json == #"{"changed":["/docs/docs/a/index.html","/docs/css/site.css"],"errors":[{"at":"content/a.md:3:5","message":"a \"quoted\" <b>problem</b>"}]}"#)
    }
}
