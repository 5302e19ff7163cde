import Highlight
import Shortcodes

/// Hugo's `highlight`: `{{< highlight go "linenos=table" >}}code{{< /highlight >}}` as a code
/// block, highlighted with its options as a fenced block is (`CodeBlock`).
enum Highlight {
    static let parameters = ShortcodeParameters(named: [:], positional: [
        ShortcodeParameter(required: true, about: "the code's language"), ShortcodeParameter(about: "the options"),
    ]).closed(by: "{{< /highlight >}}")

    static func expand(_ expander: inout ShortcodeExpander, _ shortcode: Shortcode) -> ShortcodeOutput? {
        let (options, problems) = HighlightOptions.parse(shortcode.arguments[1] ?? "")
        for problem in problems { expander.report(shortcode, problem) }
        let code = deindented(expander.rawInner(shortcode), by: expander.indentation(of: shortcode))
        return .html(CodeBlock.html(&expander, shortcode, code: code, language: shortcode.arguments[0] ?? "", options: options))
    }

    /// As Hugo's `trim .InnerDeindent "\n\r"`: the shortcode's own indentation off every line,
    /// then the line breaks at either end.
    private static func deindented(_ inner: String, by indentation: String) -> String {
        var code = inner
        if !indentation.isEmpty {
            code = code.split(separator: "\n", omittingEmptySubsequences: false)
                .map { $0.hasPrefix(indentation) ? $0.dropFirst(indentation.count) : $0 }
                .joined(separator: "\n")
        }
        let isBreak: (Character) -> Bool = { $0 == "\n" || $0 == "\r" || $0 == "\r\n" }
        while let first = code.first, isBreak(first) { code.removeFirst() }
        while let last = code.last, isBreak(last) { code.removeLast() }
        return code
    }
}
