import CCmarkGFM
import Diagnostics
import Foundation
import Highlight
#if canImport(Glibc)
import Glibc
#else
import Darwin
#endif

/// A heading as it appears in the rendered page, for the table of contents.
public struct RenderedHeading: Sendable, Equatable {
    public var level: Int
    public var id: String
    /// The heading's text without markup, for the table of contents.
    public var text: String
    /// The id the heading would get under the other rule set, to warn about links that change.
    public var alternateID: String

    public init(level: Int, id: String, text: String, alternateID: String? = nil) {
        self.level = level
        self.id = id
        self.text = text
        self.alternateID = alternateID ?? id
    }
}

public struct RenderedMarkdown: Sendable {
    public var html: String
    public var headings: [RenderedHeading]
    /// Set when the text was not rendered because it is past one of `MarkdownLimits`.
    public var refused: MarkdownLimits.Violation?
    /// Fenced code blocks that were not highlighted as asked: options that do not fit, and code
    /// that highlighting gave up on (shown as plain text), at the fence's line in the text.
    public var codeProblems: [CodeProblem] = []

    public init(html: String, headings: [RenderedHeading], refused: MarkdownLimits.Violation? = nil) {
        self.html = html
        self.headings = headings
        self.refused = refused
    }
}

/// A fence whose options did not fit (an error, as with the `highlight` shortcode), or whose
/// code is shown plain because highlighting stopped at a limit (a warning).
public struct CodeProblem: Sendable, Equatable {
    public var severity: Diagnostic.Severity
    /// 1-based, within the Markdown rendered: the line of the opening fence.
    public var line: Int
    public var message: String

    public init(severity: Diagnostic.Severity, line: Int, message: String) {
        (self.severity, self.line, self.message) = (severity, line, message)
    }
}

/// Renders GitHub-flavoured Markdown with cmark-gfm and gives every heading a Hugo-compatible ID.
public struct MarkdownRenderer: Sendable {
    public var rules: HeadingIDRules
    public var settings: MarkupSettings
    public var highlighter = Highlighter()

    public init(rules: HeadingIDRules = .hugo0110, settings: MarkupSettings = MarkupSettings()) {
        self.rules = rules
        self.settings = settings
    }

    /// Code as a block of HTML, highlighted unless the site turned highlighting off: for fences
    /// and for the shortcodes that show code, so all code looks alike.
    public func codeBlock(_ code: String, language: String, options: HighlightOptions = HighlightOptions()) -> (html: String, failure: HighlightFailure?)? {
        settings.highlight ? CodeBlockHTML.html(code: code, language: language, options: options, highlighter: highlighter) : nil
    }

    /// The GFM extensions, made ready once for parsing on many threads.
    ///
    /// cmark-gfm marks the characters an inline extension starts on (`:` and `w` for autolinks,
    /// `~`) in a global table at the start of each parse and unmarks them at its end
    /// (github/cmark-gfm#221): a page that finished parsing on one thread unmarked them under a
    /// page still parsing on another, whose bare links and `~~text~~` then stayed plain text.
    /// Autolink's characters are marked once here and taken off the extension, so no parse
    /// unmarks them. Strikethrough needs its list (cmark finds the extension by it when it closes
    /// a `~~`), so it is only attached to text that has a `~`, and those parses finish one at a
    /// time.
    private struct Extensions: @unchecked Sendable {
        var table, strikethrough, autolink, tasklist: OpaquePointer?
    }

    private static let gfm: Extensions = {
        cmark_gfm_core_extensions_ensure_registered()
        let gfm = Extensions(table: cmark_find_syntax_extension("table"),
                             strikethrough: cmark_find_syntax_extension("strikethrough"),
                             autolink: cmark_find_syntax_extension("autolink"),
                             tasklist: cmark_find_syntax_extension("tasklist"))
        if let autolink = gfm.autolink, let parser = cmark_parser_new(options) {
            cmark_parser_attach_syntax_extension(parser, autolink)
            cmark_manage_extensions_special_characters(parser, 1)
            cmark_parser_free(parser)
            cmark_syntax_extension_set_special_inline_chars(autolink, nil)
        }
        return gfm
    }()

    private static let strikethroughLock = NSLock()

    // Raw HTML passes through: real docs embed iframes and `<a name>` anchors.
    private static let options = CMARK_OPT_UNSAFE | CMARK_OPT_FOOTNOTES

    /// `ids` is shared by all Markdown of one page, so headings in an alert's body and in the
    /// page proper never get the same ID.
    public func render(_ markdown: String, ids: inout HeadingIDGenerator) -> RenderedMarkdown {
        var alternates = HeadingIDGenerator()
        return render(markdown, ids: &ids, alternates: &alternates)
    }

