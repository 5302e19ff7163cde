import Basics
import Diagnostics
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Every file and folder under the site folder, listed once up front so that checking a link is a
/// set lookup rather than a `stat` per link.
struct SiteFiles {
    /// Relative paths with `/` separators, no leading slash.
    private(set) var files: Set<String> = []
    private(set) var folders: Set<String> = [""]
    /// The `.html`/`.htm` files among `files`, sorted, so page numbering is stable between runs.
    private(set) var pages: [String] = []

    /// Every file under `root`, hidden ones too (`.well-known/`), following symbolic links as a
    /// web server serving the folder would; a link loop is walked once.
    init(root: String) throws {
        guard folderEntries(root) != nil else { throw LinkCheckError.unreadable(path: root, reason: String(cString: strerror(errno))) }
        self.init(paths: FolderWalk(allowedRoots: [root], allowLinksOutside: true, includeHidden: true).files(under: root).files)
    }

    /// The listing of a site in memory: folders are implied by the files' paths. Works on bytes:
    /// `docgen build --check` lists every file of the site this way on each build.
    init(paths: [String]) {
        files.reserveCapacity(paths.count)
        for path in paths {
            files.insert(path)
            if Self.isHTML(path) { pages.append(path) }
            var utf8 = path.utf8[...]
            while let slash = utf8.lastIndex(of: UInt8(ascii: "/")) {
                utf8 = utf8[..<slash]
                guard folders.insert(String(Substring(utf8))).inserted else { break }
            }
        }
        pages.sort()
    }

    /// Whether the name ends in `.html` or `.htm`, in any case.
    static func isHTML(_ name: String) -> Bool {
        func endsWith(_ suffix: StaticString) -> Bool {
            let utf8 = name.utf8
            let n = suffix.utf8CodeUnitCount
            guard utf8.count >= n else { return false }
            var i = utf8.index(utf8.endIndex, offsetBy: -n)
            for k in 0..<n {
                guard lowercase(utf8[i]) == suffix.utf8Start[k] else { return false }
                i = utf8.index(after: i)
            }
            return true
        }
        return endsWith(".html") || endsWith(".htm")
    }
}

/// A page's bytes, or why it cannot be checked.
func readPage(_ path: String) throws -> [UInt8] {
    switch readFile(path, limit: Limits.htmlFileBytes) {
    case .success(let bytes): return bytes
    case .failure(.tooLarge(let bytes, _)): throw LinkCheckError.tooLarge(path: path, bytes: bytes)
    case .failure(let problem): throw LinkCheckError.unreadable(path: path, reason: problem.message)
    }
}
