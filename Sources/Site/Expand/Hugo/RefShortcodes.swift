import Foundation
import Rendering
import Shortcodes

/// Hugo's `ref` and `relref`: the URL of a page, checked like an `ilink`. They print only the
/// URL, since they are written inside Markdown links: `[the guide]({{< relref "guide" >}})`; the
/// placeholder they leave in the link's destination is replaced after rendering, as any other.
enum RefLink {
    static let parameters = ShortcodeParameters(named: ["path": .text, "lang": .text, "outputFormat": .text],
                                                positional: ["the page's path", "the output format"])

    /// The permalink: the baseURL's host and path, then the page's.
    static func expandRef(_ expander: inout ShortcodeExpander, _ shortcode: Shortcode) -> ShortcodeOutput? {
        expand(&expander, shortcode, absolute: true)
    }

    /// The URL from the site's root, as the site's own links are written.
    static func expandRelref(_ expander: inout ShortcodeExpander, _ shortcode: Shortcode) -> ShortcodeOutput? {
        expand(&expander, shortcode, absolute: false)
    }

    private static func expand(_ expander: inout ShortcodeExpander, _ shortcode: Shortcode, absolute: Bool) -> ShortcodeOutput? {
        let name = shortcode.name
        let context = expander.context
        guard let reference = shortcode.arguments["path"] ?? shortcode.arguments[0] else {
            expander.report(shortcode, "\(name) needs the path of a page, e.g. {{< \(name) \"/docs/guide\" >}}")
            return nil
        }
        if let language = shortcode.arguments["lang"], language.lowercased() != context.defaultLanguage.lowercased() {
            expander.report(shortcode, "\(name): lang=\"\(language)\" is not built: docgen builds only the default language "
                + "(\(context.defaultLanguage)); leave lang out")
            return nil
        }
        if let format = shortcode.arguments["outputFormat"] ?? shortcode.arguments[1], format.lowercased() != "html" {
            expander.report(shortcode, "\(name): output format '\(format)' is not written: docgen writes HTML pages only; leave it out")
            return nil
        }
        // Hugo trims the reference; a stray space inside the quotes is no reason to fail.
        let trimmed = reference.trimmingCharacters(in: .whitespaces)
        guard let found = PageReference.resolve(trimmed, for: shortcode, in: &expander, rules: .refLink) else { return nil }
        var url = ""
        if !found.isFragmentOnly {
            expander.shows(found.page)
            url = absolute ? context.absoluteBase + found.page.url : context.link(to: found.page.url)
        }
        if let fragment = found.fragment, !fragment.isEmpty { url += "#" + fragment }
        return .html(HTML.escapeAttribute(url))
    }
}
