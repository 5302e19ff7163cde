import CCmarkGFM
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
}

/// Renders GitHub-flavoured Markdown with cmark-gfm and gives every heading a Hugo-compatible ID.
public struct MarkdownRenderer: Sendable {
    public var rules: HeadingIDRules

    public init(rules: HeadingIDRules = .hugo0110) {
        self.rules = rules
    }

    private static let registerExtensions: Void = { cmark_gfm_core_extensions_ensure_registered() }()
    private static let extensionNames = ["table", "strikethrough", "autolink", "tasklist"]
    // Raw HTML passes through: real docs embed iframes and `<a name>` anchors.
    private static let options = CMARK_OPT_UNSAFE | CMARK_OPT_FOOTNOTES

    /// `ids` is shared by all Markdown of one page, so headings in an alert's body and in the
    /// page proper never get the same ID.
    public func render(_ markdown: String, ids: inout HeadingIDGenerator) -> RenderedMarkdown {
        var alternates = HeadingIDGenerator()
        return render(markdown, ids: &ids, alternates: &alternates)
    }

    /// `alternates` numbers the same headings under the other rule set.
    public func render(_ markdown: String, ids: inout HeadingIDGenerator, alternates: inout HeadingIDGenerator) -> RenderedMarkdown {
        _ = Self.registerExtensions
        guard let parser = cmark_parser_new(Self.options) else { return RenderedMarkdown(html: "", headings: []) }
        defer { cmark_parser_free(parser) }
        for name in Self.extensionNames {
            if let ext = cmark_find_syntax_extension(name) { cmark_parser_attach_syntax_extension(parser, ext) }
        }
        var source = markdown
        source.withUTF8 { bytes in
            bytes.withMemoryRebound(to: CChar.self) { cmark_parser_feed(parser, $0.baseAddress, $0.count) }
        }
        guard let document = cmark_parser_finish(parser) else { return RenderedMarkdown(html: "", headings: []) }
        defer { cmark_node_free(document) }
        let extensions = cmark_parser_get_syntax_extensions(parser)

        var headings: [RenderedHeading] = []
        let nodes = Self.headingNodes(in: document)
        if !nodes.isEmpty {
            let lines = SourceLines(source)
            for node in nodes {
                headings.append(replaceHeading(node, lines: lines, ids: &ids, alternates: &alternates, extensions: extensions))
            }
        }
        let html = Self.take(cmark_render_html(document, Self.options, extensions))
        return RenderedMarkdown(html: html, headings: headings)
    }

    /// Headings are blocks, so only blocks are visited: the inline nodes under paragraphs, most
    /// of a document's nodes, are skipped. Document order, as the IDs are numbered in it.
    private static func headingNodes(in document: OpaquePointer) -> [OpaquePointer] {
        var result: [OpaquePointer] = []
        func visit(_ parent: OpaquePointer) {
            var child = cmark_node_first_child(parent)
            while let node = child {
                let type = cmark_node_get_type(node)
                if type.rawValue & inlineMask == inlineMask { return }  // a leaf block's text
                if type == CMARK_NODE_HEADING {
                    result.append(node)
                } else if type != CMARK_NODE_PARAGRAPH {
                    visit(node)
                }
                child = cmark_node_next(node)
            }
        }
        visit(document)
        return result
    }

    /// `CMARK_NODE_TYPE_MASK` and `CMARK_NODE_TYPE_INLINE`: the type bits every inline node has.
    private static let inlineMask: UInt32 = 0xC000

    /// Swaps a heading node for an HTML block holding the same heading with its `id`, because
    /// cmark-gfm's HTML renderer has no way to add attributes.
    private func replaceHeading(_ node: OpaquePointer, lines: SourceLines, ids: inout HeadingIDGenerator,
                                alternates: inout HeadingIDGenerator, extensions: UnsafeMutablePointer<cmark_llist>?) -> RenderedHeading {
        let level = Int(cmark_node_get_heading_level(node))
        let explicitID = HeadingAttributes.takeExplicitID(from: node)
        // After the `{#id}` is taken out: it is not part of the text.
        let text = HeadingSource.renderedText(of: node)
        let id: String, alternateID: String
        if let explicitID {
            ids.reserve(explicitID)
            alternates.reserve(explicitID)
            (id, alternateID) = (explicitID, explicitID)
        } else {
            let raw = HeadingSource.rawText(of: node, lines: lines)
            switch rules {
            case .hugo0110: (id, alternateID) = (ids.next(for: raw), alternates.next(for: text))
            case .hugoCurrent: (id, alternateID) = (ids.next(for: text), alternates.next(for: raw))
            }
        }
        let rendered = Self.take(cmark_render_html(node, Self.options, extensions))
        // cmark renders "<hN>inner</hN>\n"; keep the inner part.
        let inner = rendered.dropFirst(4).dropLast(6)
        let html = "<h\(level) id=\"\(HTML.escapeAttribute(id))\">\(inner)</h\(level)>\n"
        if let block = cmark_node_new(CMARK_NODE_HTML_BLOCK) {
            _ = cmark_node_set_literal(block, html)
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
