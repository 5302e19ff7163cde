import Basics
import Rendering

extension TemplateData {
    /// One menu entry for `sharedMenus`. An entry that is not open looks the same in every menu, so it is rendered once for the whole site; what
    /// differs per page (which entry is active) is left as markers that `SidebarMarkers` resolves.
    func itemHTML(_ i: Int, children: String?, templates: TemplateSet) -> String {
        let data = NavItemValues(title: index.pages[i].linkTitle, url: navLink(i),
                                 active: SidebarMarkers.lambda(for: i),
                                 onPath: children != nil ? true : SidebarMarkers.lambda(for: i),
                                 isSection: index.pages[i].kind == .section, children: children,
                                 tooltip: index.docsy[i].manualLinkTitle)
        return templates.render("partials/nav-item", data) ?? ""
    }

    /// Renders `partials/sidebar` once for each menu that pages share (see `itemHTML`), giving
    /// each page the same output as `plainMenu`. Entries are rendered once each, closed and, for
    /// sections, open around a stand-in for their children (see `Shell`); each menu is then put
    /// together from them.
    func sharedMenus(for pages: [Int], templates: TemplateSet) -> [Int?: MarkedMenu] {
        guard let home = index.indexByContentPath["/"] else { return [:] }
        let entries = pages.filter { $0 != home }
        var closed = [String](repeating: "", count: index.pages.count)
        for (i, html) in zip(entries, parallelMap(entries) { itemHTML($0, children: nil, templates: templates) }) { closed[i] = html }
        var shells = [Shell?](repeating: nil, count: index.pages.count)
        let parents = entries.filter { !index.sidebarChildren(of: $0).isEmpty }
        for (i, shell) in zip(parents, parallelMap(parents) { i in Shell { itemHTML(i, children: $0, templates: templates) } }) {
            shells[i] = shell
        }
        let frame = Shell { templates.render("partials/sidebar", ["items": $0, "site": site]) ?? "" }
        let keys = Array(Set(pages.map(menuKey)).union([nil]))
        let rendered = parallelMap(keys) { [closed, shells] key -> MarkedMenu in
            let open: Set<Int> = key.map { Set(index.ancestors(of: $0) + [$0]) } ?? []
            func html(_ i: Int) -> String {
                let shown = index.sidebarChildren(of: i)
                guard open.contains(i), !shown.isEmpty else { return closed[i] }
                let children = shown.map(html).joined()
                return shells[i]?.filled(with: children) ?? itemHTML(i, children: children, templates: templates)
            }
            let items = sidebarRoots(key: key).map(html).joined()
            return MarkedMenu(frame?.filled(with: items) ?? templates.render("partials/sidebar", ["items": items, "site": site]) ?? "")
        }
        return Dictionary(uniqueKeysWithValues: zip(keys, rendered))
    }
}
