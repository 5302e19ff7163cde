import Rendering

/// docgen's speed tricks, all in this folder, behind this one switch:
///
/// - layout replay (`LayoutMemo`, `LayoutProbe`, `Skeleton`): a layout is rendered once per
///   shape of page and replayed with each page's texts;
/// - shared menus (`SharedMenus`, `SidebarMarkers`, `Shell`): each menu that pages share is
///   rendered once, with the active entry marked, instead of once per page.
///
/// With the switch off, every page's layout and menu are rendered in full by Mustache: the plain
/// definition of the output. `SpeedTricksTests` builds the reference sites both ways and compares
/// every file; `make same-output` does the same from the command line (`DOCGEN_PLAIN=1`).
public enum SpeedTricks {
    /// Change to `false` to build without any trick.
    public static let defaultOn = true
}

/// The left-hand menu of each page, rendered one way or the other. Only read once made (the
/// template values it holds are classes that nothing changes), so `docgen serve` can keep one
/// from build to build.
struct Menus: @unchecked Sendable {
    private let shared: [Int?: MarkedMenu]?
    private let data: TemplateData
    private let templates: TemplateSet

    init(data: TemplateData, templates: TemplateSet, speedTricks: Bool) {
        self.data = data
        self.templates = templates
        let hasMenu = templates.has("partials/sidebar")
        shared = speedTricks && hasMenu ? data.sharedMenus(for: Array(data.index.pages.indices), templates: templates) : nil
    }

    /// Whether the site's templates draw a menu at all.
    var exist: Bool { templates.has("partials/sidebar") }

    /// The menu of page `page`.
    func html(forPage page: Int) -> String { html(for: page) }

    /// The menu of the 404 page, which is no entry of it: the top level, nothing active.
    var notFoundHTML: String { html(for: nil) }

    private func html(for page: Int?) -> String {
        if let shared { return shared[page.flatMap(data.menuKey)]?.html(for: page) ?? "" }
        guard templates.has("partials/sidebar") else { return "" }
        return data.plainMenu(for: page, templates: templates)
    }
}
