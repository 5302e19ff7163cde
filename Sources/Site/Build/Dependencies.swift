/// What one output of the site was made from, so that a rebuild after a change can redo only
/// what the change reaches (`docgen serve`).
public struct OutputSources: Sendable, Equatable {
    /// The output, relative to the destination.
    public var output: String
    /// The file it is a rendering or a copy of; nil for files docgen makes (the sitemap).
    public var source: String?
    /// The template files it was rendered with, partials included.
    public var templates: Set<String>
    /// The source files of the other pages whose values it printed: titles in its menu,
    /// breadcrumbs, pager and section listing, `ilink` texts, sitemap entries.
    public var pagesShown: Set<String>
}

/// Every output's sources, and the question a rebuild asks of them. Kept compact, by number:
/// a large site has thousands of pages, each showing the hundred entries of its menu, and the
/// pages that share a menu share one list of them.
public struct DependencyGraph: Sendable {
    struct Entry: Sendable {
        var output: String
        /// Index into `files`, or -1.
        var source: Int32
        /// Index into `templateSets`, or -1.
        var templates: Int32
        /// Indexes into `files` of the pages shown besides the menu.
        var shown: [Int32]
        /// Index into `menus`, or -1.
        var menu: Int32
        /// The output holds the text of the pages in `shown`, not only their values (the search
        /// index): any change to one of them affects it.
        var textOfShown = false
    }

    let entries: [Entry]
    /// The source files, pages first (by page number), then copied files.
    let files: [String]
    let templateSets: [Set<String>]
    let menus: [[Int32]]
    /// Files whose change affects every output: the site's configuration.
    public let everywhere: Set<String>

    /// Every output with its sources spelled out (for inspection and tests).
    public var outputs: [OutputSources] {
        entries.map { entry in
            var shown = Set(entry.shown.map { files[Int($0)] })
            if entry.menu >= 0 { shown.formUnion(menus[Int(entry.menu)].map { files[Int($0)] }) }
            if entry.source >= 0 { shown.remove(files[Int(entry.source)]) }
            return OutputSources(output: entry.output, source: entry.source >= 0 ? files[Int(entry.source)] : nil,
                                 templates: entry.templates >= 0 ? templateSets[Int(entry.templates)] : [], pagesShown: shown)
        }
    }

    /// The outputs that a change to `changed` affects, sorted. `valuesChanged` says whether the
    /// changed pages changed what other pages print of them (title, link title, description,
    /// URL, weight, draft); if not, only a page's own output and what is made from it is redone.
    /// A page or folder added or removed changes the site's structure: rebuild everything then.
    public func affected(by changed: Set<String>, valuesChanged: Bool) -> [String] {
        if !changed.isDisjoint(with: everywhere) { return entries.map(\.output).sorted() }
        let hit = Set(files.indices.filter { changed.contains(files[$0]) }.map(Int32.init))
        let hitTemplates = Set(templateSets.indices.filter { !templateSets[$0].isDisjoint(with: changed) }.map(Int32.init))
        let hitMenus = valuesChanged ? Set(menus.indices.filter { menus[$0].contains(where: hit.contains) }.map(Int32.init)) : []
        return entries.filter { entry in
            hit.contains(entry.source) || hitTemplates.contains(entry.templates)
                || ((valuesChanged || entry.textOfShown) && entry.shown.contains(where: hit.contains))
                || (valuesChanged && hitMenus.contains(entry.menu))
        }.map(\.output).sorted()
    }
}

extension SiteBuilder {
    /// Every output with what it was made from (see `DependencyGraph`).
    static func dependencies(_ site: LoadedSite, rendered: [RenderedPage], others: OtherOutputs, menus: Menus,
                             search: [String]) -> DependencyGraph {
        let pages = site.tree.pages
        var files = pages.map(\.sourceFile)
        var number: [String: Int32] = [:]
        for (i, file) in files.enumerated() { number[file] = Int32(i) }
        // Template closures and menus are worked out once per distinct set and key.
        var templateSets: [Set<String>] = []
        var templateNumber: [[String]: Int32] = [:]
        let menuTemplates = menus.exist ? ["partials/sidebar", "partials/nav-item"] : []
        // A file a page includes (readfile) counts as one of its templates: a change to it redoes the page.
        func templates(_ names: [String], including included: [String] = []) -> Int32 {
            let key = included.isEmpty ? names : names + ["\u{0}"] + included
            if let known = templateNumber[key] { return known }
            templateSets.append(site.templates.files(reachedFrom: names + menuTemplates).union(included))
            templateNumber[key] = Int32(templateSets.count - 1)
            return Int32(templateSets.count - 1)
        }
        var menuLists: [[Int32]] = []
        var menuNumber: [Int?: Int32] = [:]
        func menu(_ key: Int?) -> Int32 {
            guard menus.exist else { return -1 }
            if let known = menuNumber[key] { return known }
            menuLists.append(site.data.menuEntries(key: key).map(Int32.init))
            menuNumber[key] = Int32(menuLists.count - 1)
            return Int32(menuLists.count - 1)
        }

        var entries: [DependencyGraph.Entry] = []
        entries.reserveCapacity(pages.count + others.copies.count + others.texts.count)
        for (i, result) in rendered.enumerated() {
            let shown = site.data.pagesShown(by: i).map(Int32.init) + result.pagesShown.compactMap { number[$0] }
            entries.append(.init(output: pages[i].outputPath, source: Int32(i), templates: templates(result.templateNames, including: result.filesRead),
                                 shown: shown, menu: menu(site.data.menuKey(for: i))))
        }
        for copy in others.copies {
            files.append(copy.source)
            entries.append(.init(output: copy.destination, source: Int32(files.count - 1), templates: -1, shown: [], menu: -1))
        }
        let aliasTargets = Dictionary(site.aliases.map { (Redirects.outputFile(for: $0.alias, of: $0.page.url), $0.page.sourceFile) }, uniquingKeysWith: { a, _ in a })
        for (path, _) in others.texts {
            var entry = DependencyGraph.Entry(output: path, source: -1, templates: -1, shown: [], menu: -1)
            if let target = aliasTargets[path], let n = number[target] {
                entry.shown = [n]
            } else if path == "sitemap.xml" {
                entry.shown = pages.indices.map(Int32.init)
            } else if path == "404.html" {
                entry.templates = templates(["404"])
                entry.menu = menu(nil)
            }
            entries.append(entry)
        }
        // Every file of the search index is made from the text of every page: the postings and
        // dictionary from all of them, and the page numbers of the fragments shift with any.
        for path in search {
            entries.append(.init(output: path, source: -1, templates: -1, shown: pages.indices.map(Int32.init), menu: -1, textOfShown: true))
        }
        return DependencyGraph(entries: entries, files: files, templateSets: templateSets, menus: menuLists,
                               everywhere: Set(site.config.configFiles))
    }
}
