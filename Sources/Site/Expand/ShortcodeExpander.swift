import Basics
import Content
import Diagnostics
import Rendering
import Shortcodes

/// What a shortcode produced: HTML is put in after Markdown rendering, Markdown before it.
enum ShortcodeOutput {
    case html(String)
    case markdown(String)
}

/// Expands the shortcodes of one page and renders its Markdown. Holds the page's running state:
/// heading IDs (unique across the page and its alerts), placeholder numbers and diagnostics.
struct ShortcodeExpander {
    let context: ExpansionContext
    /// The text segment ranges point into: the page's body, or a file `readfile` includes.
    private var body: [UInt8]
    private(set) var diagnostics: [Diagnostic] = []
    private(set) var headings: [RenderedHeading] = []
    /// What the page's output was made from besides its own text: the shortcode templates it
    /// used, and the other pages whose values it printed (an `ilink`'s title), as source files.
    private(set) var templatesUsed: Set<String> = []
    private(set) var pagesShown: Set<String> = []
    /// Files the output shows the contents of (`readfile`), as the file watcher names them.
    private(set) var filesRead: Set<String> = []
    /// The Content-Security-Policy the page's layout must declare: a shortcode whose output
    /// must not reach the network (the storage form) asks for one; nil for most pages.
    private(set) var contentSecurityPolicy: String?
    private var ids = HeadingIDGenerator()
    private var alternateIDs = HeadingIDGenerator()
    private var nextToken = 0
    private var widgets = 0
    private var onceKeys: Set<String> = []
    /// The shortcodes being expanded, outermost first, each with its place among its siblings:
    /// Hugo's `.Ordinal` and `.Parent`, which Docsy's blocks number their anchors and colours by.
    private var ancestry: [(name: String, ordinal: Int)] = []
    /// The files `readfile` is including (their real paths), so that one including itself is stopped.
    private(set) var including: [String] = []

    /// Hugo's `.Ordinal` of the shortcode being expanded: how many shortcodes come before it
    /// in its page or parent shortcode.
    var ordinal: Int { ancestry.last?.ordinal ?? 0 }

    /// The shortcode the one being expanded is inside, if any (Hugo's `.Parent`).
    var parent: (name: String, ordinal: Int)? { ancestry.count > 1 ? ancestry[ancestry.count - 2] : nil }

    /// A number unique within the page, for the ids of tabs and similar widgets.
    mutating func nextWidgetNumber() -> Int {
        widgets += 1
        return widgets
    }

    mutating func requireContentSecurityPolicy(_ policy: String) {
        contentSecurityPolicy = policy
    }

    /// True the first time a page asks with `key`: for what a page needs once however many
    /// shortcodes use it (the script behind video placeholders).
    mutating func isFirst(_ key: String) -> Bool {
        onceKeys.insert(key).inserted
    }

    /// The file `body` is from and the line it starts on, for problems found after rendering.
    private var origin: (file: String, line: Int)

    init(context: ExpansionContext, body: String) {
        self.context = context
        self.body = Array(body.utf8)
        origin = (context.page.sourceFile, context.page.bodyLine)
    }

    func text(_ range: Range<Int>) -> String {
        String(decoding: body[range], as: UTF8.self)
    }

    /// Renders segments to HTML. Only the page's own headings go into its table of contents.
    mutating func render(_ segments: [ShortcodeSegment], isPageBody: Bool) -> String {
        var placeholders = Placeholders()
        var markdown = ""
        var siblings = 0
        var pieces = MarkdownPieces()
        for segment in segments {
            switch segment {
            case .text(let range):
                pieces.mark(markdown, .body(range.lowerBound))
                markdown += text(range)
            case .escaped(let literal, _): markdown += literal
            case .shortcode(let shortcode):
                pieces.mark(markdown, .line(shortcode.location.line))
                siblings += 1
                switch expand(shortcode, ordinal: siblings - 1) {
                case .markdown(let text)?: markdown += text
                case .html(let html)?:
                    markdown += placeholders.token(for: html, number: nextToken)
                    nextToken += 1
                case nil: break
                }
            }
        }
        if isPageBody && context.page.isHTML { return placeholders.substitute(into: markdown) }
        let rendered = context.renderer.render(markdown, ids: &ids, alternates: &alternateIDs)
        if let refused = rendered.refused {
            // The page's own text was checked before expansion (`PageRenderer`), so this text
            // was made by shortcodes.
            diagnostics.append(.error(context.page.sourceFile, context.page.bodyLine, 1,
                                      "the Markdown that this page's shortcodes produce was not rendered: \(refused.message)"))
        }
        for problem in rendered.codeProblems {
            let line = pieces.sourceLine(of: problem.line, in: markdown, body: body, firstLine: origin.line)
            diagnostics.append(Diagnostic(problem.severity, at: SourceLocation(file: origin.file, line: line, column: 1), problem.message))
        }
        if isPageBody { headings += rendered.headings }
        return placeholders.substitute(into: rendered.html)
    }

