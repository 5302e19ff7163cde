import Highlight

/// A block of code as HTML in the markup Hugo 0.111 writes around highlighted code, with
/// Prism's token classes inside: `<div class="highlight"><pre tabindex="0" class="chroma"><code
/// class="language-bash" data-lang="bash">…`. With line numbers or highlighted lines each line is
/// a `<span class="line">` (`line hl` when highlighted) holding a `<span class="cl">`, numbers
/// are `<span class="ln">` before it (`linenos=inline`) or a table column of `<span
/// class="lnt">` (`linenos=table`), as in Hugo. Code without a language is a bare `<pre>`.
public enum CodeBlockHTML {
    public static func html(code: String, language: String, options: HighlightOptions,
                            highlighter: Highlighter) -> (html: String, failure: HighlightFailure?) {
        let highlighted = highlighter.highlight(code, language: language)
        let codeAttributes = language.isEmpty ? ""
            : " class=\"language-\(HTML.escapeAttribute(language))\" data-lang=\"\(HTML.escapeAttribute(language))\""
        guard options.hasLines else {
            let pre = "<pre tabindex=\"0\"\(language.isEmpty ? "" : " class=\"chroma\"")><code\(codeAttributes)>\(highlighted.html)</code></pre>"
            return (language.isEmpty ? pre + "\n" : "<div class=\"highlight\">\(pre)</div>\n", highlighted.failure)
        }
        let lines = CodeLines.split(highlighted.html)
        let marked = Set(options.highlightedLines.flatMap { Array($0) })
        let last = options.lineNumberStart + lines.count - 1
        let width = String(max(last, 0)).count
        func number(_ index: Int) -> String {
            let digits = String(options.lineNumberStart + index)
            return String(repeating: " ", count: max(0, width - digits.count)) + digits
        }
        var body = ""
        for (index, line) in lines.enumerated() {
            let inline = options.lineNumbers == .inline ? "<span class=\"ln\">\(number(index))</span>" : ""
            body += "<span class=\"line\(marked.contains(index + 1) ? " hl" : "")\">\(inline)<span class=\"cl\">\(line)</span></span>"
        }
        let code = "<pre tabindex=\"0\" class=\"chroma\"><code\(codeAttributes)>\(body)</code></pre>"
        guard options.lineNumbers == .table else { return ("<div class=\"highlight\">\(code)</div>\n", highlighted.failure) }
        var numbers = ""
        for index in lines.indices {
            let cell = "<span class=\"lnt\">\(number(index))\n</span>"
            numbers += marked.contains(index + 1) ? "<span class=\"hl\">\(cell)</span>" : cell
        }
        let table = "<div class=\"highlight\"><div class=\"chroma\">\n<table class=\"lntable\"><tr><td class=\"lntd\">\n"
            + "<pre tabindex=\"0\" class=\"chroma\"><code>\(numbers)</code></pre></td>\n<td class=\"lntd\">\n\(code)</td></tr></table>\n</div>\n</div>\n"
        return (table, highlighted.failure)
    }
}
