import Testing
import LinkCheck

private let findings: [LinkFinding] = [
    LinkFinding(page: "docs/x/index.html", link: "/docs/y/#foo", kind: .missingFragment,
                message: "missing fragment #foo in /docs/y/", line: 12, column: 34,
                source: SourceRef(file: "content/docs/x.md", line: 10)),
    LinkFinding(page: "docs/x/index.html", link: "https://example.com/old", kind: .externalRedirect,
                message: "redirects to https://example.com/new (301 → 200)", line: 20, column: 5),
    LinkFinding(page: "index.html", link: "img/a&b <1>.png", kind: .missingFile,
                message: "missing file /img/a&b <1>.png", line: 3, column: 7),
    LinkFinding(page: "index.html", link: "https://example.com/\"q\"?p=100%25", kind: .externalStatus,
                message: "HTTP 404 Not Found: https://example.com/\"q\"?p=100%25", line: 4, column: 1,
                source: SourceRef(file: "content/a,b:c.md", line: 2)),
]
private let pages = ["docs/x/index.html", "docs/y/index.html", "index.html"]
private let summary = LinkCheckSummary(findings: findings, pages: 3, links: 10)
private let report = LinkCheckReport(findings: findings, pages: pages, summary: summary)

@Suite struct FormatterTests {
    @Test func summaryCounts() {
        #expect(summary.errors == 3)
        #expect(summary.infos == 1)
        #expect(summary.line == "3 errors, 1 info in 3 pages (10 links)")
        let external = LinkCheckSummary(pages: 1, links: 1, externalURLs: 1, cachedURLs: 0, filteredURLs: 2)
        #expect(external.line == "0 errors, 0 info in 1 page (1 link, 1 external URL checked, 0 from cache, 2 filtered out)")
    }