    /// The inner content as Markdown text with nested shortcodes already expanded, for templates
    /// that want the raw inner text (Hugo's `.Inner`).
    mutating func expandedText(_ segments: [ShortcodeSegment]) -> String {
        var out = ""
        var siblings = 0
        for segment in segments {
            switch segment {
            case .text(let range): out += text(range)
            case .escaped(let literal, _): out += literal
            case .shortcode(let shortcode):
                siblings += 1
                switch expand(shortcode, ordinal: siblings - 1) {
                case .markdown(let text)?: out += text
                case .html(let html)?: out += html
                case nil: break
                }
            }
        }
        return out
    }

    /// Renders an inner block of Markdown (an alert's body). Inner content is usually indented
    /// like its shortcode, e.g. inside a list item; the common indent is removed so it does not
    /// turn into a code block.
    mutating func renderInner(_ shortcode: Shortcode) -> String {
        guard let inner = shortcode.inner else { return "" }
        return render(Self.dedent(inner, text: text), isPageBody: false)
    }

    /// The inner text exactly as written, for shortcodes that show it as code.
    func rawInner(_ shortcode: Shortcode) -> String {
        guard let range = shortcode.innerRange else { return "" }
        return text(range)
    }

    /// The blanks before the shortcode's tag when nothing else comes before it on its line: the
    /// indentation Hugo's `InnerDeindent` takes off the inner lines.
    func indentation(of shortcode: Shortcode) -> String {
        let tagStart = shortcode.range.lowerBound
        var start = tagStart
        while start > 0, body[start - 1] == ASCII.space || body[start - 1] == ASCII.tab { start -= 1 }
        guard start == 0 || body[start - 1] == ASCII.newline else { return "" }
        return text(start..<tagStart)
    }

    /// Renders a one-line argument as inline Markdown (Hugo's `markdownify`).
    mutating func renderInline(_ markdown: String) -> String {
        if rendersAsItself(markdown) { return markdown }
        return Self.withoutSoleParagraph(context.renderer.renderArgument(markdown))
    }

    /// The inner content rendered, without the `<p>` around it when it is one paragraph, for
    /// markup that is itself a paragraph (a figure's caption).
    mutating func renderInnerInline(_ shortcode: Shortcode) -> String {
        var html = renderInner(shortcode)
        while html.hasPrefix("\n") { html.removeFirst() }
        return Self.withoutSoleParagraph(html)
    }

    private static func withoutSoleParagraph(_ html: String) -> String {
        // One paragraph: its <p> is the only one.
        if html.hasPrefix("<p>") && html.hasSuffix("</p>\n") && !containsParagraphStart(html.utf8.dropFirst(3)) {
            return String(html.dropFirst(3).dropLast(5))
        }
        return html
    }

    private static func containsParagraphStart(_ bytes: Substring.UTF8View) -> Bool {
        var index = bytes.startIndex
        while let lt = bytes[index...].firstIndex(of: UInt8(ascii: "<")) {
            let rest = bytes[lt...]
            if rest.starts(with: "<p>".utf8) { return true }
            index = bytes.index(after: lt)
        }
        return false
    }

    mutating func reads(_ file: String) {
        filesRead.insert(file)
    }

    /// Records that the output shows values of `page` (see `pagesShown`).
    mutating func shows(_ page: Page) {
        if page.sourceFile != context.page.sourceFile { pagesShown.insert(page.sourceFile) }
    }

    /// A template that reads both `inner` and `innerHTML` expands what is inside twice; the
    /// same message at the same place is said once.
    mutating func report(_ shortcode: Shortcode, _ message: String, _ severity: Diagnostic.Severity = .error) {
        let diagnostic = Diagnostic(severity, at: shortcode.location, message)
        if !diagnostics.contains(diagnostic) { diagnostics.append(diagnostic) }
    }

    /// Renders a whole file's Markdown in place (Docsy's `readfile`), its shortcodes expanded
    /// with the page's heading ids and widget numbers; their problems point into that file.
    mutating func renderIncluded(_ text: String, file: String, real: String) -> String {
        let (document, problems) = parseShortcodes(in: text, file: file)
        diagnostics += problems
        let (pageBody, pageOrigin) = (body, origin)
        body = Array(text.utf8)
        origin = (file, 1)
        including.append(real)
        defer {
            including.removeLast()
            (body, origin) = (pageBody, pageOrigin)
        }
        return render(document.segments, isPageBody: false)
    }

