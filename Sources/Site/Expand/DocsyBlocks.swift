import Rendering
import Shortcodes

/// Docsy's shortcodes beyond tabs and cards (pageinfo, readfile, iframe, blocks/…), with markup
/// close to Docsy's (v0.16.0) so that a Docsy stylesheet applies. Each is in `Docsy/`.
enum DocsyShortcodes {
    static let all: BuiltinShortcodes.Table = [
        "pageinfo": (PageInfo.expand, .init(named: ["color": .oneOf(ShortcodeParameters.alertColors)]).closed(by: "{{% /pageinfo %}}")),
        "readfile": (ReadFile.expand, .init(named: ["file": .text, "code": .boolean, "lang": .text, "draft": .boolean],
                                            positional: ["the file's path"])),
        "iframe": (IFrame.expand, IFrame.parameters),
        "cardpane": (CardPane.expand, .init(named: [String: ShortcodeParameter.Kind]()).closed(by: "{{< /cardpane >}}")),
        "conditional-text": (ConditionalText.expand, .init(named: ["include-if": .text, "exclude-if": .text])
            .closed(by: "{{% /conditional-text %}}")),
        "imgproc": (ImgProc.expand, ImgProc.parameters),
        "blocks/cover": (Blocks.cover, .init(named: [
            "title": .text, "subtitle": .text, "byline": .text, "color": .oneOf(Blocks.colors), "height": .oneOf(Blocks.heights),
            "image_anchor": .oneOf(Blocks.anchors), "logo_anchor": .oneOf(Blocks.anchors),
        ])),
        "blocks/section": (Blocks.section, .init(named: ["color": .oneOf(Blocks.colors), "height": .oneOf(Blocks.heights),
                                                         "type": .text])),
        "blocks/lead": (Blocks.lead, .init(named: ["color": .oneOf(Blocks.colors), "height": .oneOf(Blocks.heights)])),
        "blocks/feature": (Blocks.feature, .init(named: ["icon": .text, "title": .text, "url": .text, "url_text": .text])),
        "blocks/link-down": (Blocks.linkDown, .init(named: ["color": .oneOf(Blocks.colors), "id": .text])),
    ]
}
