/// Where a local link's path leads in the site folder.
enum Resolution: Equatable {
    case page(Int)
    /// An existing file that is not HTML; fragments on it (`doc.pdf#page=2`) are not ours to check.
    case file
    case missing(LinkFinding.Kind, url: String)
    /// Above the folder root, or a site-absolute path not under the root path.
    case outside(String)
}

/// Maps link paths to files the way a static web server would: `/x/` and `/x` (a folder) serve
/// `x/index.html`, `%20` is a space, `..` cannot climb above the root.
struct PathResolver {
    let files: SiteFiles
    let pageIndex: [String: Int]
    /// The `index.html` page of each folder (`""` for the site's own), by folder path.
    let pageByFolder: [String: Int]
    /// Normalised to start and end with `/`.
    let rootPath: String
    let origin: SiteOrigin?

    init(files: SiteFiles, rootPath: String, origin: SiteOrigin? = nil) {
        self.files = files
        var index: [String: Int] = [:]
        index.reserveCapacity(files.pages.count)
        var byFolder: [String: Int] = [:]
        for (i, page) in files.pages.enumerated() {
            index[page] = i
            if page == "index.html" { byFolder[""] = i } else if page.hasSuffix("/index.html") {
                byFolder[String(page.utf8.dropLast("/index.html".utf8.count))!] = i
            }
        }
        self.pageIndex = index
        self.pageByFolder = byFolder
        self.rootPath = rootPath
        self.origin = origin
    }

    static func normalizedRootPath(_ raw: String) throws -> String {
        var path = raw.isEmpty ? "/" : raw
        guard path.hasPrefix("/") else { throw LinkCheckError.invalidRootPath(raw) }
        if !path.hasSuffix("/") { path += "/" }
        return path
    }

    /// The folder a page's relative links start from: `docs/x/` for `docs/x/index.html`.
    static func folder(of page: String) -> String {
        guard let slash = page.lastIndex(of: "/") else { return "" }
        return String(page[...slash])
    }

    /// The URL path a page is served at, for messages: `/docs/y/` rather than `docs/y/index.html`.
    func url(ofPage page: String) -> String {
        if page == "index.html" { return rootPath }
        if page.hasSuffix("/index.html") { return rootPath + page.dropLast("index.html".count) }
        return rootPath + page
    }

    /// The folder relative links of a page resolve from, honouring a path-only `<base href>`.
    func baseFolder(page: String, baseHref: String?) -> String {
        let pageFolder = Self.folder(of: page)
        guard let base = baseHref, case .local(let path, _) = LinkClassifier.classify(base, origin: origin), !path.isEmpty else {
            return pageFolder
        }
        // The base's last segment names a document, not a folder, unless it ends in '/'.
        let folderPart = path.hasSuffix("/") ? path : path[..<(path.lastIndex(of: "/").map { path.index(after: $0) } ?? path.startIndex)]
        guard let (baseSegments, _) = segments(of: folderPart, from: pageFolder) else { return pageFolder }
        return baseSegments.isEmpty ? "" : baseSegments.joined(separator: "/") + "/"
    }

    /// Resolves a non-empty path from the given folder (`""` or ending in `/`).
    func resolve(_ path: Substring, fromFolder folder: String) -> Resolution {
        let relative: String, namesFolder: Bool
        // Only a missing target's message needs the last name, so it is worked out then.
        var lastSegment: String?
        if let plain = plainSiteAbsolute(path) {
            (relative, namesFolder) = plain
        } else if let (segments, folderName) = segments(of: path, from: folder) {
            relative = segments.joined(separator: "/")
            namesFolder = folderName
            lastSegment = segments.last ?? ""
        } else {
            if path.hasPrefix("/") && !isUnderRoot(path) {
                return .outside("\(path) is not under the site's root path \(rootPath)")
            }
            return .outside("\(path) climbs out of the site folder with ..: point it at a page inside the site")
        }
        var target: String
        var folderExists = false
        if namesFolder || relative.isEmpty {
            if let page = pageByFolder[relative] { return .page(page) }
            target = relative.isEmpty ? "index.html" : relative + "/index.html"
            folderExists = files.folders.contains(relative)
        } else if files.files.contains(relative) {
            target = relative
        } else if files.folders.contains(relative) {
            if let page = pageByFolder[relative] { return .page(page) }
            target = relative + "/index.html"
            folderExists = true
        } else {
            target = relative
        }
        if let page = pageIndex[target] { return .page(page) }
        if files.files.contains(target) { return .file }
        let url = rootPath + relative + (namesFolder && !relative.isEmpty ? "/" : "")
        let lastName = lastSegment.map { $0[...] } ?? relative.split(separator: "/").last ?? ""
        let looksLikePage = namesFolder || folderExists || !lastName.contains(".") || SiteFiles.isHTML(String(lastName))
        return .missing(looksLikePage ? .missingPage : .missingFile, url: url)
    }

