import Content
import Mustache
import Rendering

/// The values templates see. Every key an item can have is always set, because Mustache looks a
/// missing key up in the enclosing context and a recursive partial would then loop.
struct TemplateData {
    let index: SiteIndex
    let config: SiteConfig
    let site: SiteValues
    private let rootPath: String
    /// Every page as breadcrumbs, the pager and section listings show it, made once: each page
    /// shows several others.
    private let summaries: [PageSummary]

    init(index: SiteIndex, config: SiteConfig) {
        self.index = index
        self.config = config
        let rootPath = config.rootPath
        self.rootPath = rootPath
        var params: [String: Any] = [:]
        for (key, value) in config.params { params[key] = value.plainValue }
        var menus: [String: [MenuItemValue]] = [:]
        for (name, entries) in Self.menus(config.menus, pages: index.pages) {
            menus[name] = MenuItemValue.tree(entries, rootPath: rootPath) { ref in
                // pageRef as Hugo takes it: from the content root, with or without "/" and ".md".
                var path = ref.hasPrefix("/") ? ref : "/" + ref
                for suffix in ["/_index.md", "/index.md", ".md", "/"] where path.hasSuffix(suffix) && path.count > suffix.count {
                    path.removeLast(suffix.count)
                    break
                }
                return index.indexByContentPath[path].map { Self.link(index.pages[$0], rootPath: rootPath) }
            }
        }
        site = SiteValues(title: config.title, baseURL: config.baseURL, root: config.rootPath, params: params, menus: MenusValue(menus),
                          hasSearch: config.search)
        summaries = index.pages.map { page in
            PageSummary(title: page.title, linkTitle: page.linkTitle, url: Self.link(page, rootPath: rootPath),
                        description: page.frontMatter.description ?? "")
        }
    }

    func link(_ page: Page) -> String { Self.link(page, rootPath: rootPath) }

    /// The site's menus with the pages' own entries (`menu: main` in front matter) added: what
    /// an entry leaves out is the page's, its link title, weight and URL.
    static func menus(_ configured: [String: [MenuEntry]], pages: [Page]) -> [String: [MenuEntry]] {
        var menus = configured
        for page in pages {
            for entry in page.frontMatter.menus {
                menus[entry.menu, default: []].append(MenuEntry(
                    name: entry.name ?? page.linkTitle, url: "", pageRef: page.contentPath, identifier: entry.identifier,
                    parent: entry.parent, weight: entry.weight ?? page.weight, pre: entry.pre, post: entry.post))
            }
        }
        return menus
    }

    private static func link(_ page: Page, rootPath: String) -> String { rootPath + page.url.drop { $0 == "/" } }

    func summary(_ i: Int) -> PageSummary { summaries[i] }

    /// A page as its section's list and the sidebar link it: to its `manualLink` when it has one.
    func navLink(_ i: Int) -> String { index.docsy[i].manualLink ?? link(index.pages[i]) }

    func listingSummary(_ i: Int) -> PageSummary {
        let docsy = index.docsy[i]
        guard docsy.manualLink != nil || docsy.manualLinkTitle != nil else { return summaries[i] }
        let plain = summaries[i]
        return PageSummary(title: plain.title, linkTitle: plain.linkTitle, url: navLink(i), description: plain.description,
                           tooltip: docsy.manualLinkTitle ?? "")
    }

    /// The page without its rendered content: what shortcodes see while the content is made.
    func pageData(_ i: Int) -> PageValues {
        let page = index.pages[i]
        var params: [String: Any] = [:]
        for (key, value) in page.frontMatter.params { params[key] = value.plainValue }
        return PageValues(title: page.title, linkTitle: page.linkTitle, description: page.frontMatter.description ?? "",
                          url: link(page), permalink: config.absoluteBase + page.url, kind: page.kind.rawValue,
                          date: page.frontMatter.date ?? "", isHome: page.kind == .home,
                          isSection: page.kind == .section, isPage: page.kind == .page, params: params)
    }

    /// Everything a layout needs for page `i` once its content is rendered; `page` is the page's
    /// `pageData`, which shortcodes saw, unchanged.
    func layoutData(_ i: Int, page: PageValues, content: String, headings: [RenderedHeading], sidebar: String,
                    contentSecurityPolicy: String? = nil) -> LayoutRoot {
        let layout = LayoutValues(content: content, toc: TableOfContents.tree(headings),
                                  // As Docsy's: from the top-level section down; the site's title in
                                  // the header links home, and a home crumb repeated "Home / Home".
                                  breadcrumbs: index.ancestors(of: i).filter { index.pages[$0].kind != .home }.map(summary),
                                  prev: index.previous(of: i).map(summary), next: index.next(of: i).map(summary),
                                  children: index.listedChildren(of: i).map(listingSummary),
                                  simpleList: index.docsy[i].simpleList, contentSecurityPolicy: contentSecurityPolicy ?? "")
        return LayoutRoot(page: LaidOutPage(page: page, layout: layout), site: site, sidebar: sidebar)
    }

    /// The node whose menu a page uses: its own when it has children to show, else its parent's.
    /// A section that roots the sidebar of its children only shows its parent's, as in Docsy.
    func menuKey(for i: Int) -> Int? {
        let parent = index.indexByContentPath[index.pages[i].parentPath ?? "/"]
        if index.docsy[i].sidebarRoot == .children { return parent }
        return index.sidebarChildren(of: i).isEmpty ? parent : i
    }
}

