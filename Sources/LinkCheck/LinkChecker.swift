import Foundation

/// The entry point: checks a folder of built HTML.
///
/// Every finding kind is an error except `external-redirect`, which is info (the link still works;
/// the author may want to update it). `report.exitCode` is 0 without errors, 1 with; a thrown
/// `LinkCheckError` means exit code 2. External results are cached per URL (fragment dropped):
/// successes for `cacheTTL`, failures only when `failureCacheTTL` > 0 (default: never).
public enum LinkChecker {
    /// Internal checks, then (when `options.external`) external ones. Throws `LinkCheckError` when
    /// the check cannot run (missing folder, unreadable file, bad pattern): exit code 2.
    public static func check(siteFolder: String, options: LinkCheckOptions = LinkCheckOptions()) async throws -> LinkCheckReport {
        let filter = try URLFilter(include: options.externalOptions.include, exclude: options.externalOptions.exclude)
        return try await check(try runInternal(siteFolder: siteFolder, options: options), filter: filter, options: options)
    }

    /// The same checks on a site held in memory (`docgen build --check`).
    public static func check(snapshot: SiteSnapshot, options: LinkCheckOptions = LinkCheckOptions()) async throws -> LinkCheckReport {
        try await finish(try internalPass(snapshot: snapshot, options: options), options: options)
    }

    /// The part of checking a site in memory that needs no network, on its own so that it can run
    /// while the build writes the same site to disk; `finish` adds external links and the report.
    public static func internalPass(snapshot: SiteSnapshot, options: LinkCheckOptions = LinkCheckOptions()) throws -> InternalPass {
        InternalPass(result: try InternalChecker.run(snapshot: snapshot, rootPath: try rootPath(options),
                                                     origin: SiteOrigin(baseURL: options.baseURL), workers: workers(options)))
    }

    public static func finish(_ pass: InternalPass, options: LinkCheckOptions = LinkCheckOptions()) async throws -> LinkCheckReport {
        let filter = try URLFilter(include: options.externalOptions.include, exclude: options.externalOptions.exclude)
        return try await check(pass.result, filter: filter, options: options)
    }

    /// Finds one page's links and anchors, for `SiteSnapshot.scanned`.
    public static func scan(html: String) -> ScannedPage {
        var html = html
        return ScannedPage(scan: html.withUTF8 { PageScan(bytes: $0) })
    }

    /// What the internal checks found, before external links are checked.
    public struct InternalPass: @unchecked Sendable {
        // Plain values only; @unchecked because the scans hold non-Sendable-annotated structs.
        let result: InternalResult
    }

    private static func check(_ result: InternalResult, filter: URLFilter, options: LinkCheckOptions) async throws -> LinkCheckReport {
        var pending = result.findings
        var summary = LinkCheckSummary(pages: result.pages.count, links: result.linkCount)
        if options.external {
            let external = await ExternalChecker(options: options.externalOptions, filter: filter)
                .check(uses: result.externalUses)
            pending += external.findings
            summary.externalURLs = external.checkedURLs
            summary.cachedURLs = external.cachedURLs
            summary.filteredURLs = external.filteredURLs
        }
        return makeReport(result, pending, summary, options.sourceResolver)
    }

    /// Internal checks only, without `async`, for callers that never go to the network.
    public static func checkInternal(siteFolder: String, options: LinkCheckOptions = LinkCheckOptions()) throws -> LinkCheckReport {
        let result = try runInternal(siteFolder: siteFolder, options: options)
        let summary = LinkCheckSummary(pages: result.pages.count, links: result.linkCount)
        return makeReport(result, result.findings, summary, options.sourceResolver)
    }

    private static func runInternal(siteFolder: String, options: LinkCheckOptions) throws -> InternalResult {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: siteFolder, isDirectory: &isFolder) else {
            throw LinkCheckError.siteFolderMissing(siteFolder)
        }
        guard isFolder.boolValue else { throw LinkCheckError.notAFolder(siteFolder) }
        let folder = siteFolder.count > 1 && siteFolder.hasSuffix("/") ? String(siteFolder.dropLast()) : siteFolder
        return try InternalChecker.run(siteFolder: folder, rootPath: try rootPath(options), origin: SiteOrigin(baseURL: options.baseURL),
                                       workers: workers(options))
    }

    private static func workers(_ options: LinkCheckOptions) -> Int {
        options.parallelism ?? ProcessInfo.processInfo.activeProcessorCount
    }

    /// The site's root path: given, or the path of the base URL.
    private static func rootPath(_ options: LinkCheckOptions) throws -> String {
        options.rootPath == "/" ? SiteOrigin(baseURL: options.baseURL)?.path ?? "/" : options.rootPath
    }

    private static func makeReport(_ result: InternalResult, _ pending: [PendingFinding], _ base: LinkCheckSummary,
                                   _ resolver: LinkSourceResolver?) -> LinkCheckReport {
        var occurrences: [Int: [Int]] = [:]  // page → occurrence number of each of its links
        var findingsOnPage: [Int: Int] = [:]
        for p in pending { findingsOnPage[p.page, default: 0] += 1 }
        var findings: [LinkFinding] = []
        findings.reserveCapacity(pending.count)
        for p in pending {
            let scan = result.scans[p.page]
            let link = scan.links[p.link]
            var finding = LinkFinding(page: result.pages[p.page], link: result.texts[result.linkTexts[p.page][p.link]], kind: p.kind, message: p.message,
                                      line: Int(link.line), column: Int(link.column))
            if let resolver {
                let occurrence: Int
                if findingsOnPage[p.page, default: 0] <= 8 {
                    // A few findings on a page: counting the earlier links with the same text is
                    // cheaper than numbering every link of the page.
                    let ids = result.linkTexts[p.page]
                    occurrence = ids[..<p.link].reduce(0) { $0 + ($1 == ids[p.link] ? 1 : 0) }
                } else {
                    if occurrences[p.page] == nil { occurrences[p.page] = occurrenceNumbers(result.linkTexts[p.page]) }
                    occurrence = occurrences[p.page]![p.link]
                }
                if let source = resolver(finding.page, finding.link, occurrence) {
                    finding.source = SourceRef(file: source.file, line: source.line, column: source.column)
                }
            }
            findings.append(finding)
        }
        findings.sort()
        var summary = base
        for f in findings {
            if f.severity == .error { summary.errors += 1 } else { summary.infos += 1 }
        }
        return LinkCheckReport(findings: findings, pages: result.pages, summary: summary)
    }

    /// For each link, how many earlier links on the page have the same text.
    private static func occurrenceNumbers(_ texts: [Int]) -> [Int] {
        var seen: [Int: Int] = [:]
        return texts.map { text in
            let n = seen[text, default: 0]
            seen[text] = n + 1
            return n
        }
    }
}
