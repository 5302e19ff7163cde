import Foundation
import Testing
@testable import Site

/// A site's own shortcode templates get their inner content as `inner` (Markdown with nested
/// shortcodes expanded) and `innerHTML` (rendered); only what a template reads is made.
struct UserShortcodeTests {
    private func build(_ page: String, shortcodes: [String: String]) throws -> (html: String, report: BuildReport) {
        let site = temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: site) }
        let fm = FileManager.default
        try fm.createDirectory(atPath: site + "/content", withIntermediateDirectories: true)
        try fm.createDirectory(atPath: site + "/templates/shortcodes", withIntermediateDirectories: true)
        try "{{{page.content}}}".write(toFile: site + "/templates/single.html", atomically: true, encoding: .utf8)
        for (name, text) in shortcodes {
            try text.write(toFile: site + "/templates/shortcodes/\(name).html", atomically: true, encoding: .utf8)
        }
        try ("---\ntitle: P\n---\n" + page).write(toFile: site + "/content/p.md", atomically: true, encoding: .utf8)
        let report = SiteBuilder.build(config(source: site, destination: site + "/public"), defaults: [:])
        let html = (try? String(contentsOfFile: site + "/public/p/index.html", encoding: .utf8)) ?? ""
        return (html, report)
    }

    @Test func nestedShortcodesAreExpandedOnceForInnerHTML() throws {
        let page = "{{< box >}}\n{{< tabpane >}}\n{{< tab header=\"A\" >}}a{{< /tab >}}\n{{< /tabpane >}}\n{{< /box >}}\n"
        let (html, report) = try build(page, shortcodes: ["box": "<div class=\"box\">{{{innerHTML}}}</div>"])
        #expect(report.diagnostics.isEmpty, "\(report.diagnostics)")
        // The first widget of the page is number 1: the tabs were made once.
        #expect(html.contains("name=\"tabpane-1\""), "\(html)")
        #expect(!html.contains("tabpane-2"))
    }

    @Test func innerIsTheExpandedMarkdown() throws {
        let (html, _) = try build("{{% raw %}}*x* {{< ilink \"/p\" \"me\" >}}{{% /raw %}}\n",
                                  shortcodes: ["raw": "<pre>{{inner}}</pre>"])
        #expect(html.contains("<pre>*x* &lt;a href=&quot;/p/&quot;&gt;me&lt;/a&gt;</pre>"), "\(html)")
    }

    @Test func innerContentIsCheckedEvenWhenUnused() throws {
        let (_, report) = try build("{{< quiet >}}{{< nosuch >}}{{< /quiet >}}\n", shortcodes: ["quiet": "<hr>"])
        #expect(report.diagnostics.map(\.message) == ["unknown shortcode 'nosuch': it is not built in and there is no template templates/shortcodes/nosuch.html"])
    }
}
