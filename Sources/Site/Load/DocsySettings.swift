import Basics
import Content
import Diagnostics

/// The front matter Docsy reads for navigation, checked: a value of the wrong kind is an error
/// at its line, where Docsy would treat it as unset or true without a word.
struct DocsySettings: Sendable, Equatable {
    /// Where the section's sidebar starts (`sidebar_root_for`).
    enum SidebarRoot: String, Sendable, CaseIterable {
        /// For the section's page and every page below it.
        case `self`
        /// For the pages below it; the section's own page shows its parent's sidebar.
        case children
    }

    /// Left out of the sidebar (`toc_hide`).
    var tocHide = false
    /// Left out of its section's list of pages (`hide_summary`).
    var hideSummary = false
    /// A section page that lists none of its pages (`no_list`).
    var noList = false
    /// A section page that lists its pages as plain links, without descriptions (`simple_list`).
    var simpleList = false
    /// Where the page's entries in the sidebar and in lists link to instead of the page (`manualLink`).
    var manualLink: String?
    /// The tooltip of those links (`manualLinkTitle`).
    var manualLinkTitle: String?
    /// Left out of the site's search index (`exclude_search`).
    var excludeSearch = false
    var sidebarRoot: SidebarRoot?

    static let flags: [(key: String, path: WritableKeyPath<DocsySettings, Bool>)] = [
        ("toc_hide", \.tocHide), ("hide_summary", \.hideSummary), ("no_list", \.noList),
        ("simple_list", \.simpleList), ("exclude_search", \.excludeSearch),
    ]

    static func read(_ page: Page) -> (DocsySettings, [Diagnostic]) {
        var settings = DocsySettings()
        var problems: [Diagnostic] = []
        for (key, value) in page.frontMatter.params {
            func error(_ message: String) { problems.append(.error(page.sourceFile, value.line, value.column, "front matter: " + message)) }
            // Hugo's parameter names are not case-sensitive (`manualLink` is `manuallink`).
            let name = key.lowercased()
            if let flag = flags.first(where: { $0.key == name }) {
                if value.isNull { continue }
                if let on = value.bool { settings[keyPath: flag.path] = on } else { error("'\(key)' must be true or false") }
                continue
            }
            switch name {
            case "manuallink":
                guard let link = value.string, !value.isNull else { error("'\(key)' must be a URL or a path"); continue }
                if isSafeLinkURL(link) { settings.manualLink = link } else {
                    error("'\(key)' must be a path or a web address, found '\(link)'")
                }
            case "manuallinktitle":
                if let title = value.string { settings.manualLinkTitle = title } else { error("'\(key)' must be text") }
            case "sidebar_root_for":
                if value.isNull { continue }
                let names = SidebarRoot.allCases.map(\.rawValue)
                if let text = value.string, let root = SidebarRoot(rawValue: text) {
                    if page.kind == .section { settings.sidebarRoot = root } else {
                        problems.append(.warning(page.sourceFile, value.line, value.column,
                                                 "front matter: 'sidebar_root_for' has an effect only in a section's _index.md"))
                    }
                } else {
                    let hint = value.string.flatMap { nearestName(to: $0, among: names) }.map { "did you mean '\($0)'? " } ?? ""
                    error("'\(key)' must be \(listed(names, conjunction: "or")): \(hint)found '\(value.string ?? "a list or mapping")'")
                }
            default: continue
            }
        }
        return (settings, problems)
    }
}
