import Foundation
import Rendering
import Shortcodes

/// `{{< imgproc spruce Fill "400x450" >}}Caption{{< /imgproc >}}`: an image of the page's bundle
/// in Docsy's captioned figure. docgen does not process images, so it is shown as it is, with a
/// warning at each use, rather than as a copy of another size.
enum ImgProc {
    static let commands = ["Fit", "Fill", "Resize", "Crop"]
    static let parameters = ShortcodeParameters(named: [String: ShortcodeParameter](), positional: [
        ShortcodeParameter(required: true, about: "the image's name"),
        ShortcodeParameter(kind: .oneOf(commands), required: true, about: "command"),
        ShortcodeParameter(required: true, about: "the size, such as \"300x200\""),
    ])

    static func expand(_ expander: inout ShortcodeExpander, _ shortcode: Shortcode) -> ShortcodeOutput? {
        let args = shortcode.arguments
        guard let name = args[0], let command = args[1], let size = args[2], commands.contains(command) else {
            return nil  // reported by the declaration
        }
        let context = expander.context
        guard let image = PageResources.match(name, page: context.page, in: context.tree) else {
            if let (folder, _) = PageResources.bundle(of: context.page) {
                expander.report(shortcode, "imgproc: no file matching '\(name)' in the page's bundle \(folder)/")
            } else {
                expander.report(shortcode, "imgproc: '\(name)' must be a file of the page's bundle, and this page has none: "
                    + "imgproc finds images beside a page's index.md, so move the page into a folder of its own as index.md")
            }
            return nil
        }
        let file = (image.source as NSString).lastPathComponent
        expander.report(shortcode, "imgproc: docgen does not resize images, so \(file) is shown at full size, "
            + "not as \(command) \"\(size)\": make the file itself the size you want", .warning)
        var html = "<figure class=\"card rounded p-2 td-post-card mb-4 mt-4\">\n"
        html += "<img class=\"card-img-top\" src=\"\(HTML.escapeAttribute(context.link(to: image.destination)))\">\n"
        var caption = shortcode.inner == nil ? "" : expander.renderInnerInline(shortcode)
        while caption.hasSuffix("\n") { caption.removeLast() }
        if !caption.allSatisfy(\.isWhitespace) {
            html += "<figcaption class=\"card-body px-0 pt-2 pb-0\">\n<p class=\"card-text\">\n\(caption)\n</p>\n</figcaption>\n"
        }
        html += "</figure>\n"
        return .html(html)
    }
}
