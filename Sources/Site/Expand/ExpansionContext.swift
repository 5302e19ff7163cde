import Content
import Rendering

/// What shortcodes on one page may read: the site's pages, the templates, the page itself.
struct ExpansionContext {
    let page: Page
    let tree: ContentTree
    let templates: TemplateSet
    /// The parameters the site's own shortcodes declare (see `ShortcodeDeclaration`).
    let declared: [String: ShortcodeParameters]
    let renderer: MarkdownRenderer
    /// Where site-relative URLs start (the path of `baseURL`).
    let rootPath: String
    /// `baseURL` without its trailing slash, which `ref`'s permalinks start with.
    let absoluteBase: String
    /// The one language docgen builds, which a `ref`'s `lang` may name.
    let defaultLanguage: String
    /// The page and site as user shortcode templates see them.
    let pageData: PageValues
    let siteData: SiteValues
    /// The site root and its content folder: the only places `readfile` may read from.
    let siteFolder: String
    let contentFolder: String

    /// Section whose pages relative `ilink` paths start from.
    var currentSection: String {
        page.kind == .page ? (page.parentPath ?? "/") : page.contentPath
    }

    func link(to url: String) -> String {
        rootPath + url.drop { $0 == "/" }
    }
}