    /// Most links of a site are site-absolute paths with nothing to decode or collapse
    /// (`/docs/x/`): for those the path below the root is already the relative path. Nil for
    /// anything else (`%`, an empty, `.` or `..` segment, or a name starting with a dot), which
    /// `segments(of:from:)` handles.
    func plainSiteAbsolute(_ path: Substring) -> (relative: String, namesFolder: Bool)? {
        var path = path
        let root = rootPath.utf8.count
        // On the bytes: walking a Substring's UTF8View costs a few nanoseconds a byte.
        let plain = path.withUTF8 { bytes -> (end: Int, namesFolder: Bool)? in
            guard bytes.first == UInt8(ascii: "/"), bytes.count >= root, bytes.starts(with: rootPath.utf8) else { return nil }
            var previous = UInt8(ascii: "/")
            for byte in bytes[root...] {
                if byte == UInt8(ascii: "%") || (previous == UInt8(ascii: "/") && (byte == UInt8(ascii: "/") || byte == UInt8(ascii: "."))) {
                    return nil
                }
                previous = byte
            }
            let namesFolder = bytes.count == root || previous == UInt8(ascii: "/")
            return (namesFolder && bytes.count > root ? bytes.count - 1 : bytes.count, namesFolder)
        }
        guard let plain else { return nil }
        let utf8 = path.utf8
        return (String(path[utf8.index(utf8.startIndex, offsetBy: root)..<utf8.index(utf8.startIndex, offsetBy: plain.end)]),
                plain.namesFolder)
    }

    private func isUnderRoot(_ path: Substring) -> Bool {
        path.hasPrefix(rootPath) || path + "/" == rootPath
    }

    /// Decoded path segments relative to the site folder and whether the path names a folder (ends in
    /// `/`, `.` or `..`); nil when the path leaves the site. Works on bytes: this runs for every
    /// distinct link of a large site.
    func segments(of path: Substring, from folder: String) -> ([String], Bool)? {
        let utf8 = path.utf8
        var result: [String] = []
        var index = utf8.startIndex
        if utf8.first == UInt8(ascii: "/") {
            guard isUnderRoot(path) else { return nil }
            index = utf8.index(index, offsetBy: min(rootPath.utf8.count, utf8.count))
        } else if !folder.isEmpty {
            result = folder.utf8.split(separator: UInt8(ascii: "/")).map { String(Substring($0)) }
        }
        var namesFolder = index == utf8.endIndex
        var segmentStart = index
        while true {
            let atEnd = index == utf8.endIndex
            if atEnd || utf8[index] == UInt8(ascii: "/") {
                if segmentStart != index {
                    // Decode before looking at dots: servers treat `%2e%2e` as `..` too.
                    let segment = percentDecoded(path[segmentStart..<index])
                    namesFolder = false
                    if segment == "." {
                        namesFolder = true
                    } else if segment == ".." {
                        guard !result.isEmpty else { return nil }
                        result.removeLast()
                        namesFolder = true
                    } else {
                        result.append(segment)
                    }
                }
                if atEnd { break }
                namesFolder = true  // a '/' that may turn out to be the last character
                segmentStart = utf8.index(after: index)
            }
            index = utf8.index(after: index)
        }
        return (result, namesFolder)
    }
}