    /// Text from a shortcode argument or front matter, rendered as Markdown without raw HTML:
    /// `<` is shown as written, and links to `javascript:` and other unsafe URLs are dropped
    /// (cmark-gfm's safe mode), so a value cannot add tags, attributes or scripts to the page.
    public func renderArgument(_ markdown: String) -> String {
        let escaped = markdown.utf8.contains(UInt8(ascii: "<")) ? markdown.replacingOccurrences(of: "<", with: "&lt;") : markdown
        var ids = HeadingIDGenerator(), alternates = HeadingIDGenerator()
        return render(escaped, ids: &ids, alternates: &alternates, options: Self.safeOptions).html
    }

    private static let safeOptions = CMARK_OPT_FOOTNOTES

    /// `alternates` numbers the same headings under the other rule set.
    public func render(_ markdown: String, ids: inout HeadingIDGenerator, alternates: inout HeadingIDGenerator) -> RenderedMarkdown {
        // cmark-gfm's safe mode is goldmark's `unsafe = false`: raw HTML becomes
        // `<!-- raw HTML omitted -->` and links to `javascript:` and the like get an empty href.
        let options = (settings.rawHTML ? Self.options : Self.safeOptions) | (settings.typographer ? CMARK_OPT_SMART : 0)
        return render(markdown, ids: &ids, alternates: &alternates, options: options)
    }

    private func render(_ markdown: String, ids: inout HeadingIDGenerator, alternates: inout HeadingIDGenerator, options: Int32) -> RenderedMarkdown {
        if let violation = MarkdownLimits.firstViolation(in: markdown) {
            return RenderedMarkdown(html: "", headings: [], refused: violation)
        }
        let gfm = Self.gfm
        guard let parser = cmark_parser_new(options) else { return RenderedMarkdown(html: "", headings: []) }
        defer { cmark_parser_free(parser) }
        var source = markdown
        let strikethrough = source.withUTF8 { $0.contains(UInt8(ascii: "~")) } ? gfm.strikethrough : nil
        for ext in [gfm.table, strikethrough, gfm.autolink, gfm.tasklist] {
            if let ext { cmark_parser_attach_syntax_extension(parser, ext) }
        }
        source.withUTF8 { bytes in
            bytes.withMemoryRebound(to: CChar.self) { cmark_parser_feed(parser, $0.baseAddress, $0.count) }
        }
        let finished = strikethrough == nil ? cmark_parser_finish(parser) : Self.strikethroughLock.withLock { cmark_parser_finish(parser) }
        guard let document = finished else { return RenderedMarkdown(html: "", headings: []) }
        defer { cmark_node_free(document) }
        let extensions = cmark_parser_get_syntax_extensions(parser)

        let safe = options & CMARK_OPT_UNSAFE == 0
        let (nodes, htmlBlocks, codeBlocks) = Self.blocks(in: document, htmlBlocks: safe, codeBlocks: settings.highlight)
        OmittedHTML.splitClosingLines(htmlBlocks)
        var codeProblems: [CodeProblem] = []
        for node in codeBlocks { codeProblems += replaceCodeBlock(node) }
        var headings: [RenderedHeading] = []
        if !nodes.isEmpty {
            let lines = SourceLines(source)
            for node in nodes {
                headings.append(replaceHeading(node, lines: lines, ids: &ids, alternates: &alternates,
                                               options: options, extensions: extensions))
            }
        }
        let html = Self.take(cmark_render_html(document, options, extensions))
        var rendered = RenderedMarkdown(html: html, headings: headings)
        rendered.codeProblems = codeProblems
        return rendered
    }

    /// The headings, and the HTML blocks and fenced code blocks when asked, in document order, as
    /// the IDs are numbered in it. They are blocks, so only blocks are visited: the inline nodes
    /// under paragraphs, most of a document's nodes, are skipped.
    private static func blocks(in document: OpaquePointer, htmlBlocks: Bool, codeBlocks: Bool)
        -> (headings: [OpaquePointer], html: [OpaquePointer], code: [OpaquePointer]) {
        var headings: [OpaquePointer] = [], html: [OpaquePointer] = [], code: [OpaquePointer] = []
        // A stack of the next sibling to visit at each open level, not recursion: lists can
        // nest thousands deep through indentation.
        var pending: [OpaquePointer] = []
        var child = cmark_node_first_child(document)
        while true {
            guard let node = child else {
                guard let next = pending.popLast() else { break }
                child = next
                continue
            }
            child = cmark_node_next(node)
            let type = cmark_node_get_type(node)
            if type.rawValue & inlineMask == inlineMask {  // a leaf block's text
                child = nil
                continue
            }
            if type == CMARK_NODE_HEADING {
                headings.append(node)
            } else if type == CMARK_NODE_HTML_BLOCK {
                if htmlBlocks { html.append(node) }
            } else if type == CMARK_NODE_CODE_BLOCK {
                var length: Int32 = 0, offset: Int32 = 0, character: CChar = 0
                if codeBlocks && cmark_node_get_fenced(node, &length, &offset, &character) != 0 { code.append(node) }
            } else if type != CMARK_NODE_PARAGRAPH, let first = cmark_node_first_child(node) {
                if let next = child { pending.append(next) }
                child = first
            }
        }
        return (headings, html, code)
    }

