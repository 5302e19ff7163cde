import Basics
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
    /// What each output was made from, for rebuilding only what a change affects.
    public var dependencies: DependencyGraph?
    public var diagnostics: [Diagnostic] = []
    /// Why the destination is not docgen's to write (see `OutputOwnership`): nothing was built
    /// or touched, and the CLI exits with code 2.
    public var refusal: String?
    /// Milliseconds spent in each stage, in order, for `--timings`.
    public var stages: [(name: String, milliseconds: Int)] = []
    public var succeeded: Bool { refusal == nil && !diagnostics.hasErrors }

    public var summary: String {
        "built \(pages) pages, \(aliases) aliases, \(files) files copied into \(destination) in \(milliseconds) ms"
    }
}

/// The whole build: load → shortcodes → Markdown → templates → write. The new site is built in a
/// staging folder and swapped in only when every page rendered and every file was written.
public enum SiteBuilder {
    /// Builds and swaps the site in, without a link check; for tests and callers that print nothing.
    public static func build(_ config: SiteConfig, defaults: [String: String] = EmbeddedTemplates.files,
                             speedTricks: Bool = SpeedTricks.defaultOn) -> BuildReport {
        var (report, staged) = stage(config, defaults: defaults, sinks: [], speedTricks: speedTricks)
        if let staged { report = staged.commit(report) }
        return report
    }

    /// Builds the whole site into its staging folder without swapping it in: the caller decides,
    /// once later checks have run, whether to `commit` or `discard` it. Every finished page also
    /// goes to each of `sinks`. There is a staged site only when the build succeeded.
    static func stage(_ config: SiteConfig, defaults: [String: String], sinks: [any PageSink],
                      speedTricks: Bool) -> (BuildReport, StagedSite?) {
        let start = DispatchTime.now()
        var report = BuildReport()
        report.destination = config.destinationPath
        // Before anything is read or written: a destination that is not docgen's stays untouched.
        if let refusal = OutputOwnership.refusal(destination: config.destinationPath, siteRoot: config.source, sources: config.sourceFolders) {
            report.refusal = refusal
            return (report, nil)
        }

        // Load.
        let staticDir = FileManager.default.fileExists(atPath: config.staticPath) ? config.staticPath : nil
        let (tree, loadProblems) = ContentLoader.load(.init(contentDir: config.contentPath, staticDir: staticDir,
                                                             includeDrafts: config.includeDrafts, walk: config.folderWalk))
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
        let menus = Menus(data: data, templates: templates, speedTricks: speedTricks)
        let others = OtherOutputs(tree: tree, aliases: aliases, templates: templates,
                                  notFoundSidebar: menus.html(for: Int?.none),
                                  defaults: defaults, templateFolders: [config.templatesPath], data: data, config: config)

        let pagePaths = tree.pages.map(\.outputPath)

        // Each page is written into the staging folder as soon as it is rendered, so the whole
        // site is never held in memory. Nothing is written once something has failed, and a
        // build that fails leaves the staging folder as the spare.
        var output: OutputFolder?
        if !report.diagnostics.hasErrors {
            do {
                let folder = try OutputFolder.create(destination: config.destinationPath, siteRoot: config.source, sources: config.sourceFolders)
                output = folder
                try folder.prepareFolders(for: pagePaths + others.paths)
            } catch OutputFolder.Failure.refused(let reason) {
                report.refusal = reason
            } catch {
                report.diagnostics.append(.error(config.destinationPath, 1, 1, "\(error)"))
            }
        }
        // Nothing is written once something has failed.
        let receivers: [any PageSink] = report.succeeded ? output.map { [StagingWriter(output: $0)] + sinks } ?? [] : []

        // Render every page on all cores, each handed to the sinks as soon as it is done.
        let renderer = PageRenderer(tree: tree, index: index, templates: templates, data: data,
                                    renderer: MarkdownRenderer(rules: config.headingIDs), menus: menus,
                                    layouts: LayoutMemo(templates: templates, memoize: speedTricks))
        let rendered = parallelMap(Array(tree.pages.indices)) { i -> RenderedPage in
            var page = renderer.render(i)
            if !page.diagnostics.hasErrors {
                let finished = FinishedPage(outputPath: pagePaths[i], html: page.html)
                page.diagnostics += receivers.compactMap { $0.receive(finished) }
            }
            page.html = ""
            return page
        }
        for result in rendered { report.diagnostics += result.diagnostics }
        if output != nil, !report.diagnostics.hasErrors {
            var html: [String: String] = [:]
            for (path, text) in others.texts where path.hasSuffix(".html") { html[path] = text }
            for sink in receivers { sink.receiveSite(files: pagePaths + others.paths, otherHTML: html) }
        }
        report.diagnostics += HeadingRuleChanges.warnings(pages: tree.pages, rendered: rendered,
                                                         rules: config.headingIDs, rootPath: config.rootPath)
        stage("render and write pages")
        report.diagnostics = Array(Set(report.diagnostics)).sortedByLocation()
        guard let output, report.succeeded else {
            output?.setAside()
            report.milliseconds = elapsed(since: start)
            return (report, nil)
        }

        do {
            try others.write(to: output)
            report.files = others.fileCount
            stage("write other files")
        } catch {
            output.setAside()
            report.diagnostics.append(.error(config.destinationPath, 1, 1, "\(error)"))
            report.milliseconds = elapsed(since: start)
            return (report, nil)
        }
        report.pages = tree.pages.count
        report.sourceMap = SourceMap(pages: tree.pages, rootPath: config.rootPath)
        report.dependencies = dependencies(pages: tree.pages, rendered: rendered, others: others, aliases: aliases,
                                           templates: templates, data: data, menus: menus, config: config)
        report.aliases = aliases.count
        report.milliseconds = elapsed(since: start)
        return (report, StagedSite(output: output, started: start))
    }

