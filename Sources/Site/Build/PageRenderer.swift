import Content
import Diagnostics
import Rendering
import Shortcodes

/// One page through the pipeline: shortcodes → Markdown → layout template.
/// A rendered page: the finished HTML and what later checks need to know of its content.
struct RenderedPage: Sendable {
    var html: String
    /// The `href`s with a fragment in the page's own content, for `HeadingRuleChanges`.
    var fragmentLinks: [String]
    var headings: [RenderedHeading]
    var diagnostics: [Diagnostic]
    /// What the output was made from besides the page (see `DependencyGraph`): the templates it
    /// was rendered with, by name, and the pages whose values its content printed (ilinks).
    var templateNames: [String] = []
    var pagesShown: Set<String> = []
    /// Other files whose contents it shows (see `ShortcodeExpander.filesRead`).
    var filesRead: [String] = []
    /// The page's text cut at its headings, for the search index; empty when it is not indexed.
    var searchSections: [SearchSection] = []
}

struct PageRenderer {
    let tree: ContentTree
    let index: SiteIndex
    let templates: TemplateSet
    let data: TemplateData
    let declared: [String: ShortcodeParameters]
    let renderer: MarkdownRenderer

    init(site: LoadedSite, renderer: MarkdownRenderer, menus: Menus, layouts: LayoutMemo) {
        (tree, index, templates, data, declared) = (site.tree, site.index, site.templates, site.data, site.declared)
        self.renderer = renderer
        self.menus = menus
        self.layouts = layouts
    }
    let menus: Menus
    let layouts: LayoutMemo

    func render(_ i: Int) -> RenderedPage {
        _ = StackGuard.takeTrip()  // a mark left by other work on this thread is not this page's
        let page = index.pages[i]
        let body = String(page.body)
        // Checked before anything is parsed, so that the error points at the page's own line.
        if !page.isHTML, let refused = MarkdownLimits.firstViolation(in: body) {
            return RenderedPage(html: "", fragmentLinks: [], headings: [], diagnostics: [
                .error(page.sourceFile, page.bodyLine + refused.line - 1, refused.column, refused.message),
            ])
        }
        let (document, parseProblems) = parseShortcodes(in: body, file: page.sourceFile, startLine: page.bodyLine)
        let pageData = data.pageData(i)
        let context = ExpansionContext(page: page, tree: tree, templates: templates, declared: declared, renderer: renderer,
                                       rootPath: data.config.rootPath, absoluteBase: data.config.absoluteBase,
                                       defaultLanguage: data.config.defaultLanguage, pageData: pageData, siteData: data.site,
                                       siteFolder: data.config.source, contentFolder: data.config.contentPath)
        var expander = ShortcodeExpander(context: context, body: body)
        let content = expander.render(document.segments, isPageBody: true)
        let diagnostics = parseProblems + expander.diagnostics

        // A missing layout is reported once per kind of page by `missingLayouts`.
        let layoutName = Self.layout(for: page, in: templates)
        let html = layoutName.flatMap { layout in
            layouts.render(layout, data.layoutData(i, page: pageData, content: content, headings: expander.headings,
                                                     sidebar: menus.html(forPage: i),
                                                     contentSecurityPolicy: expander.contentSecurityPolicy))
        }
        var problems = diagnostics + (Self.unknownLayout(page, in: templates).map { [$0] } ?? [])
        if StackGuard.takeTrip() { problems.append(Self.recursionError(at: page.sourceFile)) }
        // Cut here, on the render's own core, while the content is at hand.
        let sections = SiteSearch.indexes(i, in: index, config: data.config)
            ? SiteSearch.sections(content: content, description: page.frontMatter.description) : []
        return RenderedPage(html: html ?? "", fragmentLinks: HeadingRuleChanges.fragmentLinks(in: content),
                            headings: expander.headings, diagnostics: problems,
                            templateNames: [layoutName ?? ""] + expander.templatesUsed.sorted(), pagesShown: expander.pagesShown,
                            filesRead: expander.filesRead.sorted(), searchSections: sections)
    }

    static func recursionError(at file: String) -> Diagnostic {
        .error(file, "a template included itself so deeply while rendering this page that docgen stopped it: "
            + "a partial that includes itself inside a section ({{#children}}{{> partial}}{{/children}}) ends only where "
            + "that value is false, and Mustache finds a key missing at the innermost level in the levels around it; "
            + "give the innermost values the key (children: [] or hasChildren: false)")
    }

    /// One error per kind of page that no template can render, at the first such page.
    static func missingLayouts(_ pages: [Page], in templates: TemplateSet) -> [Diagnostic] {
        var reported: Set<Page.Kind> = []
        var diagnostics: [Diagnostic] = []
        for page in pages where !page.isImplicit || page.kind == .home {
            guard layout(for: page, in: templates) == nil, reported.insert(page.kind).inserted else { continue }
            let names = candidates(for: page).map { "templates/\($0).html" }.joined(separator: ", ")
            diagnostics.append(.error(page.sourceFile, "no template for the \(page.kind.rawValue) page kind: add one of \(names)"))
        }
        return diagnostics
    }

    static func candidates(for page: Page) -> [String] {
        switch page.kind {
        case .home: return ["index", "home", "list", "single"]
        case .section: return ["list", "single"]
        case .page: return ["single"]
        }
    }

    /// Hugo's template lookup: the page's type folder (its `type`, by default its top-level
    /// section) before the site-wide templates, and its `layout` before the kind's own names.
    static func lookupOrder(for page: Page) -> [String] {
        let kinds = candidates(for: page)
        let layout = page.frontMatter.layout
        var names: [String] = []
        if let type = contentType(of: page) {
            if let layout { names.append(type + "/" + layout) }
            names += kinds.map { type + "/" + $0 }
        }
        if let layout { names.append(layout) }
        return names + kinds
    }

    /// The `type` front matter, else the top-level section's name, as in Hugo; a page at the
    /// top level is of type "page". Folders that hold other kinds of templates are never types.
    static func contentType(of page: Page) -> String? {
        let type = page.frontMatter.type ?? (page.kind == .home ? nil
            : page.contentPath.split(separator: "/").first.map { page.kind == .page && page.parentPath == "/" ? "page" : String($0) })
        guard let type, !type.isEmpty, !["partials", "shortcodes", "static", "_default"].contains(type),
              !type.contains("/"), !type.hasPrefix(".") else { return nil }
        return type
    }

    static func layout(for page: Page, in templates: TemplateSet) -> String? {
        lookupOrder(for: page).first(where: templates.has)
    }

    /// A `layout` no template answers to is most likely a typo: the page still renders, with
    /// its kind's template, as Hugo's would, but the writer is told.
    static func unknownLayout(_ page: Page, in templates: TemplateSet) -> Diagnostic? {
        guard let layout = page.frontMatter.layout else { return nil }
        let own = contentType(of: page).map { [$0 + "/" + layout] } ?? []
        guard !(own + [layout]).contains(where: templates.has) else { return nil }
        let position = page.frontMatter.positions["layout"] ?? (1, 1)
        let used = Self.layout(for: page, in: templates).map { "templates/\($0).html" } ?? "no template"
        let names = (own + [layout]).map { "templates/\($0).html" }.joined(separator: " or ")
        return .warning(page.sourceFile, position.line, position.column,
                        "layout '\(layout)' has no template (\(names)), so the page uses \(used)")
    }
}
