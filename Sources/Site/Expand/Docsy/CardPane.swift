import Shortcodes

/// `{{< cardpane >}}{{< card >}}…{{< /card >}}…{{< /cardpane >}}`: Docsy's row of cards.
enum CardPane {
    static func expand(_ expander: inout ShortcodeExpander, _ pane: Shortcode) -> ShortcodeOutput? {
        let inner = pane.inner ?? []
        // Cards are written one per line; rendered as Markdown, lines without a blank one
        // between them would be one paragraph holding them all.
        let onlyShortcodes = inner.allSatisfy { segment in
            if case .text(let range) = segment { return expander.text(range).allSatisfy(\.isWhitespace) }
            if case .escaped = segment { return false }
            return true
        }
        guard onlyShortcodes else {
            return .html("<div class=\"td-card-group card-group p-0 mb-4\">\n\(expander.renderInner(pane))</div>\n")
        }
        var html = "<div class=\"td-card-group card-group p-0 mb-4\">\n"
        var ordinal = 0
        for case .shortcode(let card) in inner {
            switch expander.expand(card, ordinal: ordinal) {
            case .html(let output)?: html += output
            case .markdown(let output)?: html += expander.render([.escaped(literal: output, range: 0..<0)], isPageBody: false)
            case nil: break
            }
            ordinal += 1
        }
        html += "</div>\n"
        return .html(html)
    }
}
