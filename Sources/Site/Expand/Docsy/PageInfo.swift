import Shortcodes

/// `{{% pageinfo color="info" %}}…{{% /pageinfo %}}`: Docsy's banner about the page itself
/// (a draft, a page that moved), its inner Markdown in a coloured box.
enum PageInfo {
    static func expand(_ expander: inout ShortcodeExpander, _ shortcode: Shortcode) -> ShortcodeOutput? {
        guard shortcode.inner != nil else {
            expander.report(shortcode, "pageinfo needs a closing tag: {{% /pageinfo %}}")
            return nil
        }
        // The colour is one of a fixed list (checked by its declaration), so it needs no escaping.
        let color = shortcode.arguments["color"] ?? "primary"
        return .html("<div class=\"pageinfo pageinfo-\(color)\">\n\(expander.renderInner(shortcode))</div>\n")
    }
}
