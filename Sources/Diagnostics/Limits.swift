/// The limits that keep every run bounded in time and memory, whatever the input. None is near
/// what a real site needs; each guards against input that would make docgen, or a C library it
/// calls, crash, recurse without bound or take time that grows with the square of the input.
/// The README lists them under "Limits", and each has a test.
public enum Limits {
    /// A page, front matter included. The largest page of the CVAT manual is 40 KB; a page
    /// costs about 40 times its size in memory while it is rendered.
    public static let pageFileBytes = 8 << 20
    /// A config given to `validate` (about 2 times its size in memory).
    public static let configFileBytes = 32 << 20
    /// An HTML file read by `docgen check`.
    public static let htmlFileBytes = 32 << 20
    /// Folders inside `content/` or `static/`: every page's menu and breadcrumbs hold its whole
    /// path, so a site's output grows with the square of its depth.
    public static let folderNesting = 32
    /// Paired shortcodes open inside each other. Expansion recurses once per level.
    public static let shortcodeNesting = 64
    /// Block quote and list markers at the start of one Markdown line: each becomes a block of
    /// its own in cmark-gfm, about 250 bytes, so one line of `>` could take gigabytes.
    public static let markdownNesting = 100
    /// `|` characters on one Markdown line: cmark-gfm's table extension takes time that grows
    /// with the square of a row's cells.
    public static let tablePipesPerLine = 256
    /// Cells of the tables of one page, counting the empty cells cmark-gfm adds to short rows
    /// (about 500 bytes each).
    public static let tableCells = 200_000
    /// Nesting of JSON arrays and objects (`validate`): the reader keeps its own stack, and
    /// the evaluator recurses once per level.
    public static let jsonNesting = 1000
    /// Nesting of YAML mappings and sequences, in front matter and configs.
    public static let yamlNesting = 200
    /// Values of one YAML document once aliases are expanded: anchors that refer to anchors
    /// double with every level (an "alias bomb").
    public static let yamlValues = 100_000
    /// A code block that is highlighted: a larger one is shown as plain text. Some of Prism's
    /// patterns search the rest of the block from each place they start at (bash's heredoc
    /// looks for its closing word), so time can grow with the square of the block: 250 KB of
    /// such shell took a second. The CVAT manual's largest block is 6 KB.
    public static let highlightBlockBytes = 128 << 10
    /// PCRE2's match limit for one search of a highlighting pattern (its default is 10 million):
    /// a pattern that backtracks without end on some text stops there.
    public static let highlightMatchLimit: UInt32 = 1_000_000
    /// Pattern searches for one highlighted block, and the wall-clock seconds they may take: the
    /// backstop behind the match limit.
    public static let highlightSearchesPerBlock = 2_000_000
    public static let highlightSecondsPerBlock = 2.0
}

/// A size for messages about the limits: "8 MiB", "12.4 MiB".
public func megabytes(_ bytes: Int) -> String {
    if bytes % (1 << 20) == 0 { return "\(bytes >> 20) MiB" }
    let tenths = (bytes * 10 + (1 << 19)) >> 20
    return "\(tenths / 10).\(tenths % 10) MiB"
}
