/// What the command line should exit with; CI scripts tell "broken links" from "could not run".
public enum LinkCheckExitCode: Int32, Sendable {
    case clean = 0
    case findings = 1
    case usageOrIOError = 2
}

/// Counts for the closing line of every output format.
public struct LinkCheckSummary: Hashable, Sendable {
    /// HTML files read.
    public var pages: Int
    /// Link occurrences found (every href, src, srcset candidate and refresh target).
    public var links: Int
    /// Distinct external URLs requested or taken from the cache.
    public var externalURLs: Int
    /// External URLs answered from the cache without a request.
    public var cachedURLs: Int
    /// External URLs left out by include/exclude filters.
    public var filteredURLs: Int
    public var errors: Int
    public var infos: Int

    public init(pages: Int = 0, links: Int = 0, externalURLs: Int = 0, cachedURLs: Int = 0,
                filteredURLs: Int = 0, errors: Int = 0, infos: Int = 0) {
        self.pages = pages
        self.links = links
        self.externalURLs = externalURLs
        self.cachedURLs = cachedURLs
        self.filteredURLs = filteredURLs
        self.errors = errors
        self.infos = infos
    }

    public var findings: Int { errors + infos }

    /// Builds the counts from findings, so formatters given only findings still agree with the run.
    public init(findings: [LinkFinding], pages: Int, links: Int) {
        self.init(pages: pages, links: links)
        for f in findings {
            if f.severity == .error { errors += 1 } else { infos += 1 }
        }
    }
}

public struct LinkCheckReport: Sendable {
    /// Sorted by page, line, column.
    public var findings: [LinkFinding]
    /// Every HTML file checked, relative to the site folder, sorted.
    public var pages: [String]
    public var summary: LinkCheckSummary

    public init(findings: [LinkFinding], pages: [String], summary: LinkCheckSummary) {
        self.findings = findings
        self.pages = pages
        self.summary = summary
    }

    public var hasErrors: Bool { summary.errors > 0 }

    /// Info findings (redirects) never fail a run.
    public var exitCode: LinkCheckExitCode { hasErrors ? .findings : .clean }
}
