import Basics
import Content
import Diagnostics
import Dispatch
import Rendering

/// One file of a site built in memory: text docgen made, or a file served as it is from where
/// it lies (static files and theme assets are not read until asked for).
public enum ServedFile: Sendable, Equatable {
    case text(String)
    /// Made as bytes, never as a string (the search index's JSON).
    case bytes([UInt8])
    case copy(source: String)
}

/// A whole site built into memory for `docgen serve`, with what the next rebuild needs to redo
/// only what a change reaches. Nothing of it is ever written to disk.
public struct MemorySite: Sendable {
    /// Every output, by its path relative to the site's root ("docs/index.html").
    public let files: [String: ServedFile]
    public let dependencies: DependencyGraph
    /// The pages' source texts as last read, by source file: a page whose text differs changed.
    let sources: [String: PageSource]
    /// Which page became which output, in order, and the aliases: when this differs, pages were
    /// added, removed, moved or reordered, and everything is rebuilt.
    let structure: [String]
    /// What each page's rendering left for the dependency graph and the heading check.
    let rendered: [String: RenderedPage]
    let menus: Menus
    /// The page files as read, for the next load to reuse where they did not change.
    let readPages: [String: ReadPage]
}

/// A page's source as the rebuild compares it.
struct PageSource: Sendable, Equatable {
    /// The whole file: front matter and body.
    let text: String
    /// What other pages print of this one (menus, breadcrumbs, listings, ilinks).
    let shown: [String]

    init(_ page: Page) {
        text = String(page.body.base)
        shown = [page.title, page.linkTitle, page.url, page.frontMatter.description ?? "", String(page.weight),
                 String(page.frontMatter.draft)]
    }
}

/// How one in-memory build or rebuild went.
public struct MemoryBuild: Sendable {
    /// The new site; nil when the build failed (the caller keeps serving the last good one).
    public var site: MemorySite?
    public var diagnostics: [Diagnostic] = []
    /// The outputs whose content differs from the previous site's (added and removed ones too),
    /// sorted: what open browser tabs may need to reload.
    public var changedOutputs: [String] = []
    /// Pages rendered by this build, and whether it rendered them all.
    public var renderedPages = 0
    public var full = true
    public var milliseconds = 0
    /// Milliseconds per stage, for `--timings`.
    public var stages: [(name: String, milliseconds: Int)] = []
}

