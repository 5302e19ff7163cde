// Targets over a whole stage: one page through the build pipeline, one config through validate.

import ConfigValidation
@testable import Content
import Diagnostics
import JSON
import Rendering
@testable import Site
import StorageCatalog

// MARK: page — front matter → shortcodes → cmark-gfm → templates, in memory.

/// A small fixed site around the fuzzed page: home, a section, and a sibling with headings, so
/// that `ilink`/`ref` shortcodes and the sidebar have something to find. Loaded once.
struct PageFixture {
    static let shared = PageFixture()

    let config: SiteConfig
    let templates: TemplateSet
    let renderer: MarkdownRenderer
    let others: [Page]
    /// The fixture pages rendered beside a plain fuzz page.
    private(set) var othersRendered: [RenderedPage] = []

    init() {
        var config = SiteConfig()
        config.baseURL = "https://example.com/docs/"
        config.title = "Fuzz"
        self.config = config
        let (templates, problems) = TemplateSet.load(defaults: EmbeddedTemplates.files, from: [])
        if !problems.isEmpty { fuzzFailure("built-in templates do not load: \(problems)") }
        self.templates = templates
        renderer = MarkdownRenderer(rules: config.headingIDs)

        func page(_ kind: Page.Kind, _ path: String, parent: String?, _ source: String) -> Page {
            let (split, problems) = FrontMatterParser.split(source, file: "content" + path + ".md")
            if !problems.isEmpty { fuzzFailure("fixture page \(path): \(problems)") }
            return Page(kind: kind, sourceFile: "content" + path + ".md", contentPath: path, parentPath: parent,
                        frontMatter: split.frontMatter, body: split.body, bodyLine: split.bodyLine,
                        url: ContentLoader.url(for: split.frontMatter, contentPath: path))
        }
        others = [
            page(.home, "/", parent: nil, "---\ntitle: Home\n---\nWelcome.\n"),
            page(.section, "/docs", parent: "/", "---\ntitle: Docs\nweight: 1\n---\nThe docs.\n"),
            page(.page, "/docs/other", parent: "/docs",
                 "---\ntitle: Other\nweight: 2\n---\n## First part\n\nText.\n\n## Second part {#second}\n"),
        ]
        let placeholder = page(.page, "/docs/fuzz", parent: "/docs", "---\ntitle: Fuzz\n---\nText.\n")
        let (_, renderer) = site(with: placeholder, self)
        othersRendered = others.indices.map { renderer.render($0) }
        for r in othersRendered where r.diagnostics.hasErrors || r.html.isEmpty {
            fuzzFailure("fixture page does not render: \(r.diagnostics)")
        }
    }
}

/// The fixture's pages plus `page`, and a renderer for them, as `SiteBuilder.build` makes it.
private func site(with page: Page, _ fixture: PageFixture) -> ([Page], PageRenderer) {
    let pages = fixture.others + [page]
    let tree = ContentTree(pages: pages, files: [])
    let index = SiteIndex(pages: pages)
    let site = LoadedSite(config: fixture.config, tree: tree, templates: fixture.templates, aliases: [], index: index,
                          data: TemplateData(index: index, config: fixture.config), diagnostics: [])
    let menus = Menus(data: site.data, templates: site.templates, speedTricks: true)
    return (pages, PageRenderer(site: site, renderer: fixture.renderer, menus: menus,
                                layouts: LayoutMemo(templates: site.templates, memoize: true)))
}

func fuzzPage(_ bytes: UnsafeBufferPointer<UInt8>) {
    let fixture = PageFixture.shared
    let path = "/docs/fuzz"
    let (split, _) = FrontMatterParser.split(text(bytes), file: "content/docs/fuzz.md")
    let page = Page(kind: .page, sourceFile: "content/docs/fuzz.md", contentPath: path, parentPath: "/docs",
                    frontMatter: split.frontMatter, body: split.body, bodyLine: split.bodyLine,
                    url: ContentLoader.url(for: split.frontMatter, contentPath: path))
    let (pages, renderer) = site(with: page, fixture)
    let tree = ContentTree(pages: pages, files: [])
    _ = URLCheck.collisions(in: tree)
    _ = URLCheck.aliases(page.frontMatter.aliases.map { (alias: $0, page: page) }, tree: tree)
    let rendered = renderer.render(pages.count - 1)
    if rendered.html.isEmpty && !rendered.diagnostics.hasErrors && PageRenderer.layout(for: page, in: fixture.templates) != nil {
        fuzzFailure("a page with a layout and no errors rendered to nothing")
    }
    // The fixture pages' headings and links do not depend on the fuzzed page: rendered once.
    _ = HeadingRuleChanges.warnings(pages: pages, rendered: fixture.othersRendered + [rendered],
                                    rules: fixture.config.headingIDs, rootPath: fixture.config.rootPath)
}

// MARK: validate — a config (JSON or YAML) against the schema generated from the catalog.

enum ValidateFixture {
    static let validator: ConfigValidator = {
        do { return try ConfigValidator(schema: SchemaGenerator.schema(Catalog.bundled)) } catch {
            fuzzFailure("the generated schema cannot be used: \(error)")
        }
    }()
}

func fuzzValidate(_ bytes: UnsafeBufferPointer<UInt8>) {
    // `docgen validate -` reads JSON when the text starts with { or [, YAML otherwise.
    let input = Array(bytes)
    let first = input.first(where: { $0 != 0x20 && $0 != 0x0A && $0 != 0x0D && $0 != 0x09 })
    let isYAML = first.map { $0 != UInt8(ascii: "{") && $0 != UInt8(ascii: "[") } ?? false
    let file = isYAML ? "fuzz.yaml" : "fuzz.json"
    let verdict: FileVerdict
    switch ConfigDocument.load(bytes: input, file: file, isYAML: isYAML) {
    case .failure(let diagnostic):
        if diagnostic.location.line < 1 || diagnostic.location.column < 1 {
            fuzzFailure("parse error at \(diagnostic.location.line):\(diagnostic.location.column)")
        }
        verdict = FileVerdict(file: file, problems: [ConfigProblem(file: file, line: diagnostic.location.line,
            column: diagnostic.location.column, pointer: "", keyword: "parse", message: diagnostic.message)], unreadable: false)
    case .success(let document):
        let problems = ValidateFixture.validator.validate(document)
        for p in problems where p.line < 1 || p.column < 1 { fuzzFailure("problem at \(p.line):\(p.column): \(p.message)") }
        verdict = FileVerdict(file: file, problems: problems, unreadable: false)
    }
    for format in VerdictFormat.allCases { _ = format.render([verdict]) }
}
