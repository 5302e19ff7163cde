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

    init(root: String) throws {
        try walk(root: root, relative: "")
        pages.sort()
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

    private mutating func walk(root: String, relative: String) throws {
        let path = relative.isEmpty ? root : root + "/" + relative
        guard let dir = opendir(path) else { throw LinkCheckError.unreadable(path: path, errno: errno) }
        defer { closedir(dir) }
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(cString: raw.bindMemory(to: CChar.self).baseAddress!)
            }
            if name == "." || name == ".." { continue }
            let rel = relative.isEmpty ? name : relative + "/" + name
            var isFolder = false
            switch Int32(entry.pointee.d_type) {
            case Int32(DT_DIR): isFolder = true
            case Int32(DT_REG): isFolder = false
            default:
                // Symlinks and file systems that leave d_type unknown: ask stat, which follows links
                // the way a web server serving the folder would.
                var info = stat()
                guard stat(root + "/" + rel, &info) == 0 else { continue }
                isFolder = (info.st_mode & S_IFMT) == S_IFDIR
            }
            if isFolder {
                folders.insert(rel)
                try walk(root: root, relative: rel)
            } else {
                files.insert(rel)
                if Self.isHTML(name) { pages.append(rel) }
            }
        }
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

/// Reads a whole file into memory with plain POSIX calls; Foundation's readers cost more per file and
/// a large site has thousands of small files.
func readFileBytes(_ path: String) throws -> [UInt8] {
    let fd = open(path, O_RDONLY)
    guard fd >= 0 else { throw LinkCheckError.unreadable(path: path, errno: errno) }
    defer { close(fd) }
    var info = stat()
    guard fstat(fd, &info) == 0 else { throw LinkCheckError.unreadable(path: path, errno: errno) }
    guard Int(info.st_size) <= Limits.htmlFileBytes else { throw LinkCheckError.tooLarge(path: path, bytes: Int(info.st_size)) }
    // One byte more than fstat's size, so the read that sees the end needs no bigger buffer; the
    // size is still only a hint, since the file may change while we read it.
    var result = [UInt8](repeating: 0, count: Int(info.st_size) + 1)
    var filled = 0
    while true {
        if filled == result.count { result.append(contentsOf: repeatElement(0, count: result.count)) }
        let got = result.withUnsafeMutableBytes { raw in read(fd, raw.baseAddress! + filled, raw.count - filled) }
        if got < 0 {
            if errno == EINTR { continue }
            throw LinkCheckError.unreadable(path: path, errno: errno)
        }
        if got == 0 { break }
        filled += got
    }
    result.removeSubrange(filled...)
    return result
}
