import Content
import Foundation

/// The section tree of a site, built once from the loaded pages and read by every page's render:
/// children in menu order, reading order for previous/next, and ancestors for breadcrumbs.
struct SiteIndex: Sendable {
    let pages: [Page]
    /// Each page's Docsy navigation settings (`toc_hide`, `no_list`, …), by page index.
    let docsy: [DocsySettings]
    /// Child page indices of each section or home page, by the parent's content path, in menu order.
    let children: [String: [Int]]
    /// Every page in reading order: a section, then its children depth-first.
    let readingOrder: [Int]
    let positionInReadingOrder: [Int: Int]
    let indexByContentPath: [String: Int]
    /// `children` by page index: the menus ask for a page's children many times per page.
    private let childrenByIndex: [[Int]]

    init(pages: [Page], docsy: [DocsySettings]? = nil) {
        self.pages = pages
        self.docsy = docsy ?? pages.map { DocsySettings.read($0).0 }
        var indexByPath: [String: Int] = [:]
        for (i, page) in pages.enumerated() { indexByPath[page.contentPath] = i }
        var children: [String: [Int]] = [:]
        for (i, page) in pages.enumerated() {
            guard let parent = page.parentPath, page.isListed else { continue }
            children[parent, default: []].append(i)
        }
        // Dates parsed once per page, not once per comparison.
        let dates = pages.map(SiteIndex.sortDate)
        for key in children.keys {
            children[key]!.sort { SiteIndex.menuOrder(pages[$0], dates[$0], pages[$1], dates[$1]) }
        }
        var order: [Int] = []
        func visit(_ i: Int) {
            order.append(i)
            for child in children[pages[i].contentPath] ?? [] { visit(child) }
        }
        if let home = indexByPath["/"] { visit(home) }
        self.children = children
        childrenByIndex = pages.map { children[$0.contentPath] ?? [] }
        self.readingOrder = order
        var position: [Int: Int] = [:]
        for (n, i) in order.enumerated() { position[i] = n }
        self.positionInReadingOrder = position
        self.indexByContentPath = indexByPath
    }

    /// The date Hugo sorts a page by: `date`, else its publication date; undated pages count as
    /// the earliest of all.
    static func sortDate(_ page: Page) -> Double {
        (page.frontMatter.date ?? page.frontMatter.publishDate).flatMap(FrontMatterDate.instant)?.timeIntervalSince1970 ?? -.infinity
    }

    /// Hugo's default page order: by weight (unweighted last), then newest first, then link
    /// title, then path.
    static func menuOrder(_ a: Page, _ dateA: Double, _ b: Page, _ dateB: Double) -> Bool {
        let wa = a.weight == 0 ? Int.max : a.weight
        let wb = b.weight == 0 ? Int.max : b.weight
        if wa != wb { return wa < wb }
        if dateA != dateB { return dateA > dateB }
        if a.linkTitle != b.linkTitle { return a.linkTitle.localizedStandardCompareLess(b.linkTitle) }
        return a.contentPath < b.contentPath
    }

    func childrenOf(_ index: Int) -> [Int] { childrenByIndex[index] }

    /// The children the sidebar shows: those without `toc_hide`.
    func sidebarChildren(of index: Int) -> [Int] {
        let children = childrenByIndex[index]
        return children.contains { docsy[$0].tocHide } ? children.filter { !docsy[$0].tocHide } : children
    }

    /// The children a section page lists: none with `no_list`, and not those with `hide_summary`.
    func listedChildren(of index: Int) -> [Int] {
        docsy[index].noList ? [] : childrenByIndex[index].filter { !docsy[$0].hideSummary }
    }

    /// Home first, down to the page's parent section.
    func ancestors(of index: Int) -> [Int] {
        var chain: [Int] = []
        var current = pages[index].parentPath
        while let path = current, let i = indexByContentPath[path] {
            chain.append(i)
            current = pages[i].parentPath
        }
        return chain.reversed()
    }

    func previous(of index: Int) -> Int? {
        guard let n = positionInReadingOrder[index], n > 0 else { return nil }
        return readingOrder[n - 1]
    }

    func next(of index: Int) -> Int? {
        guard let n = positionInReadingOrder[index], n + 1 < readingOrder.count else { return nil }
        return readingOrder[n + 1]
    }
}

extension String {
    func localizedStandardCompareLess(_ other: String) -> Bool {
        let a = lowercased(), b = other.lowercased()
        return a != b ? a < b : self < other
    }
}
