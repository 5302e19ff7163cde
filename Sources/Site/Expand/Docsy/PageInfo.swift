import Rendering
import Shortcodes

/// `{{% pageinfo color="info" %}}…{{% /pageinfo %}}`: Docsy's banner about the page itself
/// (a draft, a page that moved), its inner Markdown in a coloured box.
enum PageInfo {
    static func expand(_ expander: inout ShortcodeExpander, _ shortcode: Shortcode) -> ShortcodeOutput? {
        // Escaped although its declaration checks it: a wrong one is an error, but the page is still rendered.
        let color = HTML.escapeAttribute(shortcode.arguments["color"] ?? "primary")
        return .html("<div class=\"pageinfo pageinfo-\(color)\">\n\(expander.renderInner(shortcode))</div>\n")
    }
}