    @Test func text() {
        #expect(report.formatted(.text, sitePrefix: "public/") == """
        public/docs/x/index.html:12:34: error: missing fragment #foo in /docs/y/ (from content/docs/x.md:10)
        public/docs/x/index.html:20:5: info: redirects to https://example.com/new (301 → 200)
        public/index.html:3:7: error: missing file /img/a&b <1>.png
        public/index.html:4:1: error: HTTP 404 Not Found: https://example.com/"q"?p=100%25 (from content/a,b:c.md:2)
        3 errors, 1 info in 3 pages (10 links)

        """)
    }

    @Test func json() {
        #expect(report.formatted(.json) == #"""
        {
          "findings": [
            {
              "page": "docs/x/index.html",
              "link": "/docs/y/#foo",
              "kind": "missing-fragment",
              "severity": "error",
              "line": 12,
              "column": 34,
              "source": "content/docs/x.md:10",
              "message": "missing fragment #foo in /docs/y/"
            },
            {
              "page": "docs/x/index.html",
              "link": "https://example.com/old",
              "kind": "external-redirect",
              "severity": "info",
              "line": 20,
              "column": 5,
              "source": null,
              "message": "redirects to https://example.com/new (301 → 200)"
            },
            {
              "page": "index.html",
              "link": "img/a&b <1>.png",
              "kind": "missing-file",
              "severity": "error",
              "line": 3,
              "column": 7,
              "source": null,
              "message": "missing file /img/a&b <1>.png"
            },
            {
              "page": "index.html",
              "link": "https://example.com/\"q\"?p=100%25",
              "kind": "external-status",
              "severity": "error",
              "line": 4,
              "column": 1,
              "source": "content/a,b:c.md:2",
              "message": "HTTP 404 Not Found: https://example.com/\"q\"?p=100%25"
            }
          ],
          "summary": {
            "pages": 3,
            "links": 10,
            "externalURLs": 0,
            "cachedURLs": 0,
            "filteredURLs": 0,
            "errors": 3,
            "info": 1
          }
        }

        """#)
    }

    @Test func jsonWithoutFindingsAndWithControlCharacters() {
        #expect(JSONFormatter.format([], summary: LinkCheckSummary()) == """
        {
          "findings": [],
          "summary": {
            "pages": 0,
            "links": 0,
            "externalURLs": 0,
            "cachedURLs": 0,
            "filteredURLs": 0,
            "errors": 0,
            "info": 0
          }
        }

        """)
        let odd = LinkFinding(page: "p\\q.html", link: "a\u{1}b\tc", kind: .missingPage, message: "m", line: 1, column: 1)
        #expect(JSONFormatter.format([odd], summary: LinkCheckSummary()).contains(#""link": "a\u0001b\tc","#))
        #expect(JSONFormatter.format([odd], summary: LinkCheckSummary()).contains(#""page": "p\\q.html","#))
    }

    @Test func github() {
        #expect(report.formatted(.github, sitePrefix: "public/") == """
        ::error file=content/docs/x.md,line=10,title=missing-fragment::missing fragment #foo in /docs/y/
        ::notice file=public/docs/x/index.html,line=20,col=5,title=external-redirect::redirects to https://example.com/new (301 → 200)
        ::error file=public/index.html,line=3,col=7,title=missing-file::missing file /img/a&b <1>.png
        ::error file=content/a%2Cb%3Ac.md,line=2,title=external-status::HTTP 404 Not Found: https://example.com/"q"?p=100%2525
        3 errors, 1 info in 3 pages (10 links)

        """)
        let multiline = LinkFinding(page: "a.html", link: "x", kind: .missingPage, message: "one\r\ntwo", line: 1, column: 2)
        #expect(GitHubFormatter.format([multiline], summary: LinkCheckSummary()).hasPrefix(
            "::error file=a.html,line=1,col=2,title=missing-page::one%0D%0Atwo\n"))
    }

    @Test func junit() {
        #expect(report.formatted(.junit, sitePrefix: "public/") == """
        <?xml version="1.0" encoding="UTF-8"?>
        <testsuite name="docgen link check" tests="3" failures="3" errors="0" skipped="0">
          <testcase name="docs/x/index.html" classname="links">
            <failure type="missing-fragment" message="missing fragment #foo in /docs/y/">public/docs/x/index.html:12:34: /docs/y/#foo (from content/docs/x.md:10)</failure>
            <system-out>public/docs/x/index.html:20:5: external-redirect: redirects to https://example.com/new (301 → 200)</system-out>
          </testcase>
          <testcase name="docs/y/index.html" classname="links"/>
          <testcase name="index.html" classname="links">
            <failure type="missing-file" message="missing file /img/a&amp;b &lt;1&gt;.png">public/index.html:3:7: img/a&amp;b &lt;1&gt;.png</failure>
            <failure type="external-status" message="HTTP 404 Not Found: https://example.com/&quot;q&quot;?p=100%25">public/index.html:4:1: https://example.com/&quot;q&quot;?p=100%25 (from content/a,b:c.md:2)</failure>
          </testcase>
        </testsuite>

        """)
    }

    @Test func junitDropsCharactersXMLCannotHold() {
        let f = LinkFinding(page: "a.html", link: "x\u{0}y", kind: .missingPage, message: "bad\u{1B}[0m'", line: 1, column: 1)
        let xml = JUnitFormatter.format([f], pages: [], summary: LinkCheckSummary())
        #expect(xml.contains(#"message="bad\#u{FFFD}[0m&apos;""#))
        #expect(xml.contains("x\u{FFFD}y</failure>"))
        #expect(xml.contains(#"tests="1" failures="1""#))
    }

    @Test func diagnosticsPointAtTheSource() {
        #expect(findings[0].diagnostic().description == "content/docs/x.md:10:1: error: missing fragment #foo in /docs/y/")
        #expect(findings[1].diagnostic(sitePrefix: "public/").description
            == "public/docs/x/index.html:20:5: warning: redirects to https://example.com/new (301 → 200)")
    }
}
