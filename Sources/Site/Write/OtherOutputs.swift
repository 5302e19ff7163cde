import Basics
import Content
import Diagnostics
import Foundation
import Rendering
import StorageCatalog

/// Every file of the site besides its pages: static files and theme assets, alias redirects, the
/// sitemap, the published schema and the 404 page. Known before any page is rendered, so that
/// the staging folder's folders can be made up front.
struct OtherOutputs {
    /// Files copied as they are, one per destination (a site's own file wins over the theme's).
    let copies: [StaticFile]
    /// Files docgen writes.
    let texts: [(path: String, text: String)]
    /// Static files and assets, for the build's summary.
    let fileCount: Int
    /// What is left out and why (a sitemap without an absolute baseURL).
    let warnings: [Diagnostic]

    var paths: [String] { copies.map(\.destination) + texts.map(\.path) }

    init(tree: ContentTree, aliases: [(alias: String, page: Page)], templates: TemplateSet, notFoundSidebar: String,
         defaults: [String: String], templateFolders: [String], data: TemplateData, config: SiteConfig) {
        // Assets first, so content and the site's own static files override the theme's.
        var texts: [(path: String, text: String)] = []
        for (path, text) in defaults where path.hasPrefix("static/") {
            let asset = String(path.dropFirst("static/".count))
            if !config.search && SiteSearch.scripts.contains(asset) { continue }
            texts.append((asset, text))
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
        for (alias, page) in aliases { texts.append((Redirects.outputFile(for: alias, of: page.url), Redirects.page(to: data.link(page)))) }
        var warnings: [Diagnostic] = []
        if config.sitemap && config.hasAbsoluteBase {
            // The site-wide list of pages: `list: never` and `list: local` pages are not in it, as in Hugo.
            let entries = tree.pages.filter { $0.frontMatter.build.list == .always }
                .map { (loc: config.absoluteBase + $0.url, lastmod: $0.frontMatter.date) }
            texts.append(("sitemap.xml", Sitemap.xml(urls: entries)))
        } else if config.sitemap && !config.baseURLRefused {
            warnings.append(Sitemap.needsAbsoluteBase(config))
        }
        // The schema the docs describe, published beside them for editors and other validators.
        texts.append(("schemas/cloud-storage.schema.json", SchemaGenerator.schema(Catalog.bundled).serialized(pretty: true) + "\n"))
        // Hugo's own robots.txt allows every crawler; a site's static/robots.txt wins over it.
        if config.robotsTXT && latest["robots.txt"] == nil {
            texts.append(("robots.txt", "User-agent: *"))
        }
        if config.notFoundPage, templates.has("404"), let html = templates.render("404", data.notFoundData(sidebar: notFoundSidebar)) {
            texts.append(("404.html", html))
        }
        self.copies = Array(latest.values)
        self.texts = texts
        self.warnings = warnings
        fileCount = latest.count + texts.filter { path, _ in defaults["static/" + path] != nil }.count
    }

    /// Copies and writes everything on all cores into a staging folder whose folders exist; one
    /// problem per file that failed.
    func write(to output: OutputFolder) -> [Diagnostic] {
        parallelMap(Array(0..<(copies.count + texts.count))) { n -> OutputFolder.Failure? in
            if n < copies.count { return output.copy(from: copies[n].source, to: copies[n].destination) }
            let (path, text) = texts[n - copies.count]
            return output.write(text, to: path)
        }.compactMap { $0?.diagnostic(destination: output.destination) }
    }
}
