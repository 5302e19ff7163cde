import Highlight
import Rendering
import Shortcodes

/// Code that shortcodes show as it is (a tab's, a card's, a file `readfile` includes, Hugo's
/// `highlight`), highlighted as fenced code blocks are, so the theme styles them all alike. A
/// block that highlighting gives up on is plain text, with a warning at the shortcode.
enum CodeBlock {
    static func html(_ expander: inout ShortcodeExpander, _ shortcode: Shortcode, code: String, language: String?,
                     options: HighlightOptions = HighlightOptions()) -> String {
        guard let (html, failure) = expander.context.renderer.codeBlock(code, language: language ?? "", options: options) else {
            return plain(code, language: language, isHugoHighlight: shortcode.name == "highlight")
        }
        if let failure { expander.report(shortcode, "\(shortcode.name): \(language ?? "") code: \(failure.message)", .warning) }
        return html
    }

    /// With highlighting off: as cmark-gfm writes a fenced block, or for `highlight` in the
    /// outer markup of Hugo's highlighter.
    private static func plain(_ code: String, language: String?, isHugoHighlight: Bool) -> String {
        if isHugoHighlight {
            let attributes = (language ?? "").isEmpty ? ""
                : " class=\"language-\(HTML.escapeAttribute(language!))\" data-lang=\"\(HTML.escapeAttribute(language!))\""
            return "<div class=\"highlight\"><pre><code\(attributes)>\(HTML.escape(code))</code></pre></div>\n"
        }
        let classAttribute = language.map { " class=\"language-\(HTML.escapeAttribute($0))\"" } ?? ""
        return "<pre><code\(classAttribute)>\(HTML.escape(code))\n</code></pre>\n"
    }

    /// Without the blank lines and trailing spaces around it, which come from where the tags sit.
    static func trimmed(_ text: String) -> String {
        var code = Substring(text)
        while code.hasPrefix("\n") { code.removeFirst() }
        while code.hasSuffix("\n") || code.hasSuffix(" ") { code.removeLast() }
        return String(code)
    }
}
