/// A built site held in memory: what `docgen build --check` checks, so the pages it has just
/// written need not be listed and read back from disk.
public struct SiteSnapshot: Sendable {
    /// Every output file, relative to the site folder with `/` separators.
    public var files: [String]
    /// The text of each HTML file among `files`, by the same relative path.
    public var html: [String: String]

    public init(files: [String], html: [String: String]) {
        self.files = files
        self.html = html
    }
}
