import Foundation
import Testing
@testable import LinkCheck

/// Joins lines so that a fixture's line numbers are its index + 1, which the expectations rely on.
private func page(_ lines: [String]) -> String { lines.joined(separator: "\n") + "\n" }

private let fixture: [String: String] = [
    "index.html": page([
        "<!DOCTYPE html>",                                                         // 1
        "<html><head><title>Home <a href=\"/in-title/\"></title>",                // 2 title is text
        "<link rel=\"stylesheet\" href=\"/css/site.css\">",                       // 3
        "</head><body>",                                                           // 4
        "<a href=\"/docs/\">docs</a>",                                             // 5
        "<a href=\"/docs\">docs, no slash</a>",                                    // 6
        "<a href=\"/docs/missing/\">gone</a>",                                     // 7
        "<a href=\"/docs/#intro\">intro</a>",                                      // 8
        "<a href=\"/docs/#nope\">nope</a>",                                        // 9
        "<a href=\"/docs/#legacy\">a name</a>",                                    // 10
        "<a href=\"#top\">top</a> <a href=\"#\">empty</a>",                        // 11
        "<a href=\"#here\">here</a>",                                              // 12
        "<a href=\"#gone\">gone</a>",                                              // 13
        "<h2 id=\"here\">Here</h2>",                                               // 14
        "<img src=\"img/logo.png\" alt=\"logo\">",                                 // 15
        "<img alt=\"\" src=\"img/missing.png\">",                                  // 16
        "<img srcset=\"img/logo.png 1x, img/logo@2x.png 2x\" src=\"img/logo.png\">", // 17
        "<a href=\"files/my%20file.pdf\">pdf</a>",                                 // 18
        "<a href=\"files/no%20such.pdf\">pdf</a>",                                 // 19
        "<!-- <a href=\"/commented/\">x</a> -->",                                  // 20
        "<script>document.write('<a href=\"/in-script/\">x</a>');</script>",      // 21
        "<style>.x::after { content: '<img src=\"/in-style.png\">'; }</style>",   // 22
        "<a href=\"/missing.html?a=1&amp;b=2\">entities</a>",                      // 23
        "<a href=\"&#x2F;docs&#47;#nope2\">numeric entities</a>",                  // 24
        "<a href=\"mailto:team@example.com\">m</a> <a href=\"tel:+100\">t</a> <a href=\"javascript:void(0)\">j</a>", // 25
        "<img src=\"data:image/png;base64,AAAA\"> <a href=\"https://example.com/x\">external</a>", // 26
        "<a href=\"../outside.html\">escape</a>",                                  // 27
        "<a href=/docs/unquoted/ class=x>unquoted</a>",                            // 28
        "<a class='c' href='/docs/#single'>single quotes</a>",                     // 29
        "<p>é — <A HREF=\"/nowhere/\">caps</A></p>",                               // 30
        "<a href=\"/old/#p1\">via alias</a>",                                      // 31
        "<a href=\"/old/#zzz\">via alias</a>",                                     // 32
        "<a href=\"docs/page.html#caf%C3%A9\">encoded fragment</a>",               // 33
        "<a href=\"docs/page.html#a&amp;b\">entity in id</a>",                     // 34
        "<a href=\"  /docs/  \">spaces</a>",                                       // 35
        "<a href=\"/docs/sub?x=1\">query</a> <a href=\"?only=query\">q</a>",       // 36
        "<a",                                                                      // 37
        "   href=\"/multi/line/\">split tag</a>",                                  // 38
        "</body></html>",                                                          // 39
    ]),
    "docs/index.html": page([
        "<html><body>",                                                            // 1
        "<h1 id=\"intro\">Intro</h1>",                                             // 2
        "<a name=\"legacy\"></a>",                                                 // 3
        "<a href=\"../index.html#here\">back</a>",                                 // 4
        "<a href=\"../../up.html\">up</a>",                                        // 5
        "<a href=\"page.html\">page</a>",                                          // 6
        "<a href=\"sub\">sub folder</a>",                                          // 7
        "<a href=\"./sub/#deep\">deep</a>",                                        // 8
        "<a href=\"sub/#shallow\">shallow</a>",                                    // 9
        "<span name=\"notanchor\"></span><a href=\"#notanchor\">x</a>",            // 10
        "</body></html>",                                                          // 11
    ]),
    "docs/page.html": page([
        "<html><body>",
        "<h2 id=\"p1\">P1</h2> <h2 id=\"café\">Café</h2> <h2 id=\"a&amp;b\">A and B</h2>",
        "</body></html>",
    ]),
    "docs/sub/index.html": page(["<div id=\"deep\"></div>"]),
    "old/index.html": page([
        "<!DOCTYPE html>",
        "<html><head><title>/docs/page.html</title>",
        "<link rel=\"canonical\" href=\"/docs/page.html\">",
        "<meta http-equiv=\"refresh\" content=\"0; url=/docs/page.html\">",
        "</head></html>",
    ]),
    "broken/index.html": page([
        "<html><head>",
        "<meta http-equiv=\"refresh\" content=\"0; URL='/gone/'\">",
        "</head></html>",
    ]),
    "css/site.css": "body {}\n",
    "img/logo.png": "png",
    "files/my file.pdf": "pdf",
]

