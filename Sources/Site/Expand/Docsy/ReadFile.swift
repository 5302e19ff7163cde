import Basics
import Diagnostics
import Foundation
import Rendering
import Shortcodes

/// `{{< readfile file="includes/setup.md" >}}`: Docsy's include. A path is taken from the page's
/// folder, or from the site root when it starts with "/" (then from the content folder, as Hugo's
/// `readFile` does). The file's Markdown is rendered in place with its shortcodes expanded (Hugo's
/// `RenderString` does so since 0.100); with `code="true"` it is shown as code in `lang`.
enum ReadFile {
    static func expand(_ expander: inout ShortcodeExpander, _ shortcode: Shortcode) -> ShortcodeOutput? {
        guard let given = shortcode.arguments["file"] ?? shortcode.arguments[0], !given.isEmpty else {
            expander.report(shortcode, "readfile needs the file to include, e.g. {{< readfile file=\"includes/setup.md\" >}}")
            return nil
        }
        let context = expander.context
        let candidates = given.hasPrefix("/")
            ? [context.siteFolder + given, context.contentFolder + given]
            : [(context.page.sourceFile as NSString).deletingLastPathComponent + "/" + given]
        switch SiteFile.locate(candidates, roots: [context.siteFolder, context.contentFolder]) {
        case .outside(let why):
            expander.report(shortcode, "readfile: \(why); readfile reads only files inside the site")
            return nil
        case .missing(let tried):
            let message = "readfile: file '\(given)' not found: looked for \(listed(tried))"
            guard shortcode.arguments["draft"] == "true" else {
                expander.report(shortcode, message)
                return nil
            }
            // Docsy's draft mode: the page says what is missing instead of failing the build.
            expander.report(shortcode, message, .warning)
            return .html("<p style=\"color: #D74848\"><b><i>The file <code>\(HTML.escape(given))</code> was not found.</i></b></p>\n")
        case .found(let path, let real):
            expander.reads(path)
            if expander.including.contains(real) {
                expander.report(shortcode, "readfile: '\(given)' is already being included here: a file that includes itself, "
                    + "directly or through others, would never end")
                return nil
            }
            let text: String
            switch readTextFile(path, limit: Limits.pageFileBytes) {
            case .success(let read): text = read
            case .failure(.notUTF8(let line, let column)):
                expander.report(shortcode, "readfile: \(path):\(line):\(column): \(FileReadError.notUTF8Message)")
                return nil
            case .failure(let problem):
                expander.report(shortcode, "readfile: \(path): \(problem.message)")
                return nil
            }
            if shortcode.arguments["code"] == "true" {
                var code = Substring(text)
                while code.hasSuffix("\n") { code.removeLast() }
                return .html(CodeBlock.html(&expander, shortcode, code: String(code), language: shortcode.arguments["lang"]))
            }
            return .html(expander.renderIncluded(text, file: path, real: real))
        }
    }
}
