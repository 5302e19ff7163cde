import Shortcodes

/// A shortcode the site defines as `templates/shortcodes/NAME.html`.
enum UserShortcode {
    static func render(_ expander: inout ShortcodeExpander, _ shortcode: Shortcode, template: String) -> ShortcodeOutput? {
        var args: [String: Any] = [:]
        for (i, value) in shortcode.arguments.positional.enumerated() { args[String(i)] = value }
        var named: [String: Any] = [:]
        for (key, value) in shortcode.arguments.named {
            named[key] = value
            args[key] = value
        }
        var data: [String: Any] = [
            "name": shortcode.name,
            "args": args,
            "positional": shortcode.arguments.positional,
            "named": named,
            "page": expander.context.pageData,
            "site": expander.context.siteData,
            "hasInner": shortcode.inner != nil,
            "isMarkdown": shortcode.form == .markdown,
        ]
        // Only what the template reads is made, since each expands the nested shortcodes again;
        // a template that reads neither still gets them expanded once, for their errors.
        let templates = expander.context.templates
        let readsHTML = templates.mayRead("innerHTML", in: template)
        let readsText = templates.mayRead("inner", in: template) || !readsHTML
        data["inner"] = shortcode.inner.map { readsText ? expander.expandedText($0) : "" } ?? ""
        data["innerHTML"] = shortcode.inner != nil && readsHTML ? expander.renderInner(shortcode) : ""
        guard var output = expander.context.templates.render(template, data) else {
            expander.report(shortcode, "template templates/\(template).html could not be rendered")
            return nil
        }
        // A template file ends with a newline that is not part of the output: without this,
        // an inline shortcode would break the line it is used in.
        if output.hasSuffix("\n") { output.removeLast() }
        return shortcode.form == .markdown ? .markdown(output) : .html(output)
    }
}
