import Basics
import Diagnostics
import Foundation

/// Walks `content/` and `static/` following Hugo's conventions and reads every page's front matter.
public enum ContentLoader {
    public struct Options: Sendable {
        public var contentDir: String
        public var staticDir: String?
        public var includeDrafts: Bool
        /// Which symbolic links are followed (`FolderWalk`); by default, those inside the
        /// content and static folders themselves.
        public var walk: FolderWalk?
        /// Pages read before (a previous load's `ContentTree.readPages`): a file whose stamp
        /// (size, modification time, inode) is still the same is not read again. For `docgen serve`, which loads after every change.
        public var known: [String: ReadPage]
        /// Whether to return what was read (`ContentTree.readPages`) for the next load; a
        /// one-off build does not, and spares a `stat` per page.
        public var remembers: Bool
        /// Regular expressions of files not to read (Hugo's `ignoreFiles`), matched against
        /// each file's path as docgen shows it and against its absolute path.
        public var ignoreFiles: [String] = []
        /// Hugo's `--buildFuture` and `--buildExpired`: include pages whose publish date is
        /// later than `now`, or whose expiry date is past.
        public var includeFuture = false
        public var includeExpired = false
        public var now = Date()

        public init(contentDir: String, staticDir: String? = nil, includeDrafts: Bool = false, walk: FolderWalk? = nil,
                    known: [String: ReadPage] = [:], remembers: Bool = false) {
            self.known = known
            self.remembers = remembers
            self.contentDir = contentDir
            self.staticDir = staticDir
            self.includeDrafts = includeDrafts
            self.walk = walk
        }
    }

    static func ignoring(_ patterns: [String], in listing: [String], root: String) -> [String] {
        let regexes = patterns.compactMap { try? NSRegularExpression(pattern: $0) }
        let base = URL(fileURLWithPath: root).standardizedFileURL.path
        func matches(_ text: String) -> Bool {
            regexes.contains { $0.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil }
        }
        return listing.filter { !matches(root + "/" + $0) && !matches(base + "/" + $0) }
    }

    public static func load(_ options: Options) -> (ContentTree, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        let root = options.contentDir
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: root, isDirectory: &isDirectory), isDirectory.boolValue else {
            return (ContentTree(pages: [], files: []), [.error(root, "content folder not found")])
        }
        let walk = options.walk ?? FolderWalk(allowedRoots: [root] + (options.staticDir.map { [$0] } ?? []))
        var (listing, linkProblems) = walk.files(under: root)
        diagnostics += linkProblems
        if !options.ignoreFiles.isEmpty { listing = ignoring(options.ignoreFiles, in: listing, root: root) }

        // Hugo publishes HTML files with front matter as pages (their body is not Markdown), and
        // copies the others as they are.
        let htmlPages = Set(listing.filter { ContentFormat(fileName: lastComponent($0)) == .html && startsWithFrontMatter(root + "/" + $0) })
        let isPage = { @Sendable (path: String) in
            htmlPages.contains(path) || ContentFormat(fileName: lastComponent(path)) == .markdown
        }
        // Which folders are sections and which are leaf bundles decides what every file becomes.
        var bundleIndex: [String: String] = [:]
        for path in listing where isPage(path) && ContentFormat.isBundleIndex(lastComponent(path)) {
            bundleIndex[parentDir(path)] = bundleIndex[parentDir(path)] ?? path
        }
        let bundleDirs = Set(bundleIndex.keys)
        var sectionDirs = Set(listing.filter { isPage($0) && ContentFormat.isSectionIndex(lastComponent($0)) }.map(parentDir))
        for path in listing where isPage(path) {
            // Hugo makes every top-level folder that holds pages a section, with or without `_index.md`.
            if let slash = path.utf8.firstIndex(of: UInt8(ascii: "/")), !bundleDirs.contains(String(path[..<slash])) {
                sectionDirs.insert(String(path[..<slash]))
            }
        }
        sectionDirs.insert("")
        let sections = sectionDirs

        // The bundle each folder is in, if any, found once per folder and then only read, by
        // all cores: it is asked for every file.
        var bundleOfFolder: [String: String?] = ["": bundleDirs.contains("") ? "" : nil]
        func bundle(containing dir: String) -> String? {
            if let known = bundleOfFolder[dir] { return known }
            let found = bundleDirs.contains(dir) ? dir : bundle(containing: parentDir(dir))
            bundleOfFolder[dir] = found
            return found
        }
        for path in listing { _ = bundle(containing: parentDir(path)) }
        let bundles = bundleOfFolder
        @Sendable func insideBundle(_ path: String) -> String? { bundles[parentDir(path)] ?? nil }
        @Sendable func sectionOf(dir: String) -> String {
            var d = dir
            while !sections.contains(d) { d = parentDir(d) }
            return d
        }
        @Sendable func contentPath(ofDir dir: String) -> String { "/" + dir }

