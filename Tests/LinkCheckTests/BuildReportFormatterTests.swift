import Diagnostics
import Foundation
import LinkCheck
import Testing

/// `docgen build` prints its own problems and the link findings in one report, in every format.
@Suite struct BuildReportFormatterTests {
    let diagnostics = [
        Diagnostic.error("content/two.md", 3, 9, "front matter: 'weight' must be a whole number, found 'abc'"),
        Diagnostic(.warning, at: SourceLocation(file: "content/a.md", line: 2, column: 1), "a warning"),
        Diagnostic.error("templates/page.html", "cannot read file"),
    ]
    let links = LinkCheckReport(findings: [
        LinkFinding(page: "index.html", link: "nothing/", kind: .missingPage, message: "missing page /nothing/", line: 29, column: 38,
                    source: SourceRef(file: "content/_index.md", line: 4, column: 28)),
        LinkFinding(page: "x/index.html", link: "#gone", kind: .missingFragment, message: "missing fragment #gone in /x/", line: 7, column: 3),
    ], pages: ["index.html", "x/index.html"], summary: LinkCheckSummary(pages: 2, links: 9, errors: 2))

    @Test func textIsOneListInFileOrderWithLinksWhereTheyWereWritten() {
        #expect(BuildReportFormatter.format(.text, diagnostics: diagnostics, links: links, sitePrefix: "public/") == """
        content/_index.md:4:28: error: missing page /nothing/
        content/a.md:2:1: warning: a warning
        content/two.md:3:9: error: front matter: 'weight' must be a whole number, found 'abc'
        public/x/index.html:7:3: error: missing fragment #gone in /x/
        templates/page.html: error: cannot read file
        links: 2 errors, 0 info in 2 pages (9 links)

        """)
        #expect(BuildReportFormatter.format(.text, diagnostics: [], links: nil) == "")
    }

    @Test func githubAnnotatesContentErrorsToo() {
        let out = BuildReportFormatter.format(.github, diagnostics: diagnostics, links: links, sitePrefix: "public/")
        #expect(out.hasPrefix("""
        ::error file=content/two.md,line=3,col=9,title=docgen build::front matter: 'weight' must be a whole number, found 'abc'
        ::warning file=content/a.md,line=2,col=1,title=docgen build::a warning
        ::error file=templates/page.html,title=docgen build::cannot read file
        ::error file=content/_index.md,line=4,title=missing-page::missing page /nothing/

        """), "\(out)")
        #expect(out.hasSuffix("2 errors, 0 info in 2 pages (9 links)\n"))
    }

    @Test func jsonHasTheDiagnosticsBesideTheFindings() throws {
        let out = BuildReportFormatter.format(.json, diagnostics: diagnostics, links: links)
        let object = try JSONSerialization.jsonObject(with: Data(out.utf8)) as! [String: Any]
        let items = object["diagnostics"] as! [[String: Any]]
        #expect(items.count == 3)
        #expect(items[0]["file"] as? String == "content/two.md")
        #expect(items[0]["line"] as? Int == 3)
        #expect(items[0]["column"] as? Int == 9)
        #expect(items[1]["severity"] as? String == "warning")
        #expect(items[2]["line"] is NSNull)
        #expect((object["findings"] as! [Any]).count == 2)
        #expect((object["summary"] as! [String: Any])["errors"] as? Int == 2)
        let alone = try JSONSerialization.jsonObject(with: Data(BuildReportFormatter.format(.json, diagnostics: diagnostics, links: nil).utf8)) as! [String: Any]
        #expect(alone.keys.sorted() == ["diagnostics"])
    }

    @Test func junitMakesATestCasePerSourceFile() {
        let out = BuildReportFormatter.format(.junit, diagnostics: diagnostics, links: links)
        #expect(out.contains("tests=\"5\" failures=\"4\""), "\(out)")
        #expect(out.contains("<testcase name=\"content/two.md\" classname=\"build\">\n    <failure type=\"build\" message=\"front matter: &apos;weight&apos; must be a whole number, found &apos;abc&apos;\">"), "\(out)")
        #expect(out.contains("<system-out>content/a.md:2:1: warning: a warning</system-out>"), "\(out)")
    }
}
