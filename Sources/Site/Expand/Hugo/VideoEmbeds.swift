import Rendering
import Shortcodes

/// Hugo's `youtube` and `vimeo`, made privacy-friendly: the page asks nothing of the video
/// site until the reader clicks. What is written is a plain link to the video's page (no remote
/// thumbnail, no iframe); a small script, once per page, replaces the clicked link with the
/// player, from youtube-nocookie.com or with Vimeo's do-not-track flag, already playing since the
/// click was the request to play. Without JavaScript, or with a modifier key, the link opens the
/// video's page. Hugo's markup (an iframe loaded with the page) is therefore not followed.
enum VideoEmbed {
    static let youtubeParameters = ShortcodeParameters(
        named: ["id": .text, "class": .text, "title": .text, "autoplay": .boolean, "loading": .oneOf(["eager", "lazy"])],
        positional: ["the video's id", "the class"])
    static let vimeoParameters = ShortcodeParameters(named: ["id": .text, "class": .text, "title": .text],
                                                     positional: ["the video's id", "the class", "the title"])

    private struct Service {
        var name: String
        var defaultTitle: String
        var page: (String) -> String
        var player: (String) -> String
    }

    private static let youtube = Service(name: "YouTube", defaultTitle: "YouTube video",
                                         page: { "https://www.youtube.com/watch?v=\($0)" },
                                         player: { "https://www.youtube-nocookie.com/embed/\($0)?autoplay=1" })
    private static let vimeo = Service(name: "Vimeo", defaultTitle: "Vimeo video",
                                       page: { "https://vimeo.com/\($0)" },
                                       player: { "https://player.vimeo.com/video/\($0)?dnt=1&autoplay=1" })

    // `autoplay` and `loading` are checked but change nothing: the player only exists once
    // the reader has clicked, and then it loads at once and plays.
    static func expandYouTube(_ expander: inout ShortcodeExpander, _ shortcode: Shortcode) -> ShortcodeOutput? {
        expand(&expander, shortcode, youtube, title: shortcode.arguments["title"])
    }

    static func expandVimeo(_ expander: inout ShortcodeExpander, _ shortcode: Shortcode) -> ShortcodeOutput? {
        expand(&expander, shortcode, vimeo, title: shortcode.arguments["title"] ?? shortcode.arguments[2])
    }

    private static func expand(_ expander: inout ShortcodeExpander, _ shortcode: Shortcode, _ service: Service,
                               title given: String?) -> ShortcodeOutput? {
        let name = shortcode.name
        guard let id = shortcode.arguments["id"] ?? shortcode.arguments[0], !id.isEmpty else {
            expander.report(shortcode, "\(name) needs the video's id, as in {{< \(name) id=\"…\" >}}")
            return nil
        }
        // The id goes into two URLs; anything but an id's letters would change what they ask for.
        guard id.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_" || $0 == "-") }) else {
            expander.report(shortcode, "\(name): '\(id)' is not a video id: write the id alone (letters, digits, - and _), not the video's address")
            return nil
        }
        let title = given.flatMap { $0.isEmpty ? nil : $0 } ?? service.defaultTitle
        var classes = "video-embed video-" + name
        if let extra = shortcode.arguments["class"] ?? shortcode.arguments[1], !extra.isEmpty { classes += " " + extra }
        var html = "<div class=\"\(HTML.escapeAttribute(classes))\">"
        html += "<a class=\"video-embed-link\" href=\"\(service.page(id))\" data-embed=\"\(HTML.escapeAttribute(service.player(id)))\""
        html += " data-embed-title=\"\(HTML.escapeAttribute(title))\">"
        html += "<span class=\"video-embed-title\">\(HTML.escape(title))</span> "
        html += "<span class=\"video-embed-note\">Play (loads the player from \(service.name))</span></a></div>\n"
        if expander.isFirst("video-embed-script") { html += script }
        return .html(html)
    }

    /// Swaps a clicked placeholder for the player. Left alone for clicks that ask for a new tab
    /// or window, so those open the video's page as the link says.
    static let script = "<script>window.docgenVideoEmbeds||(window.docgenVideoEmbeds=1,document.addEventListener(\"click\",function(e){"
        + "var a=e.target.closest&&e.target.closest(\"a[data-embed]\");"
        + "if(!a||e.button||e.ctrlKey||e.metaKey||e.shiftKey||e.altKey)return;e.preventDefault();"
        + "var f=document.createElement(\"iframe\");f.src=a.getAttribute(\"data-embed\");f.title=a.getAttribute(\"data-embed-title\");"
        + "f.allow=\"autoplay; encrypted-media; picture-in-picture; fullscreen\";f.allowFullscreen=true;"
        + "f.referrerPolicy=\"strict-origin-when-cross-origin\";a.replaceWith(f)}));</script>\n"
}
