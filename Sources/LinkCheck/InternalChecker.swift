import Basics
/// A finding before source mapping: indexes into the scans instead of copied strings.
struct PendingFinding {
    var page: Int
    var link: Int
    var kind: LinkFinding.Kind
    var message: String
}

/// What a link text comes to, or what it still depends on.
enum Verdict {
    case skip
    case external(String)
    case fine
    case problem(LinkFinding.Kind, String)
    /// Only a fragment: it depends on the page the link is on.
    case onThisPage(fragment: Substring?)
    /// A relative path: it depends on the folder of the page the link is on.
    case relative(path: Substring, fragment: Substring?)
}

/// One use of an external URL, kept so that a single result can be reported at every use.
struct ExternalUse {
    var page: Int
    var link: Int
    var url: String
}

struct InternalResult {
    var pages: [String]
    var scans: [PageScan]
    /// Every distinct link text, and for each page the number of each of its links' texts.
    var texts: [String]
    var linkTexts: [[Int]]
    var findings: [PendingFinding]
    var externalUses: [ExternalUse]
    var linkCount: Int
}

/// Checks everything that needs no network: pages, files and fragments inside the site folder.
/// Two parallel passes, since a fragment can only be checked once every page's anchors are known.
enum InternalChecker {
    static func run(siteFolder: String, rootPath: String, origin: SiteOrigin?, workers: Int) throws -> InternalResult {
        try run(files: try SiteFiles(root: siteFolder), rootPath: rootPath, origin: origin, workers: workers) { page in
            try readPage(siteFolder + "/" + page).withUnsafeBufferPointer { PageScan(bytes: $0) }
        }
    }

    static func run(snapshot: SiteSnapshot, rootPath: String, origin: SiteOrigin?, workers: Int) throws -> InternalResult {
        try run(files: SiteFiles(paths: snapshot.files), rootPath: rootPath, origin: origin, workers: workers,
                unrendered: snapshot.unrendered) { page in
            if let scanned = snapshot.scanned[page] { return scanned.scan }
            var text = snapshot.html[page] ?? ""
            return text.withUTF8 { PageScan(bytes: $0) }
        }
    }

    /// `scan` reads one page (by its relative path) and scans it; it runs on several threads.
    private static func run(files: SiteFiles, rootPath rawRootPath: String, origin: SiteOrigin?, workers: Int,
                            unrendered: Set<String> = [], scan: (String) throws -> PageScan) throws -> InternalResult {
        let rootPath = try PathResolver.normalizedRootPath(rawRootPath)
        let pages = files.pages
        let unknown = Set(pages.indices.filter { unrendered.contains(pages[$0]) })
        let resolver = PathResolver(files: files, rootPath: rootPath, origin: origin)

        // Pass 1: read and scan every page.
        let scanned: [[Result<PageScan, Error>]] = parallelChunks(count: pages.count, workers: workers) { range in
            range.map { i in Result { try scan(pages[i]) } }
        }
        var scans: [PageScan] = []
        scans.reserveCapacity(pages.count)
        for chunk in scanned {
            for result in chunk { scans.append(try result.get()) }
        }

        let folders = pages.indices.map { resolver.baseFolder(page: pages[$0], baseHref: scans[$0].baseHref) }
        let redirects = redirectTargets(scans: scans, folders: folders, resolver: resolver, origin: origin)

        // Pass 2: every distinct link text is classified once, on all cores: most links are the
        // site's navigation, the same on every page, and a site-absolute link gets the same
        // verdict wherever it is.
        var table = LinkTextTable()
        let linkTexts: [[Int]] = scans.map { scan in
            scan.linkBytes.withUnsafeBufferPointer { bytes in scan.links.map { table.id(of: $0, in: bytes) } }
        }
        let texts = table.texts
        let verdicts: [Verdict] = parallelChunks(count: texts.count, workers: workers) { range in
            range.map { i -> Verdict in
                switch LinkClassifier.classify(texts[i], origin: origin) {
                case .skipped:
                    return .skip
                case .external(let url):
                    return .external(url)
                case .local(let path, let fragment) where path.isEmpty:
                    return .onThisPage(fragment: fragment)
                case .local(let path, let fragment) where path.hasPrefix("/"):
                    let resolution = resolver.resolve(path, fromFolder: "")
                    return problem(with: resolution, fragment: fragment, scans: scans, redirects: redirects,
                                   pages: pages, unknown: unknown, resolver: resolver).map { .problem($0.0, $0.1) } ?? .fine
                case .local(let path, let fragment):
                    return .relative(path: path, fragment: fragment)
                }
            }
        }.flatMap { $0 }

        // Most links are fine wherever they are; the page loop skips those without looking at
        // their verdicts, which are larger values.
        let dependsOnPage = verdicts.map { verdict -> Bool in
            switch verdict {
            case .skip, .fine: return false
            default: return true
            }
        }

        // Then each page's links, with what depends on the page: fragments on the page itself and
        // relative paths (memoised per folder).
        let checked = parallelChunks(count: pages.count, workers: workers, chunksPerWorker: 1) { range -> ([PendingFinding], [ExternalUse]) in
            var findings: [PendingFinding] = []
            var external: [ExternalUse] = []
            var byFolder: [String: Resolution] = [:]
            for page in range {
                let folder = folders[page]
                for (linkIndex, text) in linkTexts[page].enumerated() where dependsOnPage[text] {
                    switch verdicts[text] {
                    case .skip, .fine:
                        continue
                    case .external(let url):
                        external.append(ExternalUse(page: page, link: linkIndex, url: url))
                    case .problem(let kind, let message):
                        findings.append(PendingFinding(page: page, link: linkIndex, kind: kind, message: message))
                    case .onThisPage(let fragment):
                        findings.append(contentsOf: check(.page(page), fragment, page: page, link: linkIndex))
                    case .relative(let path, let fragment):
                        let key = folder + "\u{0}" + path
                        let resolution = byFolder[key] ?? resolver.resolve(path, fromFolder: folder)
                        byFolder[key] = resolution
                        findings.append(contentsOf: check(resolution, fragment, page: page, link: linkIndex))
                    }
                }
            }
            return (findings, external)

            func check(_ resolution: Resolution, _ fragment: Substring?, page: Int, link: Int) -> [PendingFinding] {
                guard let problem = problem(with: resolution, fragment: fragment, scans: scans, redirects: redirects,
                                            pages: pages, unknown: unknown, resolver: resolver) else { return [] }
                return [PendingFinding(page: page, link: link, kind: problem.0, message: problem.1)]
            }
        }
        return InternalResult(pages: pages, scans: scans, texts: texts, linkTexts: linkTexts, findings: checked.flatMap(\.0),
                              externalUses: checked.flatMap(\.1),
                              linkCount: scans.reduce(0) { $0 + $1.links.count })
    }

