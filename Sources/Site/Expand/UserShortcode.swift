import Shortcodes

import Basics
import Rendering

/// A shortcode the site defines as `templates/shortcodes/NAME.html`.
enum UserShortcode {
    /// For a shortcode that declares no parameters: a warning per named argument its template
    /// never mentions, which is most likely a misspelt one that would be dropped without a word.
    static func unreadArguments(of shortcode: Shortcode, template: String, in templates: TemplateSet) -> [String] {
        let unread = shortcode.arguments.named.map(\.key).filter { !templates.mayRead($0, in: template) }
        guard !unread.isEmpty, let (text, _) = templates.source(of: template) else { return [] }
        let read = namesRead(in: text)
        return unread.map { key in
            let hint = nearestName(to: key, among: read).map { "did you mean \($0)=? " } ?? ""
            return "\(shortcode.name): templates/\(template).html never reads '\(key)', so it has no effect: \(hint)"
                + "declare the shortcode's parameters at the top of its template to make such mistakes errors"
        }
    }

    /// The argument names a template reads as `args.NAME` or `named.NAME`.
    static func namesRead(in text: String) -> [String] {
        var names: Set<String> = []
        for prefix in ["args.", "named."] {
            var rest = Substring(text)
            while let range = rest.range(of: prefix) {
                let name = rest[range.upperBound...].prefix { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" }
                if !name.isEmpty, Int(name) == nil { names.insert(String(name)) }
                rest = rest[range.upperBound...]
            }
        }
        return names.sorted()
    }

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
