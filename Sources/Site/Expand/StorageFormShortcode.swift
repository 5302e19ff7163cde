import ConfigValidation
import JSON
import Rendering
import Shortcodes
import StorageCatalog

/// `{{< storage-form provider="aws-s3" >}}`: the credentials form that checks a config as it is
/// typed, with `docgen validate`'s rules and messages. The page gets the catalog's data and the
/// schema in a JSON block, docgen's script (`static/docgen-storage-form.js`), and, through the
/// layout, a Content-Security-Policy that forbids every network request: the form holds secrets.
enum StorageFormShortcode {
    /// No connections, no form submission, nothing from other origins. `docgen serve` allows its
    /// own live-reload socket (`LiveReload.inject`), a built site nothing.
    static let contentSecurityPolicy =
        "default-src 'self'; connect-src 'none'; form-action 'none'; img-src 'self' data:; object-src 'none'; base-uri 'none'"

    static let script = "docgen-storage-form.js"

    static func expand(_ expander: inout ShortcodeExpander, _ shortcode: Shortcode) -> ShortcodeOutput? {
        let catalog = Catalog.bundled
        var preselected = catalog.providers[0]
        if let id = shortcode.arguments["provider"] ?? shortcode.arguments[0] {
            guard let provider = catalog.provider(id: id) else {
                let ids = catalog.providers.map(\.id).joined(separator: ", ")
                expander.report(shortcode, "storage-form: unknown provider '\(id)'; known: \(ids)")
                return nil
            }
            preselected = provider
        }
        expander.requireContentSecurityPolicy(contentSecurityPolicy)
        let number = expander.nextWidgetNumber()
        var html = "<div class=\"storage-form-wrap\">\n"
        html += "<noscript><p class=\"storage-form-nojs\">The config checker needs JavaScript. The field tables on this page "
            + "list every field and its rules, and <code>docgen validate</code> checks a config file.</p></noscript>\n"
        html += "<div class=\"storage-form\" id=\"storage-form-\(number)\" data-provider=\"\(HTML.escapeAttribute(preselected.id))\" hidden>\n"
        // The data of every form on the page is the same, but each form reads its own block, so
        // that a page stays correct when a form is added or removed; one form per page is usual.
        html += "<script type=\"application/json\" class=\"storage-form-data\">" + scriptSafe(data) + "</script>\n"
        html += "</div>\n</div>\n"
        if expander.isFirst("storage-form-script") {
            html += "<script src=\"\(HTML.escapeAttribute(expander.context.link(to: "/" + script)))\" defer></script>\n"
        }
        return .html(html)
    }

    /// Built once per build process: the same for every page.
    static let data = StorageFormData.json(Catalog.bundled, maskedParameters: URLCredentials.parameterNames).serialized()

    /// JSON inside a `<script>` element: `<` only occurs inside strings, where `\u003c` means the
    /// same, so no `</script>` or `<!--` in a catalog text can end the element.
    static func scriptSafe(_ json: String) -> String {
        json.replacingOccurrences(of: "<", with: "\\u003c")
    }
}
