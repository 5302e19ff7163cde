/// The Markdown settings a site can choose, as Hugo's `markup.goldmark` names them. docgen's own
/// defaults keep raw HTML (real docs embed iframes and anchors); a site configured by a Hugo file
/// gets Hugo's defaults, where raw HTML is left out unless `renderer.unsafe` is true.
public struct MarkupSettings: Sendable, Equatable {
    /// How generated heading IDs are made (`parser.autoHeadingIDType`).
    public enum HeadingIDType: String, Sendable, CaseIterable {
        /// GitHub's rules: letters, digits and `_` kept, lower-cased; spaces and `-` become `-`.
        case github
        /// As github, but accents are removed and any other non-ASCII character is dropped.
        case githubASCII = "github-ascii"
        /// The rules of Blackfriday, Hugo's Markdown renderer before goldmark.
        case blackfriday
    }

    /// `renderer.unsafe`: raw HTML in Markdown passes through; otherwise it becomes
    /// `<!-- raw HTML omitted -->`, as in Hugo.
    public var rawHTML = true
    /// `parser.autoHeadingID`: headings without an explicit `{#id}` get one generated.
    public var autoHeadingID = true
    public var headingIDType = HeadingIDType.github
    /// `parser.attribute.title`: `{#id .class}` after a heading sets its attributes.
    public var headingAttributes = true
    /// `extensions.typographer`: straight quotes become curly ones, `--` and `---` dashes and
    /// `...` an ellipsis (cmark-gfm's smart punctuation). Goldmark also turns `<<` and `>>` into
    /// guillemets, which cmark-gfm does not.
    public var typographer = false
    /// Code is highlighted at build time (Prism's grammars, see `Highlight`): fenced blocks and
    /// the shortcodes that show code. Off with `highlight: false` in docgen.yaml, or Hugo's
    /// `markup.highlight.codeFences = false`; code is then plain text as cmark-gfm writes it.
    public var highlight = true

    public init() {}

    /// Hugo's defaults (goldmark as Hugo configures it).
    public static var hugo: MarkupSettings {
        var settings = MarkupSettings()
        settings.rawHTML = false
        settings.typographer = true
        return settings
    }
}