extension SiteBuilder {
    /// Builds the site in memory. With a `previous` site, only the pages that `changed` (paths of
    /// files that changed on disk, as the site's folders spell them) or the pages' own texts show
    /// to have changed are rendered again, with those that print something of them; a change of
    /// the configuration, a template or the site's structure renders everything.
    public static func buildInMemory(_ request: BuildRequest, previous: MemorySite? = nil,
                                     changed: Set<String> = []) -> MemoryBuild {
        let start = DispatchTime.now()
        var build = MemoryBuild()
        var clock = StageClock()
        let config = request.config
        // Files the watcher saw change are read again whatever their stamps say.
        let known = previous?.readPages.filter { !changed.contains($0.key) } ?? [:]
        let site = LoadedSite.load(config, defaults: request.defaults, known: known, remembers: true)
        build.stages.append(clock.lap("load content and templates"))
        build.diagnostics = site.diagnostics
        guard !build.diagnostics.hasErrors else { return build.finished(since: start) }

        let pages = site.tree.pages
        // A page's menu entries and build options show in every page's header or lists: a change
        // to them is a change of the site's structure, which renders every page again.
        let structure = pages.map { $0.sourceFile + "\u{0}" + $0.outputPath + "\u{0}" + "\($0.frontMatter.menus)\($0.frontMatter.build)" }
            + site.aliases.map { $0.alias + "\u{0}" + $0.page.sourceFile }
        let sources = Dictionary(pages.map { ($0.sourceFile, PageSource($0)) }, uniquingKeysWith: { a, _ in a })
        let plan = RebuildPlan(previous: previous, changed: changed, pages: pages, sources: sources,
                               structure: structure, config: config)
        // The menus print only what `PageSource.shown` holds, in the site's structure, with the
        // templates: when none of those changed, the last build's menus are this one's.
        let menus = plan.menusUnchanged ? previous!.menus : Menus(data: site.data, templates: site.templates, speedTricks: request.speedTricks)
        build.stages.append(clock.lap("menus"))
        let others = OtherOutputs(tree: site.tree, aliases: site.aliases, templates: site.templates,
                                  notFoundSidebar: menus.notFoundHTML, defaults: request.defaults,
                                  templateFolders: [config.templatesPath], data: site.data, config: config)
        build.stages.append(clock.lap("other outputs"))
        if let clash = SiteSearch.collision(pages: pages, others: others.paths, config: config) {
            build.diagnostics.append(clash)
            return build.finished(since: start)
        }

        let redo = plan.pages
        build.full = redo.count == pages.count
        build.renderedPages = redo.count
        let renderer = PageRenderer(site: site, renderer: MarkdownRenderer(rules: config.headingIDs, settings: config.markup), menus: menus,
                                    layouts: LayoutMemo(templates: site.templates, memoize: request.speedTricks))
        let results = parallelMap(redo) { renderer.render($0) }
        build.stages.append(clock.lap("choose and render pages"))
        for result in results { build.diagnostics += result.diagnostics }
        guard !build.diagnostics.hasErrors else { return build.finished(since: start) }

        var files: [String: ServedFile] = [:]
        var rendered = previous?.rendered ?? [:]
        for (i, result) in zip(redo, results) {
            var kept = result
            if pages[i].isWritten { files[pages[i].outputPath] = .text(kept.html) }
            kept.html = ""
            rendered[pages[i].sourceFile] = kept
        }
        for page in pages where files[page.outputPath] == nil && page.isWritten {
            files[page.outputPath] = previous?.files[page.outputPath]
        }
        for copy in others.copies { files[copy.destination] = .copy(source: copy.source) }
        for (path, text) in others.texts { files[path] = .text(text) }

        let renderedInOrder = pages.map { rendered[$0.sourceFile]! }
        build.stages.append(clock.lap("collect outputs"))
        let search = SiteSearch.files(site.index, sections: renderedInOrder.map(\.searchSections), config: config)
        for (path, bytes) in search { files[path] = .bytes(bytes) }
        build.stages.append(clock.lap("search index"))
        build.diagnostics += HeadingRuleChanges.warnings(pages: pages, rendered: renderedInOrder,
                                                        rules: config.headingIDs, rootPath: config.rootPath)
        build.stages.append(clock.lap("heading-rule warnings"))
        let graph = dependencies(site, rendered: renderedInOrder, others: others, menus: menus, search: search.map(\.path))
        build.stages.append(clock.lap("dependencies"))
        let kept = Set(pages.map(\.sourceFile))
        build.site = MemorySite(files: files, dependencies: graph, sources: sources, structure: structure,
                                rendered: rendered.filter { kept.contains($0.key) }, menus: menus, readPages: site.tree.readPages)
        build.changedOutputs = changedOutputs(from: previous?.files ?? [:], to: files, changed: changed)
        build.stages.append(clock.lap("compare with the previous build"))
        return build.finished(since: start)
    }

    /// Outputs that differ between two builds. A copied file counts as changed when its source
    /// did, since both builds only point at it.
    static func changedOutputs(from old: [String: ServedFile], to new: [String: ServedFile], changed: Set<String>) -> [String] {
        var paths = Set(old.keys).symmetricDifference(new.keys)
        for (path, file) in new where old[path] != nil {
            if old[path] != file { paths.insert(path) } else if case .copy(let source) = file, changed.contains(source) { paths.insert(path) }
        }
        return paths.sorted()
    }
}

/// What a rebuild redoes: the numbers of the pages it renders, and whether the menus stay.
struct RebuildPlan {
    var pages: [Int]
    var menusUnchanged = false

    init(previous: MemorySite?, changed: Set<String>, pages: [Page], sources: [String: PageSource],
         structure: [String], config: SiteConfig) {
        let all = Array(pages.indices)
        self.pages = all
        guard let previous, previous.structure == structure else { return }
        let templatesFolder = config.templatesPath + "/"
        let everywhere = previous.dependencies.everywhere
        if changed.contains(where: { everywhere.contains($0) || ($0.hasPrefix(templatesFolder) && !$0.hasPrefix(templatesFolder + "static/")) }) {
            return
        }
        var touched = changed
        var valuesChanged = false
        for page in pages {
            let now = sources[page.sourceFile]
            let before = previous.sources[page.sourceFile]
            guard now != before else { continue }
            touched.insert(page.sourceFile)
            if now?.shown != before?.shown { valuesChanged = true }
        }
        menusUnchanged = !valuesChanged
        let outputs = Set(previous.dependencies.affected(by: touched, valuesChanged: valuesChanged))
        self.pages = all.filter { outputs.contains(pages[$0].outputPath) || previous.rendered[pages[$0].sourceFile] == nil }
    }
}

private extension MemoryBuild {
    func finished(since start: DispatchTime) -> MemoryBuild {
        var build = self
        build.diagnostics = Array(Set(diagnostics)).sortedByLocation()
        build.milliseconds = SiteBuilder.elapsed(since: start)
        return build
    }
}