@Suite struct InternalCheckTests {
    @Test func findsExactlyTheBrokenLinks() throws {
        let site = try TempSite(fixture)
        let report = try LinkChecker.checkInternal(siteFolder: site.root)
        let expected: [Seen] = [
            Seen("broken/index.html", "/gone/", .missingPage, 2, 28),
            Seen("docs/index.html", "../../up.html", .outsideSite, 5, 4),
            Seen("docs/index.html", "sub/#shallow", .missingFragment, 9, 4),
            Seen("docs/index.html", "#notanchor", .missingFragment, 10, 34),
            Seen("index.html", "/docs/missing/", .missingPage, 7, 4),
            Seen("index.html", "/docs/#nope", .missingFragment, 9, 4),
            Seen("index.html", "#gone", .missingFragment, 13, 4),
            Seen("index.html", "img/missing.png", .missingFile, 16, 13),
            Seen("index.html", "img/logo@2x.png", .missingFile, 17, 6),
            Seen("index.html", "files/no%20such.pdf", .missingFile, 19, 4),
            Seen("index.html", "/missing.html?a=1&b=2", .missingPage, 23, 4),
            Seen("index.html", "/docs/#nope2", .missingFragment, 24, 4),
            Seen("index.html", "../outside.html", .outsideSite, 27, 4),
            Seen("index.html", "/docs/unquoted/", .missingPage, 28, 4),
            Seen("index.html", "/docs/#single", .missingFragment, 29, 14),
            Seen("index.html", "/nowhere/", .missingPage, 30, 11),
            Seen("index.html", "/old/#zzz", .missingFragment, 32, 4),
            Seen("index.html", "/multi/line/", .missingPage, 38, 4),
        ]
        #expect(report.findings.map(Seen.init) == expected)
        #expect(report.pages == ["broken/index.html", "docs/index.html", "docs/page.html", "docs/sub/index.html",
                                 "index.html", "old/index.html"])
        #expect(report.summary.pages == 6)
        #expect(report.summary.links == 47)
        #expect(report.summary.errors == expected.count)
        #expect(report.exitCode == .findings)
    }

    /// `docgen build --check` checks the site in memory; the verdicts must be the folder's.
    @Test func siteInMemoryGetsTheSameFindingsAsTheFolder() async throws {
        let site = try TempSite(fixture)
        let fromDisk = try LinkChecker.checkInternal(siteFolder: site.root)
        let snapshot = SiteSnapshot(files: Array(fixture.keys), html: fixture.filter { $0.key.hasSuffix(".html") })
        let fromMemory = try await LinkChecker.check(snapshot: snapshot)
        #expect(fromMemory.findings.count == 18)
        #expect(fromMemory.findings == fromDisk.findings)
        #expect(fromMemory.pages == fromDisk.pages)
        #expect(fromMemory.summary.links == fromDisk.summary.links)
    }

    @Test func messagesNameTheResolvedTarget() throws {
        let site = try TempSite(fixture)
        let report = try LinkChecker.checkInternal(siteFolder: site.root)
        func message(_ link: String) -> String? { report.findings.first { $0.link == link }?.message }
        #expect(message("/docs/missing/") == "missing page /docs/missing/")
        #expect(message("/docs/#nope") == "missing fragment #nope in /docs/")
        #expect(message("#gone") == "missing fragment #gone in /")
        #expect(message("img/missing.png") == "missing file /img/missing.png")
        #expect(message("files/no%20such.pdf") == "missing file /files/no such.pdf")
        #expect(message("/old/#zzz") == "missing fragment #zzz in /old/")
        #expect(message("../outside.html") == "../outside.html climbs out of the site folder with ..: point it at a page inside the site")
    }

    @Test func rootPathMapsThePrefixToTheFolder() throws {
        let site = try TempSite([
            "index.html": page([
                "<a href=\"/base/\">home</a>",
                "<a href=\"/base/guide/\">guide</a>",
                "<a href=\"/base\">root without slash</a>",
                "<a href=\"/other/\">another part of the host</a>",
                "<a href=\"/base/missing/\">missing</a>",
                "<a href=\"guide/#g\">relative still works</a>",
            ]),
            "guide/index.html": page(["<h1 id=\"g\">G</h1>"]),
        ])
        let report = try LinkChecker.checkInternal(siteFolder: site.root, options: LinkCheckOptions(rootPath: "/base/"))
        #expect(report.findings.map(Seen.init) == [
            Seen("index.html", "/other/", .outsideSite, 4, 4),
            Seen("index.html", "/base/missing/", .missingPage, 5, 4),
        ])
        #expect(report.findings.first?.message == "/other/ is not under the site's root path /base/")
        #expect(report.findings.last?.message == "missing page /base/missing/")
    }

    @Test func baseURLLinksAreLocal() throws {
        let site = try TempSite([
            "index.html": page([
                "<a href=\"https://example.com/docs/a/#x\">own host</a>",
                "<a href=\"https://EXAMPLE.com/docs/missing/\">own host, missing</a>",
                "<a href=\"http://example.com/other/\">own host, outside the root path</a>",
                "<a href=\"//example.com/docs\">protocol-relative root</a>",
                "<a href=\"https://example.com.evil/docs/missing/\">another host</a>",
                "<a href=\"/docs/a/#y\">site-absolute</a>",
                "<a href=\"a/#x:~:text=hello\">text fragment after an id</a>",
            ]),
            "a/index.html": page(["<p id=x><p id=y>"]),
            "alias/index.html": page(["<meta http-equiv=refresh content=\"0; url=https://example.com/docs/a/\">"]),
        ])
        let options = LinkCheckOptions(baseURL: "https://example.com/docs/")
        let report = try LinkChecker.checkInternal(siteFolder: site.root, options: options)
        #expect(report.findings.map(Seen.init) == [
            Seen("index.html", "https://EXAMPLE.com/docs/missing/", .missingPage, 2, 4),
            Seen("index.html", "http://example.com/other/", .outsideSite, 3, 4),
        ])
    }

    @Test func cleanSiteExitsZero() throws {
        let site = try TempSite(["index.html": "<a href=\"a.html#x\">a</a>", "a.html": "<p id=x>"])
        let report = try LinkChecker.checkInternal(siteFolder: site.root)
        #expect(report.findings.isEmpty)
        #expect(report.exitCode == .clean)
    }

    @Test func missingFolderIsAUsageError() async throws {
        let path = NSTemporaryDirectory() + "no-such-site-" + UUID().uuidString
        let error = try #require(throws: LinkCheckError.self) { try LinkChecker.checkInternal(siteFolder: path) }
        #expect(error == .siteFolderMissing(path))
        #expect(error.exitCode == .usageOrIOError)
        #expect(error.exitCode.rawValue == 2)
        await #expect(throws: LinkCheckError.invalidPattern("(")) {
            try await LinkChecker.check(siteFolder: path, options: LinkCheckOptions(
                external: true, externalOptions: ExternalCheckOptions(include: ["("])))
        }
    }

    @Test func sourceResolverGetsOccurrenceNumbers() throws {
        let site = try TempSite(["index.html": page([
            "<a href=\"/x/\">first</a>",
            "<a href=\"/ok/\">fine</a>",
            "<a href=\"/x/\">second</a>",
        ]), "ok/index.html": ""])
        let options = LinkCheckOptions(sourceResolver: { page, link, occurrence in
            page == "index.html" && link == "/x/" ? ("content/_index.md", 10 + occurrence, 4) : nil
        })
        let report = try LinkChecker.checkInternal(siteFolder: site.root, options: options)
        #expect(report.findings.map(\.source) == [SourceRef(file: "content/_index.md", line: 10, column: 4),
                                                  SourceRef(file: "content/_index.md", line: 11, column: 4)])
    }

    /// Pages with many findings number their links another way; the numbers must be the same.
    @Test func occurrenceNumbersOnAPageWithManyFindings() throws {
        let links = (0..<12).map { "<a href=\"/x/\">\($0)</a><a href=\"/y/#\($0 % 3)\">y</a>" }
        let site = try TempSite(["index.html": page(links)])
        let options = LinkCheckOptions(sourceResolver: { _, link, occurrence in (link, occurrence, 1) })
        let report = try LinkChecker.checkInternal(siteFolder: site.root, options: options)
        let xs = report.findings.filter { $0.link == "/x/" }.map { $0.source?.line }
        #expect(xs == Array(0..<12))
        #expect(report.findings.filter { $0.link == "/y/#1" }.map { $0.source?.line } == [0, 1, 2, 3])
    }

    @Test func sequentialAndParallelRunsAgree() throws {
        let site = try TempSite(fixture)
        let one = try LinkChecker.checkInternal(siteFolder: site.root, options: LinkCheckOptions(parallelism: 1))
        let many = try LinkChecker.checkInternal(siteFolder: site.root, options: LinkCheckOptions(parallelism: 8))
        #expect(one.findings == many.findings)
    }
}

/// An HTML file past `Limits.htmlFileBytes` stops the check with an I/O error naming it; the
/// file is not read (it is sparse here, so nothing is written either).
struct HTMLSizeLimitTests {
    @Test func hugeHTMLFileIsRefusedUnread() throws {
        let site = try TempSite(["index.html": "<a href=\"big.html\">big</a>\n"])
        FileManager.default.createFile(atPath: site.root + "/big.html", contents: nil)
        #expect(truncate(site.root + "/big.html", off_t((32 << 20) + 1)) == 0)
        #expect(throws: LinkCheckError.tooLarge(path: site.root + "/big.html", bytes: (32 << 20) + 1)) {
            try LinkChecker.checkInternal(siteFolder: site.root)
        }
    }
}
