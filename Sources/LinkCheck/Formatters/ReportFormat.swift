/// The output formats of `docgen check`.
public enum LinkReportFormat: String, CaseIterable, Sendable {
    case text
    case json
    case github
    case junit
}

extension LinkCheckReport {
    /// The report in one of the formats. `sitePrefix` goes before page paths (say `public/`) so that
    /// locations can be opened from the project folder.
    public func formatted(_ format: LinkReportFormat, sitePrefix: String = "") -> String {
        switch format {
        case .text: return TextFormatter.format(findings, summary: summary, sitePrefix: sitePrefix)
        case .json: return JSONFormatter.format(findings, summary: summary)
        case .github: return GitHubFormatter.format(findings, summary: summary, sitePrefix: sitePrefix)
        case .junit: return JUnitFormatter.format(findings, pages: pages, summary: summary, sitePrefix: sitePrefix)
        }
    }
}

extension LinkCheckSummary {
    /// `2 errors, 1 info in 3 pages (10 links)`, plus the external counts when URLs were checked.
    public var line: String {
        var text = "\(count(errors, "error")), \(infos) info in \(count(pages, "page")) (\(count(links, "link"))"
        if externalURLs > 0 || filteredURLs > 0 {
            text += ", \(count(externalURLs, "external URL")) checked, \(cachedURLs) from cache, \(filteredURLs) filtered out"
        }
        return text + ")"
    }

    private func count(_ n: Int, _ noun: String) -> String { n == 1 ? "1 \(noun)" : "\(n) \(noun)s" }
}
