import Content
import Rendering
import Shortcodes

/// Docsy's landing-page blocks: `blocks/cover`, `blocks/section`, `blocks/lead`, `blocks/feature`
/// and `blocks/link-down`. Sections and leads are numbered by their place on the page (Hugo's
/// `.Ordinal`): it names their anchors, which a link-down points at, and picks their colour when
/// none is given, as Docsy paints by numbers.
enum Blocks {
    /// What Docsy's stylesheet has a `td-box--` and `-bg-` class for: Bootstrap's theme colours,
    /// its other colours and greys, and Docsy's numbered palette.
    static let colors = ShortcodeParameters.alertColors
        + ["white", "black", "blue", "indigo", "purple", "pink", "red", "orange", "yellow", "green", "teal", "cyan", "gray", "gray-dark"]
        + (1...9).map { "\($0)00" } + (0...12).map(String.init)
    static let heights = ["auto", "min", "med", "max", "full"]
    /// Hugo's image anchors, as its docs and Docsy's write them.
    static let anchors = ["smart", "center", "top", "bottom", "left", "right", "topleft", "topright", "bottomleft", "bottomright",
                          "Smart", "Center", "Top", "Bottom", "Left", "Right", "TopLeft", "TopRight", "BottomLeft", "BottomRight"]

    // Every value that goes into a class below is one of the declared lists, so needs no escaping.

    static func cover(_ expander: inout ShortcodeExpander, _ shortcode: Shortcode) -> ShortcodeOutput? {
        let args = shortcode.arguments
        let context = expander.context
        let id = "td-cover-block-\(expander.ordinal)"
        var classes = "row td-cover-block td-cover-block--height-\(args["height"] ?? "max")"
        if !navbarStaysOpaque(context.siteData.params) { classes += " js-td-cover" }
        classes += " td-overlay td-overlay--dark -bg-\(args["color"] ?? "dark")"
        var html = "<section id=\"\(id)\" class=\"\(classes)\""
        if let background = PageResources.match("background", page: context.page, in: context.tree, imagesOnly: true) {
            html += " style=\"\(HTML.escapeAttribute(backgroundStyle(url: context.link(to: background.destination), anchor: args["image_anchor"])))\""
        }
        html += ">\n  <div class=\"col-12\">\n    <div class=\"container td-overlay__inner\">\n      <div class=\"text-center\">\n"
        if let title = args["title"] {
            html += "        <h1 class=\"display-1 mt-0 mt-md-5 pb-4\">"
            if let logo = PageResources.match("logo", page: context.page, in: context.tree, imagesOnly: true) {
                html += "<img class=\"td-cover-logo\" src=\"\(HTML.escapeAttribute(context.link(to: logo.destination)))\" alt=\"\(HTML.escapeAttribute(title)) Logo\">"
            }
            html += "\(HTML.escape(title))</h1>\n"
        }
        if let subtitle = args["subtitle"] {
            html += "        <p class=\"display-2 text-uppercase mb-0\">\(HTML.escape(subtitle))</p>\n"
        }
        html += "        <div class=\"pt-3 lead\">\n\(expander.renderInner(shortcode))        </div>\n"
        html += "      </div>\n    </div>\n  </div>\n"
        if let byline = args["byline"], !byline.isEmpty { html += "  <div class=\"byline\">\(HTML.escape(byline))</div>\n" }
        html += "</section>\n"
        return .html(html)
    }

    /// Docsy crops the background to the anchor; shown whole, the anchor says which part stays
    /// in view. The URL is a CSS string inside an attribute: quoted for CSS here, escaped for
    /// HTML by the caller, so no file name can end either.
    static func backgroundStyle(url: String, anchor: String?) -> String {
        var quoted = ""
        for scalar in url.unicodeScalars {
            switch scalar {
            case "\"", "\\": quoted += "\\" + String(scalar)
            case "\n", "\r", "\u{0C}": quoted += "\\\(String(scalar.value, radix: 16)) "
            default: quoted.unicodeScalars.append(scalar)
            }
        }
        var style = "background-image: url(\"\(quoted)\");"
        if let position = anchor.flatMap({ backgroundPositions[$0.lowercased()] }) { style += " background-position: \(position);" }
        return style
    }

