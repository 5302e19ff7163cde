import Rendering

/// Code that shortcodes show as it is (a tab's, a card's, a file `readfile` includes), marked
/// up as cmark-gfm marks up a fenced code block, so the theme styles them all alike.
enum CodeBlock {
    static func html(_ code: String, language: String?) -> String {
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
