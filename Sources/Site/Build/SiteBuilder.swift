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
        "built \(counted(pages, "page")), \(counted(aliases, "alias", "aliases")), \(counted(files, "file")) copied into \(destination) in \(milliseconds) ms"
    }
}

/// "1 page", "2 pages".
func counted(_ count: Int, _ one: String, _ many: String? = nil) -> String {
    "\(count) \(count == 1 ? one : many ?? one + "s")"
}

/// The whole build: load → shortcodes → Markdown → templates → write. The new site is built in a
/// staging folder and swapped in only when every page rendered and every file was written.
public enum SiteBuilder {
    /// Builds and swaps the site in, without a link check; for tests and callers that print nothing.
    public static func build(_ config: SiteConfig, defaults: [String: String] = EmbeddedTemplates.files,
                             speedTricks: Bool = SpeedTricks.defaultOn, recordsDependencies: Bool = false) -> BuildReport {
        var (report, staged) = stage(config, defaults: defaults, sinks: [], speedTricks: speedTricks,
                                     recordsDependencies: recordsDependencies)
        if let staged { report = staged.commit(report) }
        return report
    }

    /// Builds the whole site into its staging folder without swapping it in: the caller decides,
    /// once later checks have run, whether to `commit` or `discard` it. Every finished page also
    /// goes to each of `sinks`. There is a staged site only when the build succeeded.
    static func stage(_ config: SiteConfig, defaults: [String: String], sinks: [any PageSink],
                      speedTricks: Bool, recordsDependencies: Bool = false,
                      settingsProblems: [Diagnostic] = []) -> (BuildReport, StagedSite?) {
        let start = DispatchTime.now()
        var clock = StageClock()
        var report = BuildReport()
        // Errors before the staging step mean nothing is written.
        report.diagnostics = settingsProblems
        report.destination = config.destinationPath
        // Before anything is read or written: a destination that is not docgen's stays untouched.
        if let refusal = OutputOwnership.refusal(destination: config.destinationPath, siteRoot: config.source, sources: config.sourceFolders) {
            report.refusal = refusal
            return (report, nil)
        }

        // 1. Load the content and the templates.
        let site = LoadedSite.load(config, defaults: defaults)
        report.diagnostics += site.diagnostics
        // A site with nothing to publish is a wrong folder or flag, not a site: stop with a usage error.
        if !report.diagnostics.hasErrors && site.tree.pages.allSatisfy(\.isImplicit) {
            report.refusal = "there are no pages in \(config.contentPath): put Markdown (.md) or HTML files there, starting with _index.md for the home page; "
                + "if they are drafts, build with --drafts; if the pages are in another folder, name it with --contentDir or contentDir in docgen.yaml"
            return (report, nil)
        }
        let menus = Menus(data: site.data, templates: site.templates, speedTricks: speedTricks)
        let others = OtherOutputs(tree: site.tree, aliases: site.aliases, templates: site.templates, notFoundSidebar: menus.notFoundHTML,
                                  defaults: defaults, templateFolders: [config.templatesPath], data: site.data, config: config)
        report.diagnostics += others.warnings
        let pagePaths = site.tree.pages.map(\.outputPath)
        if let clash = SiteSearch.collision(pages: site.tree.pages, others: others.paths, config: config) { report.diagnostics.append(clash) }
        report.stages.append(clock.lap("load content and templates"))

        // 2. The staging folder, unless something has failed already: nothing is written then.
        var output: OutputFolder?
        if !report.diagnostics.hasErrors {
            switch OutputFolder.create(destination: config.destinationPath, siteRoot: config.source, sources: config.sourceFolders) {
            case .success(let folder):
                output = folder
                // A `render: link` page is not written, so it gets no folder either.
                let written = zip(site.tree.pages, pagePaths).filter { $0.0.isWritten }.map(\.1)
                if let failure = folder.prepareFolders(for: written + others.paths, later: config.search ? SearchIndexFiles.folder : nil) {
                    report.diagnostics.append(failure.diagnostic(destination: config.destinationPath))
                }
            case .failure(.refused(let reason)): report.refusal = reason
            case .failure(let failure): report.diagnostics.append(failure.diagnostic(destination: config.destinationPath))
            }
        }
        // The other sinks (the link scan) see every page that rendered even when the build is
        // failing, so one run reports link problems beside content errors.
        let writer: [any PageSink] = report.succeeded ? output.map { [StagingWriter(output: $0)] } ?? [] : []
        let receivers = writer + (report.refusal == nil ? sinks : [])

        // 3. Shortcodes, Markdown and layout for every page, on all cores; each finished page goes
        // to the sinks at once, so the whole site is never held in memory.
        let renderer = PageRenderer(site: site, renderer: MarkdownRenderer(rules: config.headingIDs, settings: config.markup), menus: menus,
                                    layouts: LayoutMemo(templates: site.templates, memoize: speedTricks))
        let rendered = parallelMap(Array(site.tree.pages.indices)) { i -> RenderedPage in
            var page = renderer.render(i)
            if !page.diagnostics.hasErrors, site.tree.pages[i].isWritten {
                let finished = FinishedPage(outputPath: pagePaths[i], html: page.html)
                page.diagnostics += receivers.compactMap { $0.receive(finished) }
            }
            page.html = ""
            return page
        }
        for result in rendered { report.diagnostics += result.diagnostics }
        if !receivers.isEmpty {
            var html: [String: String] = [:]
            for (path, text) in others.texts where path.hasSuffix(".html") { html[path] = text }
            let unrendered = Set(rendered.indices.filter { rendered[$0].diagnostics.hasErrors }.map { pagePaths[$0] })
            for sink in receivers { sink.receiveSite(files: pagePaths + others.paths, otherHTML: html, unrendered: unrendered) }
        }
        report.diagnostics += HeadingRuleChanges.warnings(pages: site.tree.pages, rendered: rendered,
                                                         rules: config.headingIDs, rootPath: config.rootPath)
        report.stages.append(clock.lap("render and write pages"))

        // 4. The rest of the site: static files, redirects, sitemap, 404 page, search index.
        var searchPaths: [String] = []
        if let output, report.succeeded {
            report.diagnostics += others.write(to: output)
            report.stages.append(clock.lap("write other files"))
            let search = SiteSearch.files(site.index, sections: rendered.map(\.searchSections), config: config)
            report.stages.append(clock.lap("search index"))
            if let failure = output.addFolders(for: search.map(\.path)) {
                report.diagnostics.append(failure.diagnostic(destination: config.destinationPath))
            } else {
                report.diagnostics += output.write(search)
            }
            if config.search { output.prune(SearchIndexFiles.folder, keeping: search.map(\.path)) }
            searchPaths = search.map(\.path)
            report.stages.append(clock.lap("write search index"))
        }
        report.diagnostics = Array(Set(report.diagnostics)).sortedByLocation()
        report.milliseconds = elapsed(since: start)
        report.sourceMap = SourceMap(pages: site.tree.pages, rootPath: config.rootPath)
        guard let output, report.succeeded else {
            output?.setAside()
            return (report, nil)
        }
        report.pages = site.tree.pages.count
        report.aliases = site.aliases.count
        report.files = others.fileCount
        if recordsDependencies { report.dependencies = dependencies(site, rendered: rendered, others: others, menus: menus, search: searchPaths) }
        return (report, StagedSite(output: output, started: start))
    }

    static func elapsed(since start: DispatchTime) -> Int {
        Int((DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1_000_000)
    }
}

/// Milliseconds per stage, for `--timings`.
struct StageClock {
    private var mark = DispatchTime.now()

    mutating func lap(_ name: String) -> (name: String, milliseconds: Int) {
        defer { mark = DispatchTime.now() }
        return (name, SiteBuilder.elapsed(since: mark))
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
        if let failure = output.commit() {
            output.setAside()
            report.diagnostics.append(failure.diagnostic(destination: output.destination))
        } else {
            report.stages.append(("swap in and remove the old site", SiteBuilder.elapsed(since: swapStart)))
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
