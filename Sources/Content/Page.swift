/// One Markdown page of the content tree, as loaded: front matter read, body not yet rendered.
public struct Page: Sendable {
    public enum Kind: String, Sendable {
        case home, section, page
    }

    public var kind: Kind
    /// The file as given to the user in messages (relative to where docgen was started when possible).
    public var sourceFile: String
    /// Hugo's logical path, used by `ilink` and `GetPage`: "/docs/guide/attach" for
    /// `docs/guide/attach.md`, `docs/guide/attach/index.md` or `docs/guide/attach/_index.md`; "/" for home.
    public var contentPath: String
    /// The `contentPath` of the section this page belongs to; nil for the home page.
    public var parentPath: String?
    public var frontMatter: FrontMatter
    public var body: Substring
    public var bodyLine: Int
    /// Site-relative URL such as "/docs/guide/attach/".
    public var url: String
    /// Whether the page was made up by docgen for a folder without `_index.md`.
    public var isImplicit: Bool
    /// An HTML content file: shortcodes are expanded, but the body is not Markdown.
    public var isHTML = false

    // Inlinable, as are `isWritten` and `isListed`: called on a page in an array from another
    // module, these getters made a copy of the whole page (every string of it retained) per call.
    @inlinable public var title: String { frontMatter.title ?? Page.titleFromPath(contentPath) }
    @inlinable public var linkTitle: String { frontMatter.linkTitle ?? title }
    public var weight: Int { frontMatter.weight }
    /// A leaf bundle's page (`index.md` or `index.html` with the bundle's files beside it).
    public var isLeafBundle: Bool { kind == .page && ContentFormat.isBundleIndex(lastComponent(sourceFile)) }
    /// `build: {render: link}` keeps the page's URL and place in lists but writes no file.
    @inlinable public var isWritten: Bool { frontMatter.build.render == .always }
    /// `build: {list: never}` leaves the page out of every list and menu.
    @inlinable public var isListed: Bool { frontMatter.build.list != .never }

    /// Where the page is written under the output folder: "docs/guide/attach/index.html".
    public var outputPath: String { URLPath.outputFile(for: url) }

    public init(kind: Kind, sourceFile: String, contentPath: String, parentPath: String?, frontMatter: FrontMatter,
                body: Substring, bodyLine: Int, url: String, isImplicit: Bool = false) {
        self.kind = kind
        self.sourceFile = sourceFile
        self.contentPath = contentPath
        self.parentPath = parentPath
        self.frontMatter = frontMatter
        self.body = body
        self.bodyLine = bodyLine
        self.url = url
        self.isImplicit = isImplicit
    }

    /// Hugo titles a page without a title from its file or folder name.
    @usableFromInline static func titleFromPath(_ path: String) -> String {
        guard let last = path.split(separator: "/").last.map(String.init) else { return "Home" }
        let words = last.replacingOccurrences(of: "-", with: " ").replacingOccurrences(of: "_", with: " ")
        return words.prefix(1).uppercased() + words.dropFirst()
    }
}