        var pages: [Page] = []
        var staticFiles: [StaticFile] = []
        let pagePaths = listing.filter { isPage($0) && (insideBundle($0) == nil || bundleIndex[parentDir($0)] == $0) }
        let known = options.known
        let remembers = options.remembers
        let loadedPages = parallelMap(pagePaths) { path in readPage(path, root: root, known: known[root + "/" + path], stamped: remembers) }
        var read: [String: (SplitPage, [Diagnostic])] = [:]
        var readPages: [String: ReadPage] = [:]
        for (path, result) in zip(pagePaths, loadedPages) {
            read[path] = (result.split, result.problems)
            if remembers { readPages[root + "/" + path] = result }
        }
        let pagesBySource = read

        // What each file becomes, worked out on all cores and collected in listing order.
        let (includeDrafts, includeFuture, includeExpired, now) = (options.includeDrafts, options.includeFuture,
                                                                   options.includeExpired, options.now)
        let bundleIndexes = bundleIndex
        let outcomes = parallelMap(listing) { path -> LoadedFile in
            let name = lastComponent(path)
            let dir = parentDir(path)
            let display = root + "/" + path
            let format = ContentFormat(fileName: name)
            if let bundle = insideBundle(path), bundleIndexes[dir] != path {
                // Hugo does not publish a bundle's content files, only its other resources.
                if format != nil && format != .html || isPage(path) { return .skipped([]) }
                let index = bundleIndexes[bundle].flatMap { pagesBySource[$0]?.0.frontMatter } ?? FrontMatter()
                guard index.build.publishResources else { return .skipped([]) }
                return .file(StaticFile(source: display, destination: resourceDestination(path, bundle: bundle, frontMatter: index)))
            }
            if case .unsupported(let formatName)? = format {
                return .skipped([.warning(display, 1, 1, "\(formatName) content is not supported, so this page is not published: "
                    + "write it in Markdown (.md) or HTML with front matter")])
            }
            guard isPage(path) else { return .file(StaticFile(source: display, destination: path)) }
            guard let (split, problems) = pagesBySource[path] else { return .skipped([]) }

            let kind: Page.Kind
            let logicalDir: String
            if ContentFormat.isSectionIndex(name) {
                kind = dir.isEmpty ? .home : .section
                logicalDir = dir
            } else if bundleIndexes[dir] == path {
                kind = dir.isEmpty ? .home : .page
                logicalDir = dir
            } else {
                kind = .page
                let stem = ContentFormat.stem(name)
                logicalDir = dir.isEmpty ? String(stem) : dir + "/" + stem
            }
            let cPath = contentPath(ofDir: logicalDir)
            // Left out, but remembered, so that a link to it can say why it is missing.
            if let reason = LeftOutPage.reason(for: split.frontMatter, now: now, includeDrafts: includeDrafts,
                                               includeFuture: includeFuture, includeExpired: includeExpired) {
                return .leftOut(contentPath: cPath, LeftOutPage(file: display, reason: reason), problems)
            }
            // A bundle or section belongs to the section above its folder; a plain page to its folder's.
            let ownerDir = logicalDir == dir ? parentDir(dir) : dir
            let parent: String? = kind == .home ? nil : contentPath(ofDir: sectionOf(dir: ownerDir))
            var page = Page(kind: kind, sourceFile: display, contentPath: cPath, parentPath: parent,
                            frontMatter: split.frontMatter, body: split.body, bodyLine: split.bodyLine,
                            url: url(for: split.frontMatter, contentPath: cPath))
            page.isHTML = format == .html
            return .page(page, problems)
        }
        var leftOut: [String: LeftOutPage] = [:]
        for outcome in outcomes {
            switch outcome {
            case .page(let page, let problems):
                diagnostics += problems
                pages.append(page)
            case .file(let file): staticFiles.append(file)
            case .skipped(let problems): diagnostics += problems
            case .leftOut(let contentPath, let page, let problems):
                diagnostics += problems
                leftOut[ContentTree.lookupKey(contentPath)] = page
            }
        }