    /// For each alias page, the page its refresh leads to, so a fragment aimed at an alias is looked
    /// for where the reader ends up.
    private static func redirectTargets(scans: [PageScan], folders: [String], resolver: PathResolver,
                                        origin: SiteOrigin?) -> [Int: Int] {
        var targets: [Int: Int] = [:]
        for (page, scan) in scans.enumerated() {
            guard let index = scan.refreshLink,
                  case .local(let path, _) = LinkClassifier.classify(scan.value(of: scan.links[index]), origin: origin), !path.isEmpty,
                  case .page(let target) = resolver.resolve(path, fromFolder: folders[page]) else { continue }
            targets[page] = target
        }
        return targets
    }

    private static func problem(with resolution: Resolution, fragment: Substring?, scans: [PageScan],
                                redirects: [Int: Int], pages: [String], unknown: Set<Int>,
                                resolver: PathResolver) -> (LinkFinding.Kind, String)? {
        switch resolution {
        case .file:
            return nil
        case .outside(let why):
            return (.outsideSite, why)
        case .missing(let kind, let url):
            return (kind, kind == .missingPage ? "missing page \(url)" : "missing file \(url)")
        case .page(let target):
            guard var fragment, !fragmentAlwaysResolves(fragment) else { return nil }
            // `#id:~:text=…` scrolls to the id and then highlights text; only the id is ours to check.
            var searchFrom = fragment.utf8.startIndex
            while let colon = fragment.utf8[searchFrom...].firstIndex(of: UInt8(ascii: ":")) {
                if fragment[colon...].hasPrefix(":~:") {
                    fragment = fragment[..<colon]
                    break
                }
                searchFrom = fragment.utf8.index(after: colon)
            }
            var page = target
            let decoded = percentDecoded(fragment)
            let asWritten = decoded.utf8.count == fragment.utf8.count ? nil : String(fragment)
            // Follow alias pages a few hops; the limit also stops refresh loops.
            for _ in 0..<5 {
                if unknown.contains(page) { return nil }
                let anchors = scans[page].anchors
                if anchors.contains(decoded) || asWritten.map(anchors.contains) == true { return nil }
                guard let next = redirects[page] else { break }
                page = next
            }
            return (.missingFragment, "missing fragment #\(fragment) in \(resolver.url(ofPage: pages[target]))")
        }
    }

    /// Browsers scroll to the top for `#` and `#top`, and `#:~:text=` is a text fragment, not an id.
    private static func fragmentAlwaysResolves(_ fragment: Substring) -> Bool {
        fragment.isEmpty || (fragment.utf8.count == 3 && fragment.lowercased() == "top") || fragment.hasPrefix(":~:")
    }
}
