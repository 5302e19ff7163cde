import Rendering
import Shortcodes

/// `{{< iframe src="https://…" >}}`: Docsy's embedded page. The writer chose it, so it is shown,
/// but loaded only when scrolled to and without telling the other site which page embeds it.
enum IFrame {
    static let parameters = ShortcodeParameters(named: [
        "src": ShortcodeParameter(required: true, about: "the address of the page to embed"),
        "width": ShortcodeParameter(), "height": ShortcodeParameter(), "style": ShortcodeParameter(),
        "tryautoheight": ShortcodeParameter(kind: .boolean), "sandbox": ShortcodeParameter(),
        "name": ShortcodeParameter(), "id": ShortcodeParameter(), "class": ShortcodeParameter(), "sub": ShortcodeParameter(),
    ])

    /// Docsy's defaults.
    static let defaultStyle = "min-height:98vh; border:none;"
    static let defaultSub = "Your browser can not display embedded frames. You can access the embedded page via the following link:"

    static func expand(_ expander: inout ShortcodeExpander, _ shortcode: Shortcode) -> ShortcodeOutput? {
        let args = shortcode.arguments
        guard let src = args["src"] else { return nil }  // reported by the declaration
        guard isSafeLinkURL(src) else {
            expander.report(shortcode, "iframe: src must be a path or a web address, found '\(src)'")
            return nil
        }
        func attribute(_ name: String, _ value: String?) -> String {
            value.map { " \(name)=\"\(HTML.escapeAttribute($0))\"" } ?? ""
        }
        var html = "<iframe" + attribute("id", args["id"] ?? "iframe-id") + attribute("class", args["class"])
        html += attribute("src", src) + attribute("width", args["width"] ?? "100%") + attribute("height", args["height"])
        html += attribute("name", args["name"] ?? "iframe-name")
        let style = args["style"] ?? defaultStyle
        if !style.isEmpty { html += attribute("style", style) }
        // A script may read the height of a page from the same site only; Docsy's tries on any
        // and fails on other sites. Fixed text, so nothing of the writer's runs.
        if args["tryautoheight"] != "false" && isSameSite(src) {
            html += " onload=\"this.height=this.contentWindow.document.body.scrollHeight+'px'\""
        }
        html += " loading=\"lazy\" referrerpolicy=\"no-referrer\""
        switch args["sandbox"] {
        case nil, "false"?: break
        case "true"?: html += " sandbox"
        case let tokens?: html += attribute("sandbox", tokens)
        }
        html += ">\n  <p>\(HTML.escape(args["sub"] ?? defaultSub)) <a href=\"\(HTML.escapeAttribute(src))\">\(HTML.escape(src))</a></p>\n</iframe>\n"
        return .html(html)
    }

    /// A path on this site, not an address on another.
    private static func isSameSite(_ src: String) -> Bool {
        !src.contains(":") && !src.hasPrefix("//")
    }
}
