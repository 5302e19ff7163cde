import Basics
import Diagnostics

/// A page's own entry in a site menu (`menu: main` in its front matter), before the page's
/// URL and title are known: whatever is left out comes from the page, as in Hugo.
public struct PageMenuEntry: Sendable, Equatable {
    public var menu: String
    public var name: String?
    public var identifier: String?
    public var parent: String?
    /// nil: the page's own weight.
    public var weight: Int?
    public var pre: String?
    public var post: String?

    public init(menu: String) {
        self.menu = menu
    }

    static let keys = ["name", "identifier", "parent", "weight", "pre", "post", "title"]

    /// Hugo's three forms: `menu: main`, `menu: [main, footer]`, and a mapping of menu names to
    /// each entry's settings.
    static func read(_ node: YAMLNode, key: String, file: String) -> ([PageMenuEntry], [Diagnostic]) {
        if let name = node.string { return node.isNull ? ([], []) : ([PageMenuEntry(menu: name)], []) }
        var problems: [Diagnostic] = []
        if let items = node.sequence {
            var entries: [PageMenuEntry] = []
            for item in items {
                if let name = item.string { entries.append(PageMenuEntry(menu: name)) } else {
                    problems.append(.error(file, item.line, item.column, "front matter: each entry of '\(key)' must be a menu's name"))
                }
            }
            return (entries, problems)
        }
        var entries: [PageMenuEntry] = []
        for (menuNode, settings) in node.mapping ?? [] {
            guard let menu = menuNode.string else { continue }
            if settings.isNull { entries.append(PageMenuEntry(menu: menu)); continue }
            // TOML's [[menu.main]] makes a list of such mappings: each is an entry.
            for settings in settings.sequence ?? [settings] {
                guard let pairs = settings.mapping else {
                    problems.append(.error(file, settings.line, settings.column,
                                           "front matter: '\(key).\(menu)' must be a mapping of name, weight, parent…"))
                    continue
                }
                entries.append(entry(menu, pairs, key: key, file: file, problems: &problems))
            }
        }
        if node.mapping == nil {
            problems.append(.error(file, node.line, node.column, "front matter: '\(key)' must be a menu's name, a list of names or a mapping"))
        }
        return (entries, problems)
    }

    private static func entry(_ menu: String, _ pairs: [(key: YAMLNode, value: YAMLNode)], key: String, file: String,
                              problems: inout [Diagnostic]) -> PageMenuEntry {
        var entry = PageMenuEntry(menu: menu)
        for (keyNode, value) in pairs {
            let name = keyNode.string ?? ""
            switch name.lowercased() {
            case "name": entry.name = value.string
            case "identifier": entry.identifier = value.string
            case "parent": entry.parent = value.string
            case "pre": entry.pre = value.string
            case "post": entry.post = value.string
            case "title": break  // a tooltip: the default theme shows none
            case "weight":
                if let weight = value.int { entry.weight = weight } else {
                    problems.append(.error(file, value.line, value.column, "front matter: '\(key).\(menu).weight' must be a whole number"))
                }
            default:
                let hint = nearestName(to: name.lowercased(), among: keys).map { "did you mean '\($0)'? " } ?? ""
                problems.append(.error(file, keyNode.line, keyNode.column,
                                       "front matter: a menu entry has no setting '\(name)': \(hint)it takes \(listed(keys))"))
            }
        }
        return entry
    }
}
