/// A built site held in memory: what `docgen build --check` checks, so the pages it has just
/// written need not be listed and read back from disk.
public struct SiteSnapshot: Sendable {
    /// Every output file, relative to the site folder with `/` separators.
    public var files: [String]
    /// The text of each HTML file among `files` not in `scanned`, by the same relative path.
    public var html: [String: String]
    /// Pages already scanned (see `LinkChecker.scan`), by relative path.
    public var scanned: [String: ScannedPage]
    /// Pages among `files` whose text is unknown (a build that failed on them): links to them
    /// count as found, their fragments and their own links go unchecked.
    public var unrendered: Set<String>

    public init(files: [String], html: [String: String], scanned: [String: ScannedPage] = [:], unrendered: Set<String> = []) {
        self.files = files
        self.html = html
        self.scanned = scanned
        self.unrendered = unrendered
    }
}

/// One page's links and anchors, found by `LinkChecker.scan` while the page is still in the
/// processor's cache (`docgen build --check` scans each page as soon as it is rendered).
public struct ScannedPage: @unchecked Sendable {
    // A plain value once made; @unchecked only because PageScan's fields are not marked Sendable.
    let scan: PageScan
}
