import Basics
import Diagnostics
/// Everything `content/` (and `static/`) holds, loaded once and then only read.
public struct ContentTree: Sendable {
    public var pages: [Page]
    /// Files copied as they are (images, page resources, `static/`).
    public var files: [StaticFile]
    private var byContentPath: [String: Int]
    /// Every page file as read, by its path as messages name it, for the next load to reuse
    /// (see `ContentLoader.Options.known`).
    public var readPages: [String: ReadPage] = [:]
    /// Pages this build leaves out (drafts, future, expired, headless), by lookup key.
    public var leftOut: [String: LeftOutPage] = [:]

    public init(pages: [Page], files: [StaticFile]) {
        self.pages = pages
        self.files = files
        var index: [String: Int] = [:]
        for (i, page) in pages.enumerated() { index[page.contentPath.lowercased()] = i }
        self.byContentPath = index
    }

    /// Finds a page the way Hugo's `GetPage` does: by content path, case-insensitively, with or
    /// without a `.md` extension, `_index`/`index` or trailing slash; a path without a leading
    /// slash is tried relative to `relativeTo` (a section's content path) first.
    public func page(at reference: String, relativeTo base: String? = nil) -> Page? {
        for key in Self.lookupKeys(reference, relativeTo: base) {
            if let i = byContentPath[key] { return pages[i] }
        }
        return nil
    }

    /// The page file that `reference` names, when this build left it out.
    public func leftOut(at reference: String, relativeTo base: String? = nil) -> LeftOutPage? {
        Self.lookupKeys(reference, relativeTo: base).lazy.compactMap { leftOut[$0] }.first
    }

    /// The content path of the page whose path is nearest to a reference that finds none, for "did you mean".
    public func nearestPath(to reference: String, relativeTo base: String? = nil) -> String? {
        // A relative reference is compared from its section as well as from the root, as it is looked up.
        let keys = Self.lookupKeys(reference, relativeTo: base)
        guard let key = keys.last else { return nil }
        // Paths share most of their text, so a typo is a few edits of the last part, not
        // anything that holds it (every page of /docs/ holds "/docs").
        let last = key.split(separator: "/").last?.count ?? 0
        let limit = max(2, last / 3)
        let scored = pages.filter { !$0.isImplicit }.map { page in
            (keys.map { editDistance(page.contentPath.lowercased(), $0) }.min() ?? .max, page.contentPath)
        }
        return scored.filter { $0.0 <= limit }.min { $0 < $1 }?.1
    }

    /// The keys a reference may be found under, in order: relative to `base` first, then from the root.
    private static func lookupKeys(_ reference: String, relativeTo base: String?) -> [String] {
        var path = reference
        for suffix in ["/_index.md", "/index.md", ".md", "/_index", "/index"] where path.hasSuffix(suffix) {
            path.removeLast(suffix.count)
            break
        }
        while path.utf8.count > 1 && path.hasSuffix("/") { path.removeLast() }
        if path.isEmpty { path = "/" }
        var candidates: [String] = []
        if !path.hasPrefix("/"), let base { candidates.append(ContentTree.join(base, path)) }
        candidates.append(path.hasPrefix("/") ? path : "/" + path)
        return candidates.map(lookupKey)
    }

    static func join(_ base: String, _ relative: String) -> String {
        base == "/" ? "/" + relative : base + "/" + relative
    }

    /// The key of `byContentPath` for a site-absolute path. Most references (every `ilink`) are
    /// already plain lower-case paths, which are their own key.
    static func lookupKey(_ path: String) -> String {
        var previous: UInt8 = 0
        for byte in path.utf8 {
            let plain = byte < 0x80 && !(UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
                && !(previous == UInt8(ascii: "/") && (byte == UInt8(ascii: ".") || byte == UInt8(ascii: "/")))
            guard plain else { return normalize(path).lowercased() }
            previous = byte
        }
        return path.utf8.count > 1 && previous == UInt8(ascii: "/") ? normalize(path).lowercased() : path
    }

    /// Resolves "." and ".." segments.
    static func normalize(_ path: String) -> String {
        var parts: [Substring] = []
        for part in path.split(separator: "/") {
            if part == "." { continue }
            if part == ".." { _ = parts.popLast(); continue }
            parts.append(part)
        }
        return "/" + parts.joined(separator: "/")
    }
}

public struct StaticFile: Sendable, Hashable {
    /// Absolute or working-directory-relative path to read from.
    public var source: String
    /// Path under the output folder, without a leading slash.
    public var destination: String

    public init(source: String, destination: String) {
        self.source = source
        self.destination = destination
    }
}

/// A page file as read: its front matter and body, and the problems found in them.
public struct ReadPage: Sendable {
    public let split: SplitPage
    public let problems: [Diagnostic]
    /// The file as it was when read; nil if it could not be read.
    public let stamp: FileStamp?
}
