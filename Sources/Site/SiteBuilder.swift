import Content
import Diagnostics
import Dispatch
import Foundation
import Rendering
import StorageCatalog

/// What a build did, for the one-line summary and for tests.
public struct BuildReport: Sendable {
    public var pages = 0
    public var aliases = 0
    public var files = 0
    public var milliseconds = 0
    public var destination = ""
    /// Where each written page came from, for link findings (`docgen build --check`).
    public var sourceMap: SourceMap?
    public var diagnostics: [Diagnostic] = []
    /// Milliseconds spent in each stage, in order, for `--timings`.
    public var stages: [(name: String, milliseconds: Int)] = []
    public var succeeded: Bool { !diagnostics.hasErrors }

    public var summary: String {
        "built \(pages) pages, \(aliases) aliases, \(files) files copied into \(destination) in \(milliseconds) ms"
    }
}

/// The whole build: load → shortcodes → Markdown → templates → write. The new site is built in a
/// staging folder and swapped in only when every page rendered and every file was written.
public enum SiteBuilder {
    /// `defaults` are the templates used where the site has none of its own; tests pass `[:]`
    /// to see a site's own templates alone.
    /// `whileWriting`, when given, gets the new site in memory while the rest of it is written
    /// (see `SiteInMemory`).
    public static func build(_ config: SiteConfig, defaults: [String: String] = EmbeddedTemplates.files,
                             whileWriting: SiteInMemory? = nil) -> BuildReport {
        build(config, defaults: defaults, whileWriting: whileWriting, memoizeLayouts: true)
    }

    /// `memoizeLayouts: false` renders every page's layout in full, for tests that compare.
    static func build(_ config: SiteConfig, defaults: [String: String] = EmbeddedTemplates.files,
                      whileWriting: SiteInMemory?, memoizeLayouts: Bool) -> BuildReport {
        let start = DispatchTime.now()
        var report = BuildReport()
        report.destination = config.destinationPath

        // Load.
        let staticDir = FileManager.default.fileExists(atPath: config.staticPath) ? config.staticPath : nil
        let (tree, loadProblems) = ContentLoader.load(.init(contentDir: config.contentPath, staticDir: staticDir,
                                                             includeDrafts: config.includeDrafts))
        report.diagnostics += loadProblems
        report.diagnostics += URLCheck.collisions(in: tree)
        let (templates, templateProblems) = TemplateSet.load(defaults: defaults, from: [config.templatesPath])
        report.diagnostics += templateProblems
        report.diagnostics += PageRenderer.missingLayouts(tree.pages, in: templates)

        var mark = start
        func stage(_ name: String) {
            report.stages.append((name, elapsed(since: mark)))
            mark = DispatchTime.now()
        }
        stage("load content and templates")

        let allAliases = tree.pages.flatMap { page in page.frontMatter.aliases.map { (alias: $0, page: page) } }
        let (aliases, aliasProblems) = URLCheck.aliases(allAliases, tree: tree)
        report.diagnostics += aliasProblems

        let index = SiteIndex(pages: tree.pages)
        let data = TemplateData(index: index, config: config)
        let sidebars = templates.has("partials/sidebar") ? data.sidebars(for: Array(tree.pages.indices), templates: templates) : [:]
        let others = OtherOutputs(tree: tree, aliases: aliases, templates: templates,
                                  notFoundSidebar: sidebars[nil]?.html(for: nil) ?? "",
                                  defaults: defaults, templateFolders: [config.templatesPath], data: data, config: config)

        let pagePaths = tree.pages.map(\.outputPath)

        // Each page is written into the staging folder as soon as it is rendered, so the whole
        // site is never held in memory. Nothing is written once something has failed, and a
        // build that fails leaves the staging folder as the spare.
        var output: OutputFolder?
        if !report.diagnostics.hasErrors {
            do {
                let folder = try OutputFolder.create(destination: config.destinationPath)
                output = folder
                try folder.prepareFolders(for: pagePaths + others.paths)
            } catch {
                report.diagnostics.append(.error(config.destinationPath, 1, 1, "\(error)"))
            }
        }
        let writer = report.diagnostics.hasErrors ? nil : output

        // Render (and write) every page on all cores.
        let renderer = PageRenderer(tree: tree, index: index, templates: templates, data: data,
                                    renderer: MarkdownRenderer(rules: config.headingIDs), sidebars: sidebars,
                                    layouts: LayoutMemo(templates: templates, memoize: memoizeLayouts))
        let rendered = concurrentMap(Array(tree.pages.indices)) { i -> RenderedPage in
            var page = renderer.render(i)
            if let writer, !page.diagnostics.hasErrors {
                do { try writer.write(page.html, to: pagePaths[i]) } catch {
                    page.diagnostics.append(.error(config.destinationPath, 1, 1, "\(error)"))
                }
                whileWriting?.page(pagePaths[i], page.html)
            }
            page.html = ""
            return page
        }
        for (_, result) in rendered { report.diagnostics += result.diagnostics }
        if let whileWriting, output != nil, !report.diagnostics.hasErrors {
            var html: [String: String] = [:]
            for (path, text) in others.texts where path.hasSuffix(".html") { html[path] = text }
            whileWriting.site(pagePaths + others.paths, html)
        }
        report.diagnostics += HeadingRuleChanges.warnings(pages: tree.pages, rendered: rendered.map(\.1),
                                                         rules: config.headingIDs, rootPath: config.rootPath)
        stage("render and write pages")
        report.diagnostics = Array(Set(report.diagnostics)).sortedByLocation()
        guard let output, !report.diagnostics.hasErrors else {
            output?.setAside()
            report.milliseconds = elapsed(since: start)
            return report
        }

        // The other files, then the swap.
        do {
            try others.write(to: output)
            report.files = others.fileCount
            stage("write other files")
            try output.commit()
            stage("swap in and remove the old site")
        } catch {
            output.setAside()
            report.diagnostics.append(.error(config.destinationPath, 1, 1, "\(error)"))
        }
        report.pages = tree.pages.count
        report.sourceMap = SourceMap(pages: tree.pages, rootPath: config.rootPath)
        report.aliases = aliases.count
        report.milliseconds = elapsed(since: start)
        return report
    }

    private static func elapsed(since start: DispatchTime) -> Int {
        Int((DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1_000_000)
    }
}


/// Work on a new site that runs alongside its build: `docgen build --check` checks the site's
/// links this way instead of reading the site back from disk afterwards.
public struct SiteInMemory: Sendable {
    /// Called on the rendering threads for each page, as soon as it is written, with its output
    /// path (relative to the destination) and its HTML.
    public var page: @Sendable (_ outputPath: String, _ html: String) -> Void
    /// Called once, as soon as every page has rendered without errors, with every output path and
    /// the text of each HTML file that is not a page. It should hand its work to another thread
    /// and return, since the build goes on writing and swapping the site in meanwhile; it is not
    /// called for a build that fails before that point.
    public var site: @Sendable (_ files: [String], _ otherHTML: [String: String]) -> Void

    public init(page: @escaping @Sendable (String, String) -> Void, site: @escaping @Sendable ([String], [String: String]) -> Void) {
        self.page = page
        self.site = site
    }
}
