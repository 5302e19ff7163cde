/// What one output of the site was made from, so that a rebuild after a change can redo only
/// what the change reaches (`docgen serve`).
public struct OutputSources: Sendable, Equatable {
    /// The output, relative to the destination.
    public var output: String
    /// The file it is a rendering or a copy of; nil for files docgen makes (the sitemap).
    public var source: String?
    /// The template files it was rendered with, partials included.
    public var templates: Set<String>
    /// The source files of the other pages whose values it printed: titles in its menu,
    /// breadcrumbs, pager and section listing, `ilink` texts, sitemap entries.
    public var pagesShown: Set<String>

    public init(output: String, source: String?, templates: Set<String> = [], pagesShown: Set<String> = []) {
        self.output = output
        self.source = source
        self.templates = templates
        self.pagesShown = pagesShown
    }
}

/// Every output's sources, and the question a rebuild asks of them.
public struct DependencyGraph: Sendable {
    public private(set) var outputs: [OutputSources]
    /// Files whose change affects every output: the site's configuration.
    public var everywhere: Set<String>

    public init(outputs: [OutputSources], everywhere: Set<String>) {
        self.outputs = outputs
        self.everywhere = everywhere
    }

    /// The outputs that a change to `files` affects, sorted. `valuesChanged` says whether the
    /// changed pages changed what other pages print of them (title, link title, description,
    /// URL, weight, draft); if not, only a page's own output and what is made from it is redone.
    /// A page or folder added or removed changes the site's structure: rebuild everything then.
    public func affected(by files: Set<String>, valuesChanged: Bool) -> [String] {
        if !files.isDisjoint(with: everywhere) { return outputs.map(\.output).sorted() }
        return outputs.filter { output in
            if let source = output.source, files.contains(source) { return true }
            if !output.templates.isDisjoint(with: files) { return true }
            return valuesChanged && !output.pagesShown.isDisjoint(with: files)
        }.map(\.output).sorted()
    }
}