    /// Every output with what it was made from (see `DependencyGraph`).
    private static func dependencies(pages: [Page], rendered: [RenderedPage], others: OtherOutputs,
                                     aliases: [(alias: String, page: Page)], templates: TemplateSet, data: TemplateData,
                                     menus: Menus, config: SiteConfig) -> DependencyGraph {
        var outputs = zip(pages, rendered).map { page, result in
            OutputSources(output: page.outputPath, source: page.sourceFile, templates: result.templates, pagesShown: result.pagesShown)
        }
        outputs += others.copies.map { OutputSources(output: $0.destination, source: $0.source) }
        let aliasTargets = Dictionary(aliases.map { (Redirects.outputFile(for: $0.alias), $0.page.sourceFile) }, uniquingKeysWith: { a, _ in a })
        let menuTemplates = menus.exist ? ["partials/sidebar", "partials/nav-item"] : []
        for (path, _) in others.texts {
            if let target = aliasTargets[path] {
                outputs.append(OutputSources(output: path, source: nil, pagesShown: [target]))
            } else if path == "sitemap.xml" {
                outputs.append(OutputSources(output: path, source: nil, pagesShown: Set(pages.map(\.sourceFile))))
            } else if path == "404.html" {
                outputs.append(OutputSources(output: path, source: nil, templates: templates.files(reachedFrom: ["404"] + menuTemplates),
                                             pagesShown: data.pagesShown(by: nil, menus: menus.exist)))
            } else {
                outputs.append(OutputSources(output: path, source: nil))
            }
        }
        return DependencyGraph(outputs: outputs, everywhere: [SiteConfig.join(config.source, SiteConfig.fileName)])
    }

    static func elapsed(since start: DispatchTime) -> Int {
        Int((DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1_000_000)
    }
}

/// A whole new site, written into its staging folder and not yet in place of the destination.
public struct StagedSite: Sendable {
    let output: OutputFolder
    let started: DispatchTime

    /// Swaps the site in; the report gains the swap's time, or the error that kept it out.
    public func commit(_ report: BuildReport) -> BuildReport {
        var report = report
        let swapStart = DispatchTime.now()
        do {
            try output.commit()
            report.stages.append(("swap in and remove the old site", SiteBuilder.elapsed(since: swapStart)))
        } catch {
            output.setAside()
            report.diagnostics.append(.error(output.destination, 1, 1, "\(error)"))
        }
        report.milliseconds = SiteBuilder.elapsed(since: started)
        return report
    }

    /// Gives the new site up: the destination stays as it was, and what was written becomes the
    /// spare the next build starts from.
    public func discard() {
        output.setAside()
    }
}
