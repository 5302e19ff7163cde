import Foundation
import Testing
@testable import Site

/// Mistakes writers make, each reported with the fix.
@Suite struct WriterMistakeTests {
    func build(_ files: [String: String]) throws -> [String] {
        let root = try siteFolder(files, label: "docgen-mistakes")
        defer { try? FileManager.default.removeItem(atPath: root) }
        let report = SiteBuilder.build(config(source: root, destination: root + "/public"), defaults: EmbeddedTemplates.files)
        return report.diagnostics.map { $0.description.replacingOccurrences(of: root + "/", with: "") }
    }

    @Test func anIlinkToADraftSaysItIsADraft() throws {
        let problems = try build([
            "content/_index.md": "---\ntitle: Home\n---\nSee {{< ilink \"/docs/later\" >}}.\n",
            "content/docs/later.md": "---\ntitle: Later\ndraft: true\n---\nNot yet.\n",
        ])
        #expect(problems == ["content/_index.md:4:5: error: ilink: page '/docs/later' is a draft (content/docs/later.md has draft: true), "
            + "so this build leaves it out: build with --drafts, or set draft: false when it is ready"])
    }

    @Test func aMisspeltShortcodeNameGetsTheNearestOne() throws {
        let problems = try build([
            "content/_index.md": "---\ntitle: Home\n---\n{{< ilnk \"/\" >}} and {{< badge >}} and {{< nothinglikeit >}}\n",
            "templates/shortcodes/badge-new.html": "<b>new</b>",
        ])
        #expect(problems.count == 3)
        #expect(problems[0].contains("unknown shortcode 'ilnk': did you mean 'ilink'? Otherwise it is not built in"), "\(problems)")
        #expect(problems[1].contains("unknown shortcode 'badge': did you mean 'badge-new'? Otherwise"), "\(problems)")
        #expect(problems[2].contains("unknown shortcode 'nothinglikeit': it is not built in"), "\(problems)")
    }

    @Test func anUnclosedQuoteInAShortcodeIsOneMessage() throws {
        let problems = try build(["content/_index.md": "---\ntitle: Home\n---\nSee {{< ilink \"/docs/a >}} here.\n"])
        #expect(problems == ["content/_index.md:4:15: error: the quoted value in shortcode \"ilink\" is never closed: add the closing \" on the same line (for a value over several lines, use `backticks` instead of quotes)"])
    }

    @Test func builtInShortcodesRefuseParametersTheyDoNotTake() throws {
        let problems = try build(["content/_index.md": """
            ---
            title: Home
            ---
            {{% alert titel="X" colr="warning" %}}
            Hi
            {{% /alert %}}
            {{% alert color="wraning" %}}
            Hi
            {{% /alert %}}
            {{< ilink path="/" txt="x" >}} {{< card titel="T" >}}{{< /card >}} {{< ilink "/" "a" "b" >}}

            """])
        #expect(problems == [
            "content/_index.md:4:1: error: alert has no parameter 'colr': did you mean color=? it takes color and title",
            "content/_index.md:4:1: error: alert has no parameter 'titel': did you mean title=? it takes color and title",
            "content/_index.md:7:1: error: alert: color=\"wraning\" is not one of the values it takes: did you mean 'warning'? "
                + "use one of primary, secondary, success, danger, warning, info, light and dark",
            "content/_index.md:10:1: error: ilink has no parameter 'txt': did you mean text=? it takes page, path and text",
            "content/_index.md:10:32: error: card has no parameter 'titel': did you mean title=? it takes code, footer, header, icon, lang, subtitle, title and url",
            "content/_index.md:10:68: error: ilink takes at most 2 unnamed arguments (the page's path and the link's text), found more: \"b\"",
        ])
    }
}
