/// One part of a page as search finds and shows it: the text from one h2–h4 heading that has an
/// id up to the next, so that a result can link to the heading nearest its words. The part
/// before a page's first such heading has no heading and no anchor: its link is the page itself.
struct SearchSection: Sendable, Equatable {
    var heading: String
    var anchor: String
    var text: String
}

/// A page as the search index holds it.
struct SearchPage: Sendable, Equatable {
    var title: String
    /// From the site's root, without a leading slash ("docs/manual/"), so that the browser can
    /// put it after whatever path the site is served under.
    var url: String
    /// The link titles of the sections above the page, outermost first, without the home page.
    var crumbs: [String]
    var sections: [SearchSection]
}
