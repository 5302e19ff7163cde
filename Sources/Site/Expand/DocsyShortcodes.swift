// Docsy's tabpane, tab and card; the rest of Docsy's shortcodes are in DocsyBlocks.swift.
import Rendering
import Shortcodes

/// Docsy's `tabpane` and `tab`. The tabs are radio buttons and labels styled by the theme, so
/// they work without scripts, and the first tab is the one shown by default.
enum Tabs {
    static func expandPane(_ expander: inout ShortcodeExpander, _ pane: Shortcode) -> ShortcodeOutput? {
        let inner = pane.inner ?? []
        let number = expander.nextWidgetNumber()
        let paneIsText = pane.arguments["text"] == "true"
        var html = "<div class=\"tabpane\">\n"
        var index = 0
        for segment in inner {
            switch segment {
            case .shortcode(let tab) where tab.name == "tab":
                let header = tab.arguments["header"] ?? tab.arguments[0] ?? "Tab \(index + 1)"
                let id = "tabpane-\(number)-\(index)"
                html += "<input type=\"radio\" class=\"tab-input\" name=\"tabpane-\(number)\" id=\"\(id)\"\(index == 0 ? " checked" : "")>"
                html += "<label class=\"tab-label\" for=\"\(id)\">\(HTML.escape(header))</label>\n"
                html += "<div class=\"tab-panel\">\n\(panel(&expander, tab, pane: pane, paneIsText: paneIsText))</div>\n"
                index += 1
            case .shortcode(let other):
                expander.report(other, "only tab shortcodes belong inside a tabpane, found '\(other.name)'")
            case .text, .escaped:
                continue  // whitespace between tabs
            }
        }
        html += "</div>\n"
        return .html(html)
    }

    /// A tab's content is Markdown when the pane or tab says `text=true` or uses the % form;
    /// otherwise it is code in the tab's (or pane's) language, as in Docsy.
    private static func panel(_ expander: inout ShortcodeExpander, _ tab: Shortcode, pane: Shortcode, paneIsText: Bool) -> String {
        let isText = tab.arguments["text"].map { $0 == "true" } ?? (paneIsText || tab.form == .markdown)
        if isText { return expander.renderInner(tab) }
        return CodeBlock.html(&expander, tab, code: CodeBlock.trimmed(expander.rawInner(tab)), language: tab.arguments["lang"] ?? pane.arguments["lang"])
    }

    static func expandStrayTab(_ expander: inout ShortcodeExpander, _ tab: Shortcode) -> ShortcodeOutput? {
        expander.report(tab, "tab must be inside a tabpane")
        return nil
    }
}

/// Docsy's `card`: a box with an optional header, title (a link when `url` is given), body and
/// footer; with `code=true` the body is the inner text shown as code in `lang`, as in Docsy.
enum Card {
    static func expand(_ expander: inout ShortcodeExpander, _ card: Shortcode) -> ShortcodeOutput? {
        let args = card.arguments
        let isCode = args["code"] == "true"
        var html = "<div class=\"card\">\n"
        if let header = args["header"] { html += "<div class=\"card-header\">\(expander.renderInline(header))</div>\n" }
        html += isCode ? "<div class=\"card-body code\">\n" : "<div class=\"card-body\">\n"
        if let title = args["title"] {
            let icon = args["icon"].map { "<i class=\"\(HTML.escapeAttribute($0))\" aria-hidden=\"true\"></i> " } ?? ""
            let text = icon + HTML.escape(title)
            if let url = args["url"], !isSafeLinkURL(url) {
                expander.report(card, "card: url must be a path or a web address, found '\(url)'")
                html += "<h5 class=\"card-title\">\(text)</h5>\n"
            } else if let url = args["url"] {
                html += "<h5 class=\"card-title\"><a href=\"\(HTML.escapeAttribute(url))\">\(text)</a></h5>\n"
            } else {
                html += "<h5 class=\"card-title\">\(text)</h5>\n"
            }
        }
        if let subtitle = args["subtitle"] { html += "<h6 class=\"card-subtitle\">\(HTML.escape(subtitle))</h6>\n" }
        if card.inner != nil && isCode {
            html += CodeBlock.html(&expander, card, code: CodeBlock.trimmed(expander.rawInner(card)), language: args["lang"])
        } else if card.inner != nil {
            html += "<div class=\"card-text\">\n\(expander.renderInner(card))</div>\n"
        }
        html += "</div>\n"
        if let footer = args["footer"] { html += "<div class=\"card-footer\">\(expander.renderInline(footer))</div>\n" }
        html += "</div>\n"
        return .html(html)
    }
}
