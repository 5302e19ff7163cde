import Rendering
import Mustache

// The values templates see, as typed values that answer Mustache's lookups with a `switch`.
// Dictionaries of `Any` did the same job, but each page built several of them, and every lookup
// in one cost Mustache more dynamic casts; the layout is rendered once per page, so this is on
// the build's hot path.
//
// They are classes: Mustache passes every value around as `Any` and casts it at each lookup, and
// a struct larger than three words is copied into a new box, field by field, each time; a class
// instance is one reference.
//
// Every key an item can have is always answered (with `false` or an empty list where there is
// nothing), because Mustache looks a missing key up in the enclosing context, and a recursive
// partial would then loop.

/// A page: `{{page.title}}` and the rest, as shortcodes see it while its content is being made.
/// Layouts see it inside a `LaidOutPage`, with its content and place in the site.
final class PageValues: TemplateObject {
    let title: String
    let linkTitle: String
    let description: String
    let url: String
    let permalink: String
    let kind: String
    let date: String
    let isHome: Bool
    let isSection: Bool
    let isPage: Bool
    let params: [String: Any]

    init(title: String, linkTitle: String, description: String, url: String, permalink: String, kind: String,
         date: String, isHome: Bool = false, isSection: Bool = false, isPage: Bool = false, params: [String: Any]) {
        self.title = title
        self.linkTitle = linkTitle
        self.description = description
        self.url = url
        self.permalink = permalink
        self.kind = kind
        self.date = date
        self.isHome = isHome
        self.isSection = isSection
        self.isPage = isPage
        self.params = params
    }

    func value(named name: String) -> TemplateValue {
        switch name {
        case "title": return .text(title)
        case "linkTitle": return .text(linkTitle)
        case "description": return .text(description)
        // Mustache treats an empty string as true, so templates test this instead.
        case "hasDescription": return .flag(!description.isEmpty)
        case "url": return .text(url)
        case "permalink": return .text(permalink)
        case "kind": return .string(kind)
        case "isHome": return .flag(isHome)
        case "isSection": return .flag(isSection)
        case "isPage": return .flag(isPage)
        case "date": return .text(date)
        case "params": return TemplateValue(params)
        default: return .absent
        }
    }
}

/// A page as its layout sees it: the values shortcodes saw, and then what only a layout has.
final class LaidOutPage: TemplateObject {
    let page: PageValues
    let layout: LayoutValues

    init(page: PageValues, layout: LayoutValues) {
        self.page = page
        self.layout = layout
    }

    func value(named name: String) -> TemplateValue {
        let value = page.value(named: name)
        if case .absent = value { return layout.value(named: name) }
        return value
    }
}

/// What only a layout has of a page: the rendered content and the page's place in the site.
final class LayoutValues: TemplateObject {
    let content: String
    let toc: [TOCEntry]
    let breadcrumbs: [PageSummary]
    let prev: PageSummary?
    let next: PageSummary?
    let children: [PageSummary]
    /// Docsy's `simple_list`: the section lists its pages as links without descriptions.
    let simpleList: Bool
    /// The policy a shortcode of the page asked for (see `ShortcodeExpander`); empty for none.
    let contentSecurityPolicy: String

    init(content: String = "", toc: [TOCEntry] = [], breadcrumbs: [PageSummary] = [], prev: PageSummary? = nil,
         next: PageSummary? = nil, children: [PageSummary] = [], simpleList: Bool = false, contentSecurityPolicy: String = "") {
        self.simpleList = simpleList
        self.contentSecurityPolicy = contentSecurityPolicy
        self.content = content
        self.toc = toc
        self.breadcrumbs = breadcrumbs
        self.prev = prev
        self.next = next
        self.children = children
    }

    func value(named name: String) -> TemplateValue {
        switch name {
        case "content": return .text(content)
        case "toc": return .list(toc)
        // The list as HTML, like Hugo's `.TableOfContents`: a template loop costs about ten
        // microseconds per entry, and there is one per heading of every page.
        case "tableOfContents": return .text(TableOfContents.html(toc))
        case "hasTOC": return .flag(!toc.isEmpty)
        case "breadcrumbs": return .list(breadcrumbs)
        case "hasBreadcrumbs": return .flag(!breadcrumbs.isEmpty)
        case "prev": return prev.map { .object($0) } ?? .flag(false)
        case "next": return next.map { .object($0) } ?? .flag(false)
        case "children": return .list(children)
        case "hasChildren": return .flag(!children.isEmpty)
        case "simpleList": return .flag(simpleList)
        case "contentSecurityPolicy": return .text(contentSecurityPolicy)
        case "hasContentSecurityPolicy": return .flag(!contentSecurityPolicy.isEmpty)
        default: return .absent
        }
    }
}

/// Another page, as breadcrumbs, the pager and section listings show it.
final class PageSummary: TemplateObject {
    let title: String
    let linkTitle: String
    let url: String
    let description: String
    /// The link's `title` (Docsy's `manualLinkTitle`); empty for none.
    let tooltip: String