/// Nests h2–h4 headings into a tree for the "On this page" list.
enum TableOfContents {
    private struct Entry {
        var heading: RenderedHeading
        var children: [Entry] = []
    }

    static func tree(_ headings: [RenderedHeading]) -> [TOCEntry] {
        var roots: [Entry] = []
        for heading in headings where (2...4).contains(heading.level) {
            insert(Entry(heading: heading), into: &roots)
        }
        return roots.map(data)
    }

    private static func insert(_ entry: Entry, into list: inout [Entry]) {
        if var last = list.last, last.heading.level < entry.heading.level {
            insert(entry, into: &last.children)
            list[list.count - 1] = last
        } else {
            list.append(entry)
        }
    }

    /// Nested `<ul>` lists of links to the headings, one `<li>` per entry.
    static func html(_ entries: [TOCEntry]) -> String {
        var out = ""
        func list(_ entries: [TOCEntry]) {
            out += "<ul>\n"
            for entry in entries {
                out += "<li><a href=\"#" + HTML.escape(entry.id) + "\">" + HTML.escape(entry.text) + "</a>"
                if !entry.children.isEmpty {
                    out += "\n"
                    list(entry.children)
                    out += "\n"
                }
                out += "</li>\n"
            }
            out += "</ul>"
        }
        if !entries.isEmpty { list(entries) }
        return out
    }

    private static func data(_ entry: Entry) -> TOCEntry {
        TOCEntry(id: entry.heading.id, text: entry.heading.text, level: entry.heading.level, children: entry.children.map(data))
    }
}

extension TemplateData {
    /// The 404 page: not a content page, but laid out like one, with the top-level menu.
    func notFoundData(sidebar: String) -> LayoutRoot {
        let page = PageValues(title: "Page not found", linkTitle: "Page not found", description: "", url: config.rootPath,
                              permalink: "", kind: "404", date: "", isPage: true, params: [:])
        return LayoutRoot(page: LaidOutPage(page: page, layout: LayoutValues()), site: site, sidebar: sidebar)
    }
}

extension TemplateData {
    /// Docsy's compact menu as page `current` shows it (nil: the 404 page, in no menu): the top
    /// level, and below it only the path to the page with each level's siblings, so a page's
    /// size does not grow with the size of the site. `partials/nav-item` renders one entry,
    /// given its children already rendered. The plain definition; `sharedMenus` is the fast one.
    func plainMenu(for current: Int?, templates: TemplateSet) -> String {
        guard index.indexByContentPath["/"] != nil else { return "" }
        let open: Set<Int> = current.flatMap(menuKey).map { Set(index.ancestors(of: $0) + [$0]) } ?? []
        func html(_ i: Int) -> String {
            let shown = index.sidebarChildren(of: i)
            let children = open.contains(i) && !shown.isEmpty ? shown.map(html).joined() : nil
            let data = NavItemValues(title: index.pages[i].linkTitle, url: navLink(i), active: i == current,
                                     onPath: children != nil || i == current, isSection: index.pages[i].kind == .section,
                                     children: children, tooltip: index.docsy[i].manualLinkTitle)
            return templates.render("partials/nav-item", data) ?? ""
        }
        let items = sidebarRoots(key: current.flatMap(menuKey)).map(html).joined()
        return templates.render("partials/sidebar", ["items": items, "site": site]) ?? ""
    }

    /// The top entries of the menu with key `key`, as Docsy roots its sidebar: a page inside a
    /// top-level section sees that section's tree only; the home page, the 404 page and pages
    /// outside any section see every top-level section. Top-level pages that are not sections
    /// (a search page, a 404 page) are never entries.
    /// A section with `sidebar_root_for` roots the sidebar of the pages below it instead (the
    /// nearest such section, when they nest).
    func sidebarRoots(key: Int?) -> [Int] {
        guard let home = index.indexByContentPath["/"] else { return [] }
        let sections = index.sidebarChildren(of: home).filter { index.pages[$0].kind == .section }
        guard let key else { return sections }
        let chain = index.ancestors(of: key) + [key]
        if let root = chain.last(where: { index.docsy[$0].sidebarRoot != nil && index.pages[$0].kind == .section }) { return [root] }
        if let top = chain.first(where: { index.pages[$0].parentPath == "/" }), sections.contains(top) { return [top] }
        return sections
    }
}

extension TemplateData {
    /// The pages of which the layout of page `current` prints values besides its menu: its
    /// breadcrumbs, pager and children.
    func pagesShown(by current: Int) -> [Int] {
        index.ancestors(of: current) + index.childrenOf(current) + [index.previous(of: current), index.next(of: current)].compactMap { $0 }
    }

    /// The entries of the menu with key `key` (see `menuKey`; nil: the 404 page's), as
    /// `plainMenu` draws it: the top level, and the children of each open entry.
    func menuEntries(key: Int?) -> [Int] {
        guard let home = index.indexByContentPath["/"] else { return [] }
        var shown = sidebarRoots(key: key)
        for entry in key.map({ index.ancestors(of: $0) + [$0] }) ?? [] where entry != home { shown += index.sidebarChildren(of: entry) }
        return shown
    }
}
