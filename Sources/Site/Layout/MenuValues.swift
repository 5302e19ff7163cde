import Content

/// One entry of a site menu as templates see it: `{{#site.menus.main}}{{name}} {{url}}{{/site.menus.main}}`,
/// with its sub-entries (Hugo's `parent`) under `children`.
final class MenuItemValue: TemplateObject {
    let name: String
    let url: String
    let external: Bool
    let children: [MenuItemValue]

    init(name: String, url: String, external: Bool, children: [MenuItemValue]) {
        self.name = name
        self.url = url
        self.external = external
        self.children = children
    }

    func value(named name: String) -> TemplateValue {
        switch name {
        case "name": return .text(self.name)
        case "url": return .text(url)
        case "external": return .flag(external)
        case "children": return .list(children)
        case "hasChildren": return .flag(!children.isEmpty)
        default: return .absent
        }
    }

    /// The entries of one menu as a tree, in Hugo's order. A URL from the site root gets the
    /// site's path in front (as Hugo's `relURL` does for menu URLs); a `pageRef` names a page by
    /// its content path and links to that page, or to the path as written when there is none.
    static func tree(_ entries: [MenuEntry], rootPath: String, pageURL: (String) -> String?) -> [MenuItemValue] {
        func link(_ entry: MenuEntry) -> (String, Bool) {
            if let ref = entry.pageRef, !ref.isEmpty {
                return (pageURL(ref) ?? rootPath + ref.drop { $0 == "/" }, false)
            }
            let url = entry.url
            if url.contains("://") || url.hasPrefix("mailto:") { return (url, true) }
            if url.hasPrefix("/") { return (rootPath + url.dropFirst(), false) }
            return (url, false)
        }
        func items(under parent: String?) -> [MenuItemValue] {
            MenuEntry.sorted(entries.filter { $0.parent == parent }).map { entry in
                let (url, external) = link(entry)
                let key = entry.identifier ?? entry.name
                // An entry cannot be its own parent: that would nest without end.
                let children = key == parent ? [] : items(under: key)
                return MenuItemValue(name: entry.name, url: url, external: external, children: children)
            }
        }
        return items(under: nil)
    }
}

/// `site.menus`: every menu by name.
final class MenusValue: TemplateObject {
    let menus: [String: [MenuItemValue]]

    init(_ menus: [String: [MenuItemValue]]) { self.menus = menus }

    func value(named name: String) -> TemplateValue {
        menus[name].map { .list($0) } ?? .absent
    }
}
