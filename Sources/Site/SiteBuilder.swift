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

/// The whole build: load → shortcodes → Markdown → templates → write. Nothing is written unless
/// every page rendered without errors.
public enum SiteBuilder {
    /// `defaults` are the templates used where the site has none of its own; tests pass `[:]`
    /// to see a site's own templates alone.
    /// `whileWriting`, when given, gets the new site in memory while its files are written; the
    /// build waits for it before swapping the new site in (see `SiteInMemory`).
    public static func build(_ config: SiteConfig, defaults: [String: String] = EmbeddedTemplates.files,
                             whileWriting: SiteInMemory? = nil) -> BuildReport {
        let start = DispatchTime.now()
        var report = BuildReport()
        report.destination = config.destinationPath

        // Load.
        let staticDir = FileManager.default.fileExists(atPath: config.staticPath) ? config.staticPath : nil
        let (tree, loadProblems) = ContentLoader.load(.init(contentDir: config.contentPath, staticDir: staticDir,
                                                             includeDrafts: config.includeDrafts))
        report.diagnostics += loadProblems
        report.diagnostics += URLCheck.collisions(in: tree)
        let templateFolders = [config.templatesPath]
        let (templates, templateProblems) = TemplateSet.load(defaults: defaults, from: templateFolders)
        report.diagnostics += templateProblems
        report.diagnostics += PageRenderer.missingLayouts(tree.pages, in: templates)

        var mark = start
        func stage(_ name: String) {
            report.stages.append((name, elapsed(since: mark)))
            mark = DispatchTime.now()
        }
        stage("load content and templates")

        // Render every page on all cores.
        let index = SiteIndex(pages: tree.pages)
        let data = TemplateData(index: index, config: config)
        let sidebars = templates.has("partials/sidebar") ? data.sidebars(for: Array(tree.pages.indices), templates: templates) : [:]
        let renderer = PageRenderer(tree: tree, index: index, templates: templates, data: data,
                                    renderer: MarkdownRenderer(rules: config.headingIDs), sidebars: sidebars)
        let rendered = concurrentMap(Array(tree.pages.indices)) { renderer.render($0) }
        for (_, result) in rendered { report.diagnostics += result.diagnostics }
        report.diagnostics += HeadingRuleChanges.warnings(pages: tree.pages, rendered: rendered.map(\.1),
                                                         rules: config.headingIDs, rootPath: config.rootPath)

        let allAliases = tree.pages.flatMap { page in page.frontMatter.aliases.map { (alias: $0, page: page) } }
        let (aliases, aliasProblems) = URLCheck.aliases(allAliases, tree: tree)
        report.diagnostics += aliasProblems

        stage("render pages")
        report.diagnostics = Array(Set(report.diagnostics)).sortedByLocation()
        guard !report.diagnostics.hasErrors else {
            report.milliseconds = elapsed(since: start)
            return report
        }

        // Write into a staging folder, then swap it in.
        do {
            let output = try OutputFolder.create(destination: config.destinationPath)
            do {
                try writeSite(output, tree: tree, rendered: rendered.map(\.1.html), aliases: aliases, templates: templates,
                              notFoundSidebar: SidebarMarkers.resolve(sidebars[nil] ?? "", current: nil),
                              defaults: defaults, templateFolders: templateFolders, data: data, config: config,
                              whileWriting: whileWriting, report: &report)
                stage("write files")
                try output.commit()
                stage("swap in and remove the old site")
            } catch {
                output.discard()
                throw error
            }
        } catch {
            report.diagnostics.append(.error(config.destinationPath, 1, 1, "\(error)"))
        }
        report.pages = tree.pages.count
        report.sourceMap = SourceMap(pages: tree.pages, rootPath: config.rootPath)
        report.aliases = aliases.count
        report.milliseconds = elapsed(since: start)
        return report
    }

    private static func writeSite(_ output: OutputFolder, tree: ContentTree, rendered: [String],
                                  aliases: [(alias: String, page: Page)], templates: TemplateSet, notFoundSidebar: String,
                                  defaults: [String: String], templateFolders: [String],
                                  data: TemplateData, config: SiteConfig,
                                  whileWriting: SiteInMemory?,
                                  report: inout BuildReport) throws {
        // Assets first, so content and the site's own static files override the theme's.
        var texts: [(path: String, text: String)] = []
        for (path, text) in defaults where path.hasPrefix("static/") {
            texts.append((String(path.dropFirst("static/".count)), text))
        }
        var copies: [StaticFile] = []
        for folder in templateFolders {
            let assets = folder + "/static"
            guard FileManager.default.fileExists(atPath: assets) else { continue }
            copies += ContentLoader.listFiles(under: assets).map { StaticFile(source: assets + "/" + $0, destination: $0) }
        }
        copies += tree.files
        var latest: [String: StaticFile] = [:]
        for file in copies { latest[file.destination] = file }
        texts.removeAll { latest[$0.path] != nil }
        for (i, page) in tree.pages.enumerated() { texts.append((page.outputPath, rendered[i])) }
        for (alias, page) in aliases { texts.append((Redirects.outputFile(for: alias), Redirects.page(to: data.link(page)))) }
        let entries = tree.pages.map { (loc: config.absoluteBase + $0.url, lastmod: $0.frontMatter.date) }
        texts.append(("sitemap.xml", Sitemap.xml(urls: entries)))
        // The schema the docs describe, published beside them for editors and other validators.
        texts.append(("schemas/cloud-storage.schema.json", SchemaGenerator.schema(Catalog.bundled).serialized(pretty: true) + "\n"))
        if templates.has("404"), let html = templates.render("404", data.notFoundData(sidebar: notFoundSidebar)) {
            texts.append(("404.html", html))
        }
        report.files = latest.count + texts.filter { path, _ in defaults["static/" + path] != nil }.count

        let files = Array(latest.values)
        let outputs = texts
        let alongside = DispatchGroup()
        if let whileWriting {
            let paths = files.map(\.destination) + outputs.map(\.path)
            var html: [String: String] = [:]
            for (path, text) in outputs where path.hasSuffix(".html") { html[path] = text }
            DispatchQueue.global().async(group: alongside) { [html] in whileWriting(paths, html) }
        }
        defer { alongside.wait() }
        try output.prepareFolders(for: files.map(\.destination) + outputs.map(\.path))
        let failures = concurrentMap(Array(0..<(files.count + outputs.count))) { n -> String? in
            do {
                if n < files.count { try output.copy(from: files[n].source, to: files[n].destination) } else {
                    let (path, text) = outputs[n - files.count]
                    try output.write(text, to: path)
                }
                return nil
            } catch { return "\(error)" }
        }
        if let failure = failures.compactMap(\.1).first { throw OutputFolder.Failure.io(path: output.destination, message: failure) }
    }

    private static func elapsed(since start: DispatchTime) -> Int {
        Int((DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1_000_000)
    }
}


/// Work on a new site that runs while its files are written: `docgen build --check` checks the
/// site's links this way instead of reading the site back from disk afterwards. It gets every
/// output path (relative to the destination) and the text of each HTML file. Writing is mostly
/// waiting for the file system, so the check costs the build little of its time.
public typealias SiteInMemory = @Sendable (_ files: [String], _ html: [String: String]) -> Void