    /// Swaps a fenced code block for a custom block holding it highlighted, as `replaceHeading`
    /// does for headings. The info string is Hugo's: the language, then options in braces
    /// (` ```bash {linenos=true hl_lines=[2,3]} `).
    private func replaceCodeBlock(_ node: OpaquePointer) -> [CodeProblem] {
        let info = cmark_node_get_fence_info(node).map { String(cString: $0) } ?? ""
        let language = String(info.prefix { $0 != " " && $0 != "\t" && $0 != "{" })
        var options = HighlightOptions(), problems: [String] = []
        if let open = info.firstIndex(of: "{") {
            let inside = info[info.index(after: open)...].prefix { $0 != "}" }
            (options, problems) = HighlightOptions.parseFence(String(inside))
        }
        let code = cmark_node_get_literal(node).map { String(cString: $0) } ?? ""
        guard let (html, failure) = codeBlock(code, language: language, options: options) else { return [] }
        let line = Int(cmark_node_get_start_line(node))
        if let block = cmark_node_new(CMARK_NODE_CUSTOM_BLOCK) {
            _ = cmark_node_set_on_enter(block, html)
            _ = cmark_node_insert_before(node, block)
            cmark_node_free(node)
        }
        return problems.map { CodeProblem(severity: .error, line: line, message: $0) }
            + (failure.map { [CodeProblem(severity: .warning, line: line, message: "\(language) code: \($0.message)")] } ?? [])
    }

    /// `CMARK_NODE_TYPE_MASK` and `CMARK_NODE_TYPE_INLINE`: the type bits every inline node has.
    private static let inlineMask: UInt32 = 0xC000

    /// Swaps a heading node for a custom block holding the same heading with its `id`, because
    /// cmark-gfm's HTML renderer has no way to add attributes. A custom block, not an HTML block:
    /// cmark prints it in safe mode too, where it leaves HTML blocks out.
    private func replaceHeading(_ node: OpaquePointer, lines: SourceLines, ids: inout HeadingIDGenerator,
                                alternates: inout HeadingIDGenerator, options: Int32,
                                extensions: UnsafeMutablePointer<cmark_llist>?) -> RenderedHeading {
        let level = Int(cmark_node_get_heading_level(node))
        let source = HeadingSource.rawText(of: node, lines: lines)
        // Without goldmark's attribute parser, `{#id}` is text like any other.
        let attributes = settings.headingAttributes ? HeadingAttributes.parse(source).flatMap { HeadingAttributes.cut(from: node) ? $0 : nil } : nil
        let raw = attributes.map { String($0.rawText) } ?? source
        // After the attribute block is taken out: it is not part of the text.
        let text = HeadingSource.renderedText(of: node)
        let id: String, alternateID: String
        if let explicitID = attributes?.id {
            ids.reserve(explicitID)
            alternates.reserve(explicitID)
            (id, alternateID) = (explicitID, explicitID)
        } else if settings.autoHeadingID {
            let type = settings.headingIDType
            switch rules {
            case .hugo0110: (id, alternateID) = (ids.next(for: raw, type: type), alternates.next(for: text, type: type))
            case .hugoCurrent: (id, alternateID) = (ids.next(for: text, type: type), alternates.next(for: raw, type: type))
            }
        } else if attributes == nil || attributes!.list.isEmpty {
            // No id to add, so cmark's own `<hN>` stays. Hugo lists the heading in the table of
            // contents all the same, linked to `#`: an empty id gives that link.
            return RenderedHeading(level: level, id: "", text: text)
        } else {
            (id, alternateID) = ("", "")
        }
        let rendered = Self.take(cmark_render_html(node, options, extensions))
        // cmark renders "<hN>inner</hN>\n"; keep the inner part.
        let inner = rendered.dropFirst(4).dropLast(6)
        let opening = attributes.map { $0.html(generatedID: id.isEmpty ? nil : id) } ?? " id=\"\(HTML.escapeAttribute(id))\""
        let html = "<h\(level)\(opening)>\(inner)</h\(level)>\n"
        if let block = cmark_node_new(CMARK_NODE_CUSTOM_BLOCK) {
            _ = cmark_node_set_on_enter(block, html)
            _ = cmark_node_insert_before(node, block)
            cmark_node_free(node)
        }
        return RenderedHeading(level: level, id: id, text: text, alternateID: alternateID)
    }

    static func take(_ pointer: UnsafeMutablePointer<CChar>?) -> String {
        guard let pointer else { return "" }
        defer { free(pointer) }
        return String(cString: pointer)
    }
}