    init(title: String, linkTitle: String, url: String, description: String, tooltip: String = "") {
        self.title = title
        self.linkTitle = linkTitle
        self.url = url
        self.description = description
        self.tooltip = tooltip
    }

    func value(named name: String) -> TemplateValue {
        switch name {
        case "title": return .text(title)
        case "linkTitle": return .text(linkTitle)
        case "url": return .text(url)
        case "description": return .text(description)
        case "hasDescription": return .flag(!description.isEmpty)
        case "tooltip": return .text(tooltip)
        case "hasTooltip": return .flag(!tooltip.isEmpty)
        default: return .absent
        }
    }
}

/// One entry of the "On this page" list, with the headings nested under it.
final class TOCEntry: TemplateObject {
    let id: String
    let text: String
    let level: Int
    let children: [TOCEntry]

    init(id: String, text: String, level: Int, children: [TOCEntry]) {
        self.id = id
        self.text = text
        self.level = level
        self.children = children
    }

    func value(named name: String) -> TemplateValue {
        switch name {
        case "id": return .text(id)
        case "text": return .text(text)
        case "level": return .scalar(level, key: "i\(level)")
        case "children": return .list(children)
        case "hasChildren": return .flag(!children.isEmpty)
        default: return .absent
        }
    }
}

/// The site: `{{site.title}}` and the rest.
final class SiteValues: TemplateObject {
    let title: String
    let baseURL: String
    let root: String
    let params: [String: Any]
    let menus: MenusValue
    /// The site has a search index, so the header shows the search box.
    let hasSearch: Bool

    init(title: String, baseURL: String, root: String, params: [String: Any], menus: MenusValue = MenusValue([:]), hasSearch: Bool = false) {
        self.hasSearch = hasSearch
        self.title = title
        self.baseURL = baseURL
        self.root = root
        self.params = params
        self.menus = menus
    }

    func value(named name: String) -> TemplateValue {
        switch name {
        case "title": return .text(title)
        case "baseURL": return .text(baseURL)
        case "root", "homeURL": return .text(root)
        case "params": return TemplateValue(params)
        case "menus": return .object(menus)
        case "hasMainMenu": return .flag(!(menus.menus["main"] ?? []).isEmpty)
        case "hasSearch": return .flag(hasSearch)
        default: return .absent
        }
    }
}

/// What a layout template is rendered with.
final class LayoutRoot: TemplateObject {
    let page: LaidOutPage
    let site: SiteValues
    let sidebar: String

    init(page: LaidOutPage, site: SiteValues, sidebar: String) {
        self.page = page
        self.site = site
        self.sidebar = sidebar
    }

    func value(named name: String) -> TemplateValue {
        switch name {
        case "page": return .object(page)
        case "site": return .object(site)
        case "sidebar": return .text(sidebar)
        default: return .absent
        }
    }
}

/// One entry of the menu, as `partials/nav-item` renders it (see `TemplateData.itemHTML`).
final class NavItemValues: MustacheParent {
    let title: String
    let url: String
    let active: Any
    let onPath: Any
    let isSection: Bool
    let children: String?
    /// The link's `title` (Docsy's `manualLinkTitle`); nil for none.
    let tooltip: String?

    init(title: String, url: String, active: Any, onPath: Any, isSection: Bool, children: String? = nil, tooltip: String? = nil) {
        self.tooltip = tooltip
        self.title = title
        self.url = url
        self.active = active
        self.onPath = onPath
        self.isSection = isSection
        self.children = children
    }

    func child(named name: String) -> Any? {
        if StackGuard.nearlyExhausted() { return nil }
        switch name {
        case "title": return TemplateText(title)
        case "url": return TemplateText(url)
        case "active": return active
        case "onPath": return onPath
        case "isSection": return isSection
        case "children": return TemplateText(children ?? "")
        case "hasChildren": return children != nil
        case "tooltip": return tooltip.map(TemplateText.init)
        default: return nil
        }
    }
}

/// A string as templates see it. Mustache casts each value it inserts to several protocols before
/// it falls back to `String(describing:)`, and one that is `MustacheCustomRenderable` is done at
/// the second cast. Transforms (`{{lowercased(page.title)}}`) work as on a String. `kind` stays a
/// String, so `{{>*page.kind}}` can name a partial.
///
/// Inside its own section (`{{#page.title}}…{{/page.title}}`) Mustache looks names up in the text
/// first. It answers them itself, as a `MustacheParent` (only `renderText`, as Mustache's
/// reflection of the struct did before), so that what a lookup finds is docgen's own definition,
/// which `StandIn` can give the same way, and not how swift-mustache reflects a type.
struct TemplateText: MustacheCustomRenderable, MustacheTransformable, MustacheParent {
    let renderText: String
    var isNull: Bool { false }

    init(_ text: String) {
        renderText = text
    }

    func transform(_ name: String) -> Any? { renderText.transform(name) }

    func child(named name: String) -> Any? { name == "renderText" ? renderText : nil }
}
