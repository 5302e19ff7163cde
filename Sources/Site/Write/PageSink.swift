import Diagnostics

/// A page as the build finished it: its output path (relative to the destination) and its HTML.
public struct FinishedPage: Sendable {
    public let outputPath: String
    public let html: String
}

/// What receives the new site while it is built: the writer of the staging folder, the link
/// scan of `--check`, and the dev server's in-memory site. The build hands every finished page
/// to each sink as soon as it is rendered, so the whole site is never held in memory by the
/// build itself; a sink keeps what it needs.
public protocol PageSink: Sendable {
    /// On one of the rendering threads, for each page that rendered without errors. A problem
    /// (a page that could not be written) fails the build.
    func receive(_ page: FinishedPage) -> Diagnostic?

    /// Once, when every page has been rendered: every output path of the site, the text of each
    /// HTML file that is not a page (the 404 page, alias redirects), and the pages that did not
    /// render because of their errors (they exist, but their text is unknown). The build goes on
    /// writing the rest meanwhile, so a sink with long work hands it to another thread.
    func receiveSite(files: [String], otherHTML: [String: String], unrendered: Set<String>)
}
