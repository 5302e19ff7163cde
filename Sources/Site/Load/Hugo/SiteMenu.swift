import Content

/// One entry of a site menu (`menus.main` in a Hugo configuration), as Hugo's menu entry has it.
public struct MenuEntry: Sendable, Equatable {
    public var name: String
    /// Where it links: a URL as written, or a page's content path (`pageRef`).
    public var url: String
    public var pageRef: String?
    public var identifier: String?
    public var parent: String?
    public var weight: Int
    public var pre: String?
    public var post: String?

    /// Reads one entry; nil (with the reason) when it has no name.
    static func read(_ node: YAMLNode) -> Result<MenuEntry, MenuProblem> {
        guard node.mapping != nil else { return .failure(MenuProblem(reason: "a menu entry must be a table of name, url, weight…")) }
        func text(_ key: String) -> String? {
            node.mapping?.first { $0.key.string?.lowercased() == key.lowercased() }?.value.string
        }
        let pageRef = text("pageRef")
        guard let name = text("name") ?? text("identifier") else { return .failure(MenuProblem(reason: "a menu entry needs a name")) }
        let weight = node.mapping?.first { $0.key.string?.lowercased() == "weight" }?.value.int ?? 0
        return .success(MenuEntry(name: name, url: text("url") ?? "", pageRef: pageRef, identifier: text("identifier"),
                                  parent: text("parent"), weight: weight, pre: text("pre"), post: text("post")))
    }

    /// Hugo's menu order: weight (entries without one last), then name.
    static func sorted(_ entries: [MenuEntry]) -> [MenuEntry] {
        entries.sorted { a, b in
            let (wa, wb) = (a.weight == 0 ? Int.max : a.weight, b.weight == 0 ? Int.max : b.weight)
            return wa != wb ? wa < wb : a.name < b.name
        }
    }
}

struct MenuProblem: Error {
    var reason: String
}
