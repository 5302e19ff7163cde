import Mustache

// The values templates see, as typed values that answer Mustache's lookups with a `switch`.
// Dictionaries of `Any` did the same job, but each page built several of them, and every lookup
// in one cost Mustache more dynamic casts; the layout is rendered once per page, so this is on
// the build's hot path.
//
// Every key an item can have is always answered (with `false` or an empty list where there is
// nothing), because Mustache looks a missing key up in the enclosing context, and a recursive
// partial would then loop.

/// A page: `{{page.title}}` and the rest. Shortcodes see it while the content is still being made,
/// without `layout`; layouts see it with.
struct PageValues: MustacheParent {
    var title: String
    var linkTitle: String
    var description: String
    var url: String
    var permalink: String
    var kind: String
    var date: String
    var isHome = false
    var isSection = false
    var isPage = false
    var params: [String: Any]
    var layout: LayoutValues?

    func child(named name: String) -> Any? {
        switch name {
        case "title": return title
        case "linkTitle": return linkTitle
        case "description": return description
        // Mustache treats an empty string as true, so templates test this instead.
        case "hasDescription": return !description.isEmpty
        case "url": return url
        case "permalink": return permalink
        case "kind": return kind
        case "isHome": return isHome
        case "isSection": return isSection
        case "isPage": return isPage
        case "date": return date
        case "params": return params
        default: return layout?.child(named: name)
        }
    }
}

/// What only a layout has of a page: the rendered content and the page's place in the site.
struct LayoutValues: MustacheParent {
    var content = ""
    var toc: [TOCEntry] = []
    var breadcrumbs: [PageSummary] = []
    var prev: PageSummary?
    var next: PageSummary?
    var children: [PageSummary] = []

    func child(named name: String) -> Any? {
        switch name {
        case "content": return content
        case "toc": return toc
        case "hasTOC": return !toc.isEmpty
        case "breadcrumbs": return breadcrumbs
        case "prev": return prev.map { $0 as Any } ?? false
        case "next": return next.map { $0 as Any } ?? false
        case "children": return children
        case "hasChildren": return !children.isEmpty
        default: return nil
        }
    }
}

/// Another page, as breadcrumbs, the pager and section listings show it.
struct PageSummary: MustacheParent {
    var title: String
    var linkTitle: String
    var url: String
    var description: String

    func child(named name: String) -> Any? {
        switch name {
        case "title": return title
        case "linkTitle": return linkTitle
        case "url": return url
        case "description": return description
        case "hasDescription": return !description.isEmpty
        default: return nil
        }
    }
}

/// One entry of the "On this page" list, with the headings nested under it.
struct TOCEntry: MustacheParent {
    var id: String
    var text: String
    var level: Int
    var children: [TOCEntry]

    func child(named name: String) -> Any? {
        switch name {
        case "id": return id
        case "text": return text
        case "level": return level
        case "children": return children
        case "hasChildren": return !children.isEmpty
        default: return nil
        }
    }
}

/// The site: `{{site.title}}` and the rest.
struct SiteValues: MustacheParent {
    var title: String
    var baseURL: String
    var root: String
    var params: [String: Any]

    func child(named name: String) -> Any? {
        switch name {
        case "title": return title
        case "baseURL": return baseURL
        case "root", "homeURL": return root
        case "params": return params
        default: return nil
        }
    }
}

/// What a layout template is rendered with.
struct LayoutRoot: MustacheParent {
    var page: PageValues
    var site: SiteValues
    var sidebar: String

    func child(named name: String) -> Any? {
        switch name {
        case "page": return page
        case "site": return site
        case "sidebar": return sidebar
        default: return nil
        }
    }
}

/// One entry of the menu, as `partials/nav-item` renders it (see `TemplateData.itemHTML`).
struct NavItemValues: MustacheParent {
    var title: String
    var url: String
    var active: Any
    var onPath: Any
    var isSection: Bool
    var children: String?

    func child(named name: String) -> Any? {
        switch name {
        case "title": return title
        case "url": return url
        case "active": return active
        case "onPath": return onPath
        case "isSection": return isSection
        case "children": return children ?? ""
        case "hasChildren": return children != nil
        default: return nil
        }
    }
}
