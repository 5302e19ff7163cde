import Rendering
import Shortcodes

/// Hugo's `details` (the one of Hugo 0.140 and later): a `<details>` box the reader opens, with
/// a Markdown summary and Markdown inside.
enum Details {
    static let parameters = ShortcodeParameters(named: ["summary": .text, "open": .boolean, "class": .text, "name": .text,
                                                        "title": .text]).closed(by: "{{< /details >}}")

    static func expand(_ expander: inout ShortcodeExpander, _ details: Shortcode) -> ShortcodeOutput? {
        let args = details.arguments
        func attribute(_ name: String) -> String {
            guard let value = args[name], !value.isEmpty else { return "" }
            return " \(name)=\"\(HTML.escapeAttribute(value))\""
        }
        let summary = expander.renderInline(args["summary"].flatMap { $0.isEmpty ? nil : $0 } ?? "Details")
        var html = "<details\(attribute("class"))\(attribute("name"))\(args["open"] == "true" ? " open" : "")\(attribute("title"))>\n"
        html += "<summary>\(summary)</summary>\n"
        html += expander.renderInner(details)
        return .html(html + "</details>\n")
    }
}

/// Hugo's `comment`: a note to other writers that the site does not show. Its inner content is
/// neither rendered nor checked, so a draft note may hold anything.
enum Comment {
    static let parameters = ShortcodeParameters(named: [String: ShortcodeParameter.Kind]())

    static func expand(_ expander: inout ShortcodeExpander, _ comment: Shortcode) -> ShortcodeOutput? {
        nil
    }
}
