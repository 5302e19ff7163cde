import Content
import Diagnostics
import Foundation
import Rendering

/// The first stage's result: everything read from the site's folders, checked, and indexed,
/// before any page is rendered. Later stages only read it.
struct LoadedSite {
    let config: SiteConfig
    let tree: ContentTree
    let templates: TemplateSet
    let aliases: [(alias: String, page: Page)]
    let index: SiteIndex
    /// The values templates see, made once for the whole site.
    let data: TemplateData
    /// The parameters each of the site's own shortcodes declares, by shortcode name.
    let declared: [String: ShortcodeParameters]
    let diagnostics: [Diagnostic]

    /// Reads the content and the templates (`defaults` where the site has none of its own).
    /// `known`: the pages a previous load read (`ContentTree.readPages`), reused where unchanged.
    /// `remembers`: keep what was read for the next load (`docgen serve`).
    static func load(_ config: SiteConfig, defaults: [String: String], known: [String: ReadPage] = [:], remembers: Bool = false) -> LoadedSite {
        var diagnostics: [Diagnostic] = []
        let staticDir = FileManager.default.fileExists(atPath: config.staticPath) ? config.staticPath : nil
        var options = ContentLoader.Options(contentDir: config.contentPath, staticDir: staticDir,
                                            includeDrafts: config.includeDrafts, walk: config.folderWalk,
                                            known: known, remembers: remembers)
        options.ignoreFiles = config.ignoreFiles
        options.includeFuture = config.includeFuture
        options.includeExpired = config.includeExpired
        let (tree, loadProblems) = ContentLoader.load(options)
        diagnostics += loadProblems
        diagnostics += URLCheck.collisions(in: tree)
        let (templates, templateProblems) = TemplateSet.load(defaults: defaults, from: [config.templatesPath])
        diagnostics += templateProblems
        diagnostics += PageRenderer.missingLayouts(tree.pages, in: templates)
        let allAliases = tree.pages.flatMap { page in page.frontMatter.aliases.map { (alias: $0, page: page) } }
        let (aliases, aliasProblems) = URLCheck.aliases(allAliases, tree: tree)
        diagnostics += aliasProblems
        let docsy = tree.pages.map(DocsySettings.read)
        diagnostics += docsy.flatMap(\.1)
        let index = SiteIndex(pages: tree.pages, docsy: docsy.map(\.0))
        var declared: [String: ShortcodeParameters] = [:]
        for name in templates.names where name.hasPrefix("shortcodes/") {
            guard let (text, file) = templates.source(of: name) else { continue }
            let (parameters, problems) = ShortcodeDeclaration.parse(text, file: file)
            diagnostics += problems
            declared[String(name.dropFirst("shortcodes/".count))] = parameters
        }
        return LoadedSite(config: config, tree: tree, templates: templates, aliases: aliases, index: index,
                          data: TemplateData(index: index, config: config), declared: declared, diagnostics: diagnostics)
    }
}