    private static let backgroundPositions = [
        "center": "center", "top": "top", "bottom": "bottom", "left": "left", "right": "right",
        "topleft": "left top", "topright": "right top", "bottomleft": "left bottom", "bottomright": "right bottom",
    ]

    /// Docsy's `params.ui.navbar_translucent_over_cover_disable`.
    private static func navbarStaysOpaque(_ params: [String: Any]) -> Bool {
        let ui = params.first { $0.key.lowercased() == "ui" }?.value as? [String: Any]
        return ui?.first { $0.key.lowercased() == "navbar_translucent_over_cover_disable" }?.value as? Bool ?? false
    }

    static func section(_ expander: inout ShortcodeExpander, _ shortcode: Shortcode) -> ShortcodeOutput? {
        let args = shortcode.arguments
        let number = expander.ordinal
        var html = anchor(number)
        html += "<section class=\"row td-box td-box--\(args["color"] ?? String(number)) td-box--height-\(args["height"] ?? "auto")\">\n"
        html += "<div class=\"col\">\n<div class=\"\(HTML.escapeAttribute(args["type"] ?? "container"))\">\n"
        html += expander.renderInner(shortcode)
        html += "</div>\n</div>\n</section>\n"
        return .html(html)
    }

    static func lead(_ expander: inout ShortcodeExpander, _ shortcode: Shortcode) -> ShortcodeOutput? {
        let args = shortcode.arguments
        let number = expander.ordinal
        var html = anchor(number)
        html += "<section class=\"row td-box td-box--\(args["color"] ?? String(number)) position-relative td-box--height-\(args["height"] ?? "auto")\">\n"
        html += "<div class=\"col-12\">\n<div class=\"container text-center td-arrow-down\">\n<div class=\"h4 mb-0\">\n"
        html += expander.renderInner(shortcode)
        html += "</div>\n</div>\n</div>\n</section>\n"
        return .html(html)
    }

    /// Where a link-down of the block before lands.
    private static func anchor(_ number: Int) -> String {
        "<div><a id=\"td-block-\(number)\" class=\"td-anchor-no-extra-offset\"></a></div>\n"
    }

    static func feature(_ expander: inout ShortcodeExpander, _ shortcode: Shortcode) -> ShortcodeOutput? {
        let args = shortcode.arguments
        let icon = args["icon"] ?? "fa-lightbulb"
        // Docsy adds Font Awesome's solid style unless the icon names a style of its own.
        let iconClass = icon.hasPrefix("fas ") || icon.hasPrefix("fab ") ? icon : "fas " + icon
        var html = "<div class=\"col-lg-4 mb-5 mb-lg-0 text-center\">\n"
        html += "<div class=\"mb-4 h1\">\n  <i class=\"\(HTML.escapeAttribute(iconClass))\" aria-hidden=\"true\"></i>\n</div>\n"
        html += "<h4 class=\"h3\">\(args["title"].map { expander.renderInline($0) } ?? "")</h4>\n"
        html += "<div class=\"mb-0\">\n\(expander.renderInner(shortcode))</div>\n"
        if let url = args["url"] {
            if isSafeLinkURL(url) {
                let text = args["url_text"].map(HTML.escape) ?? "Read more"
                html += "<p><a href=\"\(HTML.escapeAttribute(url))\">\(text)</a></p>\n"
            } else {
                expander.report(shortcode, "blocks/feature: url must be a path or a web address, found '\(url)'")
            }
        }
        html += "</div>\n"
        return .html(html)
    }

    /// An arrow to the next block: the one after the block it is in.
    static func linkDown(_ expander: inout ShortcodeExpander, _ shortcode: Shortcode) -> ShortcodeOutput? {
        guard let parent = expander.parent else {
            expander.report(shortcode, "blocks/link-down belongs inside a block, such as {{< blocks/cover >}}, and points at the block after it")
            return nil
        }
        let target = shortcode.arguments["id"] ?? "td-block-\(parent.ordinal + 1)"
        let color = shortcode.arguments["color"] ?? "blue"
        return .html("<a class=\"btn btn-link text-\(color)\" href=\"#\(HTML.escapeAttribute(target))\" aria-label=\"Read more\">"
            + "<i class=\"fa-solid fa-circle-chevron-down\" style=\"font-size: 400%\"></i></a>")
    }
}
