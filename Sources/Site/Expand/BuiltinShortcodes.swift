import Content
import Rendering
import Shortcodes
import StorageCatalog

/// Shortcodes docgen provides without templates.
enum BuiltinShortcodes {
    typealias Handler = (inout ShortcodeExpander, Shortcode) -> ShortcodeOutput?

    typealias Table = [String: (expand: Handler, parameters: ShortcodeParameters)]

    /// docgen's own, Hugo's built-in ones and Docsy's, each with the parameters it reads (see
    /// `ShortcodeParameters`), so that none goes unchecked. A name in two tables is a mistake
    /// that the registry test catches.
    static let all: Table = core.merging(HugoShortcodes.all) { first, _ in first }
        .merging(DocsyShortcodes.all) { first, _ in first }

    /// docgen's own and the Docsy ones it has had from the start.
    static let core: Table = [
        "ilink": (InternalLink.expand, .init(named: ["path": .text, "page": .text, "text": .text],
                                             positional: ["the page's path", "the link's text"])),
        "alert": (Alert.expand, .init(named: ["title": .text, "color": .oneOf(ShortcodeParameters.alertColors)]).closed(by: "{{% /alert %}}")),
        "storage-fields": (StorageFields.expand, .init(named: ["provider": .text], positional: ["the provider"])),
        "storage-form": (StorageFormShortcode.expand, .init(named: ["provider": .text], positional: ["the provider"])),
        "tabpane": (Tabs.expandPane, .init(named: ["text": .boolean, "lang": .text, "langEqualsHeader": .boolean,
                                                   "persistLang": .boolean, "right": .boolean]).closed(by: "{{< /tabpane >}}")),
        "tab": (Tabs.expandStrayTab, .init(named: ["header": .text, "text": .boolean, "lang": .text, "right": .boolean,
                                                   "disabled": .boolean],
                                           positional: ["the tab's header"])),
        "card": (Card.expand, .init(named: ["header": .text, "title": .text, "subtitle": .text, "footer": .text, "url": .text,
                                            "icon": .text, "code": .boolean, "lang": .text])),
    ]
}

/// Whether `text` contains `://`; a byte loop, since the generic substring search costs more
/// than the rest of an `ilink`.
func hasSchemeSeparator(_ text: String) -> Bool {
    var colons = 0, slashes = 0
    for byte in text.utf8 {
        if byte == UInt8(ascii: ":") {
            colons = 1
            slashes = 0
        } else if byte == UInt8(ascii: "/"), colons == 1 {
            slashes += 1
            if slashes == 2 { return true }
        } else {
            colons = 0
            slashes = 0
        }
    }
    return false
}

/// Whether a URL from a shortcode argument may go into an `href`: a path, or a web, mail or
/// phone address. `javascript:` and `data:` URLs run or carry content of the writer's choosing.
func isSafeLinkURL(_ url: String) -> Bool {
    let trimmed = url.drop { $0 == " " || $0 == "\t" || $0 == "\n" }
    guard let colon = trimmed.firstIndex(of: ":") else { return true }
    let scheme = trimmed[..<colon]
    // A ':' after '/', '?' or '#' is part of a path, not a scheme.
    if scheme.contains(where: { $0 == "/" || $0 == "?" || $0 == "#" }) { return true }
    return ["http", "https", "mailto", "tel", "ftp"].contains(scheme.lowercased())
}

/// `{{< ilink "/path/to/page#fragment" "text" >}}`: a checked link to another page.
enum InternalLink {
    static func expand(_ expander: inout ShortcodeExpander, _ shortcode: Shortcode) -> ShortcodeOutput? {
        guard let reference = shortcode.arguments[0] ?? shortcode.arguments["path"] ?? shortcode.arguments["page"] else {
            expander.report(shortcode, "ilink needs the path of a page, e.g. {{< ilink \"/docs/guide\" >}}")
            return nil
        }
        guard let found = PageReference.resolve(reference, for: shortcode, in: &expander) else { return nil }
        let target = found.page
        expander.shows(target)
        var href = expander.context.link(to: target.url)
        if let fragment = found.fragment, !fragment.isEmpty { href += "#" + fragment }
        let text: String
        if let given = shortcode.arguments[1] ?? shortcode.arguments["text"] {
            text = expander.renderInline(given)
        } else {
            text = HTML.escape(target.linkTitle)
        }
        return .html("<a href=\"\(HTML.escapeAttribute(href))\">\(text)</a>")
    }
}

/// `{{% alert title="Note" color="warning" %}}…{{% /alert %}}`: Docsy's call-out box.
enum Alert {
    static func expand(_ expander: inout ShortcodeExpander, _ shortcode: Shortcode) -> ShortcodeOutput? {
        let color = shortcode.arguments["color"] ?? "primary"
        guard !color.isEmpty, color.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }) else {
            expander.report(shortcode, "alert: color must be a word such as primary, info, warning, danger or success; found '\(color)'")
            return nil
        }
        var html = "<div class=\"alert alert-\(color)\" role=\"alert\">\n"
        if let title = shortcode.arguments["title"], !title.isEmpty {
            html += "<h4 class=\"alert-heading\">\(HTML.escape(title))</h4>\n"
        }
        html += expander.renderInner(shortcode)
        html += "</div>\n"
        return .html(html)
    }
}

/// `{{< storage-fields provider="aws-s3" >}}`: a provider's field table, from the catalog.
enum StorageFields {
    static func expand(_ expander: inout ShortcodeExpander, _ shortcode: Shortcode) -> ShortcodeOutput? {
        let catalog = Catalog.bundled
        let ids = catalog.providers.map(\.id)
        guard let id = shortcode.arguments["provider"] ?? shortcode.arguments[0] else {
            expander.report(shortcode, "storage-fields needs a provider, one of: \(ids.joined(separator: ", "))")
            return nil
        }
        guard let provider = catalog.provider(id: id) else {
            expander.report(shortcode, "storage-fields: unknown provider '\(id)'; known: \(ids.joined(separator: ", "))")
            return nil
        }
        return .html(FieldTable.html(for: provider, in: catalog))
    }
}
