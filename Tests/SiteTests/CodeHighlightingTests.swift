import Diagnostics
import Highlight
import Foundation
import Testing
@testable import Site

/// Highlighting through a whole build: where its warnings point, and the settings that turn it off.
@Suite struct CodeHighlightingTests {
    /// Builds `files` with a template that prints the content alone; content/docs/p.md's HTML and
    /// the build's problems with the site's folder taken out.
    func build(_ files: [String: String]) throws -> (html: String, problems: [String], succeeded: Bool) {
        let site = try siteFolder(files.merging(["templates/single.html": "{{{page.content}}}"]) { own, _ in own }, label: "docgen-highlight")
        defer { try? FileManager.default.removeItem(atPath: site) }
        let report = SiteBuilder.build(config(source: site, destination: site + "/public"), defaults: [:])
        let html = (try? String(contentsOfFile: site + "/public/docs/p/index.html", encoding: .utf8)) ?? ""
        return (html, report.diagnostics.map { $0.description.replacingOccurrences(of: site + "/", with: "") }, report.succeeded)
    }

    /// A block past `Limits.highlightBlockBytes`: shown plain, deterministically, whatever the machine.
    static let huge = String(repeating: "echo 'a line of shell' | tr a b\n", count: 9_000)

    @Test func aBlockThatIsNotHighlightedIsPlainWithAWarningAtItsLine() throws {
        let (html, problems, succeeded) = try build(["content/docs/p.md": """
            ---
            title: P
            ---
            Intro {{< ilink "/docs/p" >}}.

            {{% alert %}}
            A note
            over lines.
            {{% /alert %}}

            ```bash
            \(Self.huge)```

            {{< highlight sh >}}
            \(Self.huge){{< /highlight >}}

            """])
        #expect(succeeded)
        let size = Self.huge.utf8.count
        #expect(problems == [
            "content/docs/p.md:11:1: warning: bash code: " + HighlightFailure.size(size).message,
            // The shortcode's tag, below the fence's 9,000 lines; its code loses the final line break.
            "content/docs/p.md:9014:1: warning: highlight: sh code: " + HighlightFailure.size(size - 1).message,
        ])
        #expect(problems.first?.contains("this code block is 281 KiB, more than the 128 KiB that are highlighted") == true)
        #expect(html.contains("<code class=\"language-bash\" data-lang=\"bash\">echo 'a line of shell' | tr a b\n"))
        #expect(!html.contains("class=\"token"))
    }

    @Test(arguments: [["docgen.yaml": "highlight: false\n"], ["hugo.toml": "[markup.highlight]\ncodeFences = false\n"]])
    func highlightingCanBeSwitchedOff(config: [String: String]) throws {
        let (html, problems, _) = try build(config.merging(["content/docs/p.md": "---\ntitle: P\n---\n```bash {linenos=true}\nls\n```\n"]) { a, _ in a })
        #expect(problems.filter { $0.contains("error") } == [])
        #expect(html == "<pre><code class=\"language-bash\">ls\n</code></pre>\n")
    }

    @Test func aSettingThatIsNotTrueOrFalseIsAnError() throws {
        let site = try siteFolder(["docgen.yaml": "highlight: maybe\n"], label: "docgen-highlight")
        defer { try? FileManager.default.removeItem(atPath: site) }
        let (_, problems) = SiteConfig.load(source: site)
        #expect(problems.map { $0.description.replacingOccurrences(of: site + "/", with: "") } == ["docgen.yaml:1:12: error: 'highlight' must be true or false"])
    }
}