        // Folders that are sections without an `_index.md` still get a listing page, as in Hugo.
        let present = Set(pages.map(\.contentPath))
        for dir in sectionDirs.sorted() {
            let cPath = dir.isEmpty ? "/" : contentPath(ofDir: dir)
            guard !present.contains(cPath) else { continue }
            let parent = dir.isEmpty ? nil : contentPath(ofDir: sectionOf(dir: parentDir(dir)))
            pages.append(Page(kind: dir.isEmpty ? .home : .section, sourceFile: root + "/" + (dir.isEmpty ? "" : dir + "/") + "_index.md",
                              contentPath: cPath, parentPath: parent, frontMatter: FrontMatter(), body: "", bodyLine: 1,
                              url: URLPath.pretty(cPath), isImplicit: true))
        }

        if let staticDir = options.staticDir {
            let (files, problems) = walk.files(under: staticDir)
            diagnostics += problems
            for path in files {
                staticFiles.append(StaticFile(source: staticDir + "/" + path, destination: path))
            }
        }
        var tree = ContentTree(pages: pages, files: staticFiles)
        tree.readPages = readPages
        tree.leftOut = leftOut
        return (tree, diagnostics)
    }

    /// What one file of the content folder becomes.
    private enum LoadedFile: Sendable {
        case page(Page, [Diagnostic])
        case file(StaticFile)
        /// A draft, or Markdown inside a bundle: not published (a draft's problems still count).
        case skipped([Diagnostic])
        /// A page this build does not publish: a draft, a future or expired page, a headless one.
        case leftOut(contentPath: String, LeftOutPage, [Diagnostic])
    }

    static func url(for frontMatter: FrontMatter, contentPath: String) -> String {
        if let url = frontMatter.url { return URLPath.explicit(url) }
        let pretty = URLPath.pretty(contentPath)
        if let slug = frontMatter.slug, contentPath != "/" { return URLPath.withSlug(pretty, slug: slug) }
        return pretty
    }

    /// A bundle's resources live beside its `index.html`, under the page's URL.
    private static func resourceDestination(_ path: String, bundle: String, frontMatter: FrontMatter) -> String {
        let pageURL = url(for: frontMatter, contentPath: "/" + bundle)
        let relative = bundle.isEmpty ? path : String(path.dropFirst(bundle.count + 1))
        return URLPath.outputFile(for: pageURL).dropLast("index.html".count) + relative
    }

    /// Only the first four bytes are read: the page is read in full later, if it is one.
    private static func startsWithFrontMatter(_ path: String) -> Bool {
        guard let handle = FileHandle(forReadingAtPath: path) else { return false }
        defer { try? handle.close() }
        let head = [UInt8](handle.readData(ofLength: 4))
        return head == Array("---\n".utf8) || head == Array("+++\n".utf8)
    }

    private static func readPage(_ path: String, root: String, known: ReadPage?, stamped: Bool) -> ReadPage {
        let display = root + "/" + path
        // Stamped before reading: a write during the read leaves a stamp that the next load sees differ.
        let stamp = stamped ? FileStamp(path: display) : nil
        if let known, let stamp, known.stamp == stamp { return known }
        let (split, problems) = readPage(display)
        return ReadPage(split: split, problems: problems, stamp: stamp)
    }

    private static func readPage(_ display: String) -> (SplitPage, [Diagnostic]) {
        switch readTextFile(display, limit: Limits.pageFileBytes) {
        case .success(let text):
            return FrontMatterParser.split(text, file: display)
        case .failure(let problem):
            let diagnostic: Diagnostic
            switch problem {
            case .tooLarge(let bytes, _):
                diagnostic = .error(display, "the page is \(megabytes(bytes)); pages may be at most \(megabytes(Limits.pageFileBytes)): split it into several pages")
            case .cannotOpen, .readFailed, .notAFile: diagnostic = .error(display, "cannot read file")
            case .notUTF8(let line, let column): diagnostic = .error(display, line, column, problem.message)
            }
            return (SplitPage(frontMatter: FrontMatter(), body: "", bodyLine: 1), [diagnostic])
        }
    }

    /// Every file under `root`, as sorted relative paths, following links only inside it.
    public static func listFiles(under root: String) -> [String] {
        FolderWalk(allowedRoots: [root]).files(under: root).files
    }
}

// Both run several times for every file of the content tree, so they search bytes, not Characters.
func parentDir(_ path: String) -> String {
    guard let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")) else { return "" }
    return String(path[..<slash])
}

func lastComponent(_ path: String) -> String {
    guard let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")) else { return path }
    return String(path[path.utf8.index(after: slash)...])
}
