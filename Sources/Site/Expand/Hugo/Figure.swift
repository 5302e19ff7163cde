import Rendering
import Shortcodes

/// Hugo's `figure`: an image with an optional link, title, caption and attribution, in the
/// markup of Hugo 0.111's template (only whitespace differs), so a Hugo theme's CSS applies.
enum Figure {
    static let parameters = ShortcodeParameters(named: [
        "src": ShortcodeParameter(required: true, about: "the image's address"),
        "link": ShortcodeParameter(), "target": ShortcodeParameter(), "rel": ShortcodeParameter(),
        "alt": ShortcodeParameter(), "title": ShortcodeParameter(), "caption": ShortcodeParameter(),
        "class": ShortcodeParameter(), "attr": ShortcodeParameter(), "attrlink": ShortcodeParameter(),
        "width": ShortcodeParameter(kind: .number), "height": ShortcodeParameter(kind: .number),
    ])

    static func expand(_ expander: inout ShortcodeExpander, _ figure: Shortcode) -> ShortcodeOutput? {
        let args = figure.arguments
        // Hugo prints an empty value as nothing at all, so "" counts as left out throughout.
        func given(_ key: String) -> String? { args[key].flatMap { $0.isEmpty ? nil : $0 } }
        guard let src = given("src") else { return nil }  // reported by the parameter check
        for key in ["src", "link", "attrlink"] {
            if let url = given(key), !isSafeLinkURL(url) {
                expander.report(figure, "figure: \(key) must be a path or a web address, found '\(url)'")
                return nil
            }
        }
        let caption = given("caption").map { expander.renderInline($0) }
        let attribution = given("attr").map { expander.renderInline($0) }

        var html = "<figure\(attribute("class", given("class")))>"
        if let link = given("link") {
            html += "<a href=\"\(HTML.escapeAttribute(link))\"\(attribute("target", given("target")))\(attribute("rel", given("rel")))>"
        }
        html += "<img src=\"\(HTML.escapeAttribute(src))\""
        // Hugo escapes the caption's text a second time here ("&amp;amp;"); the reader should
        // hear the caption, so it is escaped once.
        if let alt = given("alt") {
            html += " alt=\"\(HTML.escapeAttribute(alt))\""
        } else if let caption {
            html += " alt=\"\(withoutTags(caption))\""
        }
        html += attribute("width", given("width")) + attribute("height", given("height")) + "/>"
        if given("link") != nil { html += "</a>" }
        if given("title") != nil || caption != nil || attribution != nil {
            html += "<figcaption>\n"
            if let title = given("title") { html += "<h4>\(HTML.escape(title))</h4>" }
            if caption != nil || attribution != nil {
                // As Hugo's template: the caption and the attribution touch unless a link
                // (attrlink) starts on a line of its own.
                html += "<p>" + (caption ?? "")
                if let link = given("attrlink") { html += "\n<a href=\"\(HTML.escapeAttribute(link))\">" }
                html += attribution ?? ""
                if given("attrlink") != nil { html += "</a>" }
                html += "</p>"
            }
            html += "\n</figcaption>"
        }
        return .html(html + "\n</figure>\n")
    }

    private static func attribute(_ name: String, _ value: String?) -> String {
        value.map { " \(name)=\"\(HTML.escapeAttribute($0))\"" } ?? ""
    }

    /// The text of rendered inline HTML, still escaped, for an attribute (Hugo's `plainify`).
    static func withoutTags(_ html: String) -> String {
        var text = ""
        var inTag = false
        for character in html {
            switch character {
            case "<": inTag = true
            case ">" where inTag: inTag = false
            default: if !inTag { text.append(character) }
            }
        }
        return text
    }
}