    mutating func expand(_ shortcode: Shortcode, ordinal: Int = 0) -> ShortcodeOutput? {
        ancestry.append((shortcode.name, ordinal))
        defer { ancestry.removeLast() }
        if shortcode.isFaulty { return nil }
        if let builtin = BuiltinShortcodes.all[shortcode.name], !siteReplaces(shortcode.name) {
            for problem in builtin.parameters.problems(of: shortcode) { report(shortcode, problem) }
            if let tag = builtin.parameters.closingTag, shortcode.inner == nil {
                report(shortcode, "\(shortcode.name) needs a closing tag: \(tag)")
                return nil
            }
            return builtin.expand(&self, shortcode)
        }
        let templateName = "shortcodes/" + shortcode.name
        guard context.templates.has(templateName) else {
            let known = Array(BuiltinShortcodes.all.keys)
                + context.templates.names.filter { $0.hasPrefix("shortcodes/") }.map { String($0.dropFirst("shortcodes/".count)) }
            let hint = nearestName(to: shortcode.name, among: known).map { "did you mean '\($0)'? Otherwise " } ?? ""
            report(shortcode, "unknown shortcode '\(shortcode.name)': \(hint)it is not built in and there is no template templates/\(templateName).html")
            return nil
        }
        templatesUsed.insert(templateName)
        var checked = shortcode
        if let parameters = context.declared[shortcode.name] {
            for problem in parameters.problems(of: shortcode) { report(shortcode, problem) }
            checked.arguments = parameters.withDefaults(shortcode.arguments)
        } else {
            for problem in UserShortcode.unreadArguments(of: shortcode, template: templateName, in: context.templates) {
                report(shortcode, problem, .warning)
            }
        }
        return UserShortcode.render(&self, checked, template: templateName)
    }

    /// A site's own template replaces one of Hugo's or Docsy's shortcodes, as a Hugo site's
    /// layouts win over Hugo's and its theme's (CVAT has its own `blocks/feature`); docgen's own
    /// (ilink, alert, …) stay docgen's.
    private func siteReplaces(_ name: String) -> Bool {
        (HugoShortcodes.all[name] != nil || DocsyShortcodes.all[name] != nil) && context.templates.has("shortcodes/" + name)
    }

    /// Removes the indentation shared by the inner lines after the first.
    static func dedent(_ segments: [ShortcodeSegment], text: (Range<Int>) -> String) -> [ShortcodeSegment] {
        // Only text segments carry indentation we can measure; shortcodes inside stay where they are.
        var joined = ""
        for segment in segments { if case .text(let r) = segment { joined += text(r) } else { joined += "x" } }
        guard let indent = smallestIndent(afterFirstLineOf: joined), indent > 0 else { return segments }
        return segments.withIndentRemoved(indent, text: text)
    }
}

/// The fewest leading spaces of the lines after the first that hold more than blanks.
func smallestIndent(afterFirstLineOf text: String) -> Int? {
    guard !text.utf8.contains(UInt8(ascii: "\r")) else {
        // "\r\n" is one Character, so Character lines and byte lines differ; keep the former.
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).dropFirst()
        return lines.filter { !$0.allSatisfy { $0 == " " || $0 == "\t" } }.map { $0.prefix { $0 == " " }.count }.min()
    }
    // Runs for every shortcode with inner content, so on bytes.
    var smallest: Int?
    // `spaces` counts the line's leading spaces (a tab ends them); `blank` is true while the line
    // holds only spaces and tabs.
    var spaces = 0, inPrefix = true, blank = true, firstLine = true
    for byte in text.utf8 {
        if byte == UInt8(ascii: "\n") {
            if !firstLine && !blank { smallest = min(smallest ?? spaces, spaces) }
            firstLine = false
            spaces = 0
            inPrefix = true
            blank = true
            continue
        }
        guard blank else { continue }
        if byte == UInt8(ascii: " ") {
            if inPrefix { spaces += 1 }
        } else {
            inPrefix = false
            if byte != UInt8(ascii: "\t") { blank = false }
        }
    }
    if !firstLine && !blank { smallest = min(smallest ?? spaces, spaces) }
    return smallest
}

private extension Array where Element == ShortcodeSegment {
    /// Text segments become `.escaped` literals holding the dedented text, so the expander reads
    /// them verbatim.
    func withIndentRemoved(_ indent: Int, text: (Range<Int>) -> String) -> [ShortcodeSegment] {
        map { segment in
            guard case .text(let range) = segment else { return segment }
            let lines = text(range).split(separator: "\n", omittingEmptySubsequences: false)
            let trimmed = lines.enumerated().map { n, line -> Substring in
                n == 0 ? line : line.dropFirst(Swift.min(indent, line.prefix { $0 == " " }.count))
            }
            return .escaped(literal: trimmed.joined(separator: "\n"), range: range)
        }
    }
}
