import Basics
import Content
import Diagnostics

/// The search stage of a build: which pages the index holds, and the index's files. Pure: the
/// builders write what it returns with the site's other files.
enum SiteSearch {
    /// The default theme's scripts of the search box, left out of a site without search.
    static let scripts: Set<String> = ["docgen-search-engine.js", "docgen-search.js"]

    /// Whether a page goes into the index: search is on, the page is written, its front matter
    /// does not say `exclude_search: true`, and it is not a Docsy search-results page (`layout:
    /// search`), which holds nothing to find. Alias redirects and the 404 page are not pages.
    static func indexes(_ i: Int, in index: SiteIndex, config: SiteConfig) -> Bool {
        config.search && index.pages[i].isWritten && !index.docsy[i].excludeSearch && index.pages[i].frontMatter.layout != "search"
    }

    /// A page's sections, cut from its rendered content; its description, which the layout shows
    /// above the content, leads the first.
    static func sections(content: String, description: String?) -> [SearchSection] {
        var sections = SectionSplitter.sections(of: content)
        if let description, !description.isEmpty {
            sections[0].text = sections[0].text.isEmpty ? description : description + " " + sections[0].text
        }
        return sections
    }

    /// The indexed pages in the site's order, with the sections their renders left.
    static func pages(_ index: SiteIndex, sections: [[SearchSection]], config: SiteConfig) -> [SearchPage] {
        // The pages are read in place (a copy of a page per use was most of this step's time),
        // on all cores.
        parallelMap(index.pages.indices.filter { indexes($0, in: index, config: config) }) { i in
            let title = index.pages[i].title
            return SearchPage(title: title.isEmpty ? index.pages[i].linkTitle : title, url: String(index.pages[i].url.drop { $0 == "/" }),
                              crumbs: index.ancestors(of: i).filter { index.pages[$0].kind != .home }.map { index.pages[$0].linkTitle },
                              sections: sections[i])
        }
    }

    static func files(_ index: SiteIndex, sections: [[SearchSection]], config: SiteConfig) -> [(path: String, bytes: [UInt8])] {
        guard config.search else { return [] }
        return SearchIndexFiles.files(for: pages(index, sections: sections, config: config))
    }

    /// An error when another output lies in the index's folder: the index would overwrite it, or
    /// it the index. A page's is at the line that made its URL (or the top of its file).
    static func collision(pages: [Page], others: [String], config: SiteConfig) -> Diagnostic? {
        guard config.search else { return nil }
        let prefix = SearchIndexFiles.folder + "/"
        func clashes(_ output: String) -> Bool { output.hasPrefix(prefix) || output == SearchIndexFiles.folder }
        func message(_ output: String) -> String {
            "'\(output)' lies in \(prefix), where docgen writes the search index: "
                + "move that page or file, or switch search off with 'search: false' in docgen.yaml"
        }
        if let page = pages.first(where: { clashes($0.outputPath) }) { return URLCheck.urlProblem(page, message(page.outputPath)) }
        return others.first(where: clashes).map { .error(config.settingsFile, message($0)) }
    }
}
