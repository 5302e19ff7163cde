import Basics
import Rendering
import Shortcodes

/// Hugo's `param`: a value from the page's front matter, else from the site's `params`, by a
/// name that may reach into mappings (`{{< param "support.email" >}}`), printed as text.
enum ParamShortcode {
    static let parameters = ShortcodeParameters(named: [:], positional: [ShortcodeParameter(required: true, about: "the parameter's name")])

    static func expand(_ expander: inout ShortcodeExpander, _ shortcode: Shortcode) -> ShortcodeOutput? {
        guard let key = shortcode.arguments[0] else { return nil }  // reported by the parameter check
        guard !key.isEmpty else {
            expander.report(shortcode, "param needs the name of a parameter, as in {{< param \"version\" >}}")
            return nil
        }
        let sources = [pageParams(expander.context.pageData), expander.context.siteData.params]
        guard let value = sources.lazy.compactMap({ lookUp(key, in: $0) }).first else {
            let known = sources.flatMap { dottedKeys($0) }
            let hint = nearestName(to: key.lowercased(), among: known).map { ": did you mean '\($0)'?" } ?? ""
            expander.report(shortcode, "param '\(key)' not found in the page's front matter or the site's params\(hint)")
            return nil
        }
        switch value {
        case let text as String: return .html(HTML.escape(text))
        case let flag as Bool: return .html(flag ? "true" : "false")
        case let number as Int: return .html(String(number))
        case let number as Double:
            // As Go prints it: 2.0 is "2".
            let whole = number.rounded() == number && abs(number) < 1e15
            return .html(whole ? String(Int(number)) : String(number))
        case is [Any]:
            expander.report(shortcode, "param '\(key)' is a list, not one value: name one value to print")
        default:
            expander.report(shortcode, "param '\(key)' is a mapping, not one value: name one of its keys, as in \(key).\(firstKey(of: value) ?? "name")")
        }
        return nil
    }

    /// Front matter keys docgen reads itself are not among the page's `params`, but Hugo's
    /// `.Param` finds them there.
    private static func pageParams(_ page: PageValues) -> [String: Any] {
        var params = page.params
        params["title"] = page.title
        params["linkTitle"] = page.linkTitle
        if !page.description.isEmpty { params["description"] = page.description }
        if !page.date.isEmpty { params["date"] = page.date }
        return params
    }

    /// Hugo's lookup: the whole key first ("a.b" may be a key of its own), then part by part;
    /// Hugo lower-cases every key, so case does not matter.
    private static func lookUp(_ key: String, in params: [String: Any]) -> Any? {
        if let value = value(for: key, in: params) { return value }
        var current: Any = params
        for part in key.split(separator: ".", omittingEmptySubsequences: false) {
            guard let mapping = current as? [String: Any], let next = value(for: String(part), in: mapping) else { return nil }
            current = next
        }
        return current
    }

    private static func value(for key: String, in params: [String: Any]) -> Any? {
        if let exact = params[key] { return exact }
        let lower = key.lowercased()
        return params.first { $0.key.lowercased() == lower }?.value
    }

    private static func dottedKeys(_ params: [String: Any], prefix: String = "") -> [String] {
        params.flatMap { key, value -> [String] in
            let name = prefix + key.lowercased()
            if let nested = value as? [String: Any] { return [name] + dottedKeys(nested, prefix: name + ".") }
            return [name]
        }
    }

    private static func firstKey(of value: Any) -> String? {
        (value as? [String: Any])?.keys.sorted().first
    }
}
