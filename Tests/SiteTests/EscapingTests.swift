import Foundation
import Testing
@testable import Site

/// Front matter values and shortcode arguments are text: wherever the default templates and the
/// built-in shortcodes print them, they cannot add a tag, an attribute or a script URL.
struct EscapingTests {
    static let frontMatter = """
        title: '<script>alert("title")</script>'
        linkTitle: '" onmouseover="alert(1)'
        description: '"><script>alert("description")</script>'
        custom: '<img src=x onerror=alert(1)>'
        weight: 1

        """

    static let body = """
        {{% alert title="<script>alert('alert')</script>\\" onclick=\\"x" %}}
        Alert body.
        {{% /alert %}}

        See {{< ilink "/docs/b" "<script>alert('ilink')</script> [x](javascript:alert(1)) <img src=x onerror=alert(2)>" >}}
        and {{< ilink "/docs/b" >}}.

        {{< card title="<b onmouseover=alert(3)>t</b>" subtitle="\\" onfocus=\\"x" header="<script>h</script>" footer="[f](javascript:alert(4))" >}}
        Card body.
        {{< /card >}}

        {{< tabpane >}}
        {{< tab header="<script>tab</script>\\" onblur=\\"x" >}}code{{< /tab >}}
        {{< /tabpane >}}

        """

    func buildEvilSite() throws -> (root: String, report: BuildReport) {
        let root = temporaryFolder()
        try FileManager.default.createDirectory(atPath: root + "/content/docs", withIntermediateDirectories: true)
        try "---\ntitle: Docs\n---\nThe docs.\n".write(toFile: root + "/content/docs/_index.md", atomically: false, encoding: .utf8)
        try ("---\n" + Self.frontMatter + "---\n" + Self.body).write(toFile: root + "/content/docs/a.md", atomically: false, encoding: .utf8)
        try ("---\n" + Self.frontMatter.replacingOccurrences(of: "weight: 1", with: "weight: 2") + "---\nPage B.\n")
            .write(toFile: root + "/content/docs/b.md", atomically: false, encoding: .utf8)
        let report = SiteBuilder.build(config(source: root, destination: root + "/public"), defaults: EmbeddedTemplates.files)
        return (root, report)
    }

    @Test func hostileValuesAreEscapedEverywhere() throws {
        let (root, report) = try buildEvilSite()
        defer { try? FileManager.default.removeItem(atPath: root) }
        #expect(report.succeeded, "\(report.diagnostics)")
        let pages = snapshot(root + "/public").filter { $0.key.hasSuffix(".html") }
        #expect(pages.count >= 4)
        let tagWithEventHandler = try Regex(#"<[a-zA-Z][^>]*\son[a-z]+\s*="#)
        let scriptURL = try Regex(#"(href|src)\s*=\s*"?\s*javascript:"#)
        // The theme's own scripts (search) are the only ones a page may load.
        let ownScripts = #"<script defer src="/docgen-search-engine.js"></script>\#n<script defer src="/docgen-search.js"></script>"#
        for (path, data) in pages {
            // The theme's own scripts (copy buttons, search) are the only ones a page may load.
            let html = String(decoding: data, as: UTF8.self).replacingOccurrences(of: ownScripts, with: "")
                .replacingOccurrences(of: "<script src=\"/docgen-code.js\" defer></script>", with: "")
            #expect(!html.contains("<script"), "\(path)")
            #expect(!html.contains("<img"), "\(path)")
            #expect(!html.contains("<b "), "\(path)")
            #expect(html.firstMatch(of: tagWithEventHandler) == nil, "\(path): \(html.firstMatch(of: tagWithEventHandler).map { String($0.output[0].substring ?? "") } ?? "")")
            #expect(html.firstMatch(of: scriptURL) == nil, "\(path)")
        }
        let a = String(decoding: pages["docs/a/index.html"] ?? [], as: UTF8.self)
        // Shown as the writer typed it.
        #expect(a.contains("<title>&lt;script&gt;alert(&quot;title&quot;)&lt;/script&gt; | Documentation</title>"))
        #expect(a.contains("<meta name=\"description\" content=\"&quot;&gt;&lt;script&gt;alert(&quot;description&quot;)&lt;/script&gt;\">"))
        #expect(a.contains("<h4 class=\"alert-heading\">&lt;script&gt;alert(&#39;alert&#39;)&lt;/script&gt;&quot; onclick=&quot;x</h4>"))
        #expect(a.contains("&lt;script&gt;alert('ilink')&lt;/script&gt;"))
        #expect(a.contains("<label class=\"tab-label\" for=\"tabpane-1-0\">&lt;script&gt;tab&lt;/script&gt;&quot; onblur=&quot;x</label>"))
        // An ilink without text shows the target's title, escaped.
        #expect(a.contains(">&lt;script&gt;alert(&quot;title&quot;)&lt;/script&gt;</a>") || a.contains(">&quot; onmouseover=&quot;alert(1)</a>"))
    }

    @Test func unsafeCardURLsAreRefused() throws {
        let root = temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: root) }
        try FileManager.default.createDirectory(atPath: root + "/content", withIntermediateDirectories: true)
        try "---\ntitle: A\n---\n{{< card title=\"T\" url=\" JavaScript:alert(1)\" >}}\n{{< card title=\"Ok\" url=\"docs/a:b\" >}}\n"
            .write(toFile: root + "/content/a.md", atomically: false, encoding: .utf8)
        let report = SiteBuilder.build(config(source: root, destination: root + "/public"), defaults: EmbeddedTemplates.files)
        #expect(report.diagnostics.map { "\($0.location.line):\($0.location.column): \($0.message)" } == [
            "4:1: card: url must be a path or a web address, found ' JavaScript:alert(1)'",
        ])
    }
}
