import Diagnostics

/// The front matter keys docgen understands; every other key is kept in `params`.
public struct FrontMatter: Sendable {
    public var title: String?
    public var linkTitle: String?
    public var weight: Int = 0
    public var description: String?
    public var aliases: [String] = []
    public var draft = false
    public var date: String?
    public var slug: String?
    public var url: String?
    /// When the page may first be published (`publishDate`, `pubdate` or `published`); without
    /// one, `date` is, as in Hugo.
    public var publishDate: String?
    /// When the page stops being published (`expiryDate` or `unpublishdate`).
    public var expiryDate: String?
    /// Hugo's content type, which chooses the template folder; by default the top-level section.
    public var type: String?
    /// The template to use instead of `single` or `list`.
    public var layout: String?
    public var build = BuildOptions()
    public var menus: [PageMenuEntry] = []
    /// Line and column of each known key's value and of each alias, so that problems found later
    /// (two pages with one URL, an alias outside the site) point at the line to fix.
    public var positions: [String: (line: Int, column: Int)] = [:]
    public var aliasPositions: [(line: Int, column: Int)] = []
    /// Every key not listed above, in source order, for templates (`page.params.KEY`).
    public var params: [(key: String, value: YAMLNode)] = []

    public init() {}
}

/// A page file split into its front matter and its Markdown body.
public struct SplitPage: Sendable {
    public var frontMatter: FrontMatter
    public var body: Substring
    /// 1-based line of the file on which the body starts.
    public var bodyLine: Int
}

public enum FrontMatterParser {
    /// Splits `---` YAML front matter from the body and reads it. All problems are returned;
    /// the page is still usable (with defaults) when some keys are wrong.
    public static func split(_ text: String, file: String) -> (SplitPage, [Diagnostic]) {
        // Lines are found as bytes: "\r\n" is one Character, so a Character search for "\n"
        // would not end the lines of a file saved on Windows.
        let bom: [UInt8] = [0xEF, 0xBB, 0xBF]
        let content = text.utf8.starts(with: bom) ? text[text.utf8.index(text.startIndex, offsetBy: 3)...] : text[...]
        let utf8 = content.utf8
        func lineEnd(from start: String.Index) -> String.Index {
            utf8[start...].firstIndex(of: UInt8(ascii: "\n")) ?? utf8.endIndex
        }
        /// The line's text without trailing spaces, tabs and "\r".
        func lineText(_ start: String.Index, _ end: String.Index) -> Substring.UTF8View {
            var end = end
            while end > start {
                let before = utf8.index(before: end)
                let byte = utf8[before]
                guard byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\r") else { break }
                end = before
            }
            return content[start..<end].utf8
        }
        let firstLineEnd = lineEnd(from: content.startIndex)
        let opening = lineText(content.startIndex, firstLineEnd)
        // YAML between `---` lines, or TOML between `+++` lines, as Hugo reads them.
        let isYAML = opening.elementsEqual("---".utf8), isTOML = opening.elementsEqual("+++".utf8)
        guard isYAML || isTOML else {
            return (SplitPage(frontMatter: FrontMatter(), body: content, bodyLine: 1), [])
        }
        let marker = isTOML ? "+++" : "---"
        let unclosed = Diagnostic.error(file, 1, 1, "front matter is not closed: add a line with '\(marker)' after it")
        guard firstLineEnd < content.endIndex else {
            return (SplitPage(frontMatter: FrontMatter(), body: "", bodyLine: 2), [unclosed])
        }

        var line = 2
        let frontMatterStart = utf8.index(after: firstLineEnd)
        var lineStart = frontMatterStart
        while lineStart < content.endIndex {
            let end = lineEnd(from: lineStart)
            let text = lineText(lineStart, end)
            if text.elementsEqual(marker.utf8) || (!isTOML && text.elementsEqual("...".utf8)) {
                let source = String(content[frontMatterStart..<lineStart])
                let bodyStart = end < content.endIndex ? utf8.index(after: end) : end
                let (frontMatter, diagnostics) = read(source, file: file, toml: isTOML)
                return (SplitPage(frontMatter: frontMatter, body: content[bodyStart...], bodyLine: line + 1), diagnostics)
            }
            line += 1
            lineStart = end < content.endIndex ? utf8.index(after: end) : end
        }
        return (SplitPage(frontMatter: FrontMatter(), body: "", bodyLine: line), [unclosed])
    }

    static func read(_ source: String, file: String, toml: Bool = false) -> (FrontMatter, [Diagnostic]) {
        let parse = { (text: String) in
            toml ? TOMLReader.read(text, file: file, lineOffset: 1) : YAMLReader.read(text, file: file, lineOffset: 1)
        }
        switch parse(source) {
        case .failure(var diagnostic):
            diagnostic.message = "front matter: " + diagnostic.message
            // The other keys still deserve their checks in this run: read the front matter again
            // without the lines that do not parse, and keep what that finds besides the syntax error.
            guard let recovered = SyntaxRecovery.parseWithoutBrokenLines(source, firstError: diagnostic, parse: parse) else {
                return (FrontMatter(), [diagnostic])
            }
            let (frontMatter, problems) = read(recovered, file: file)
            return (frontMatter, [diagnostic] + problems)
        case .success(nil): return (FrontMatter(), [])
        case .success(let node?): return read(node, file: file)
        }
    }

    private static func read(_ root: YAMLNode, file: String) -> (FrontMatter, [Diagnostic]) {
        var frontMatter = FrontMatter()
        guard let pairs = root.mapping else {
            return (frontMatter, [.error(file, root.line, root.column, "front matter must be a mapping of keys to values")])
        }

        var diagnostics: [Diagnostic] = []
        func text(_ node: YAMLNode, _ key: String) -> String? {
            if node.isNull { return nil }
            if let s = node.string { return s }
            diagnostics.append(.error(file, node.line, node.column, "front matter: '\(key)' must be text, found \(node.sequence != nil ? "a list" : "a mapping"): write it on one line, as in \(key): Some text"))
            return nil
        }
        for (keyNode, value) in pairs {
            guard let key = keyNode.string else {
                diagnostics.append(.error(file, keyNode.line, keyNode.column, "front matter: keys must be text"))
                continue
            }
            // Hugo matches front matter keys without regard to case ("Title", "linktitle").
            let known = Self.knownKeys[key.lowercased()]
            if let known { frontMatter.positions[known] = (value.line, value.column) }
            switch known ?? key {
            case "title": frontMatter.title = text(value, key)
            case "linkTitle": frontMatter.linkTitle = text(value, key)
            case "description": frontMatter.description = text(value, key)
            case "date", "publishDate", "expiryDate":
                guard let date = text(value, key) else { break }
                guard FrontMatterDate.isValid(date) else {
                    diagnostics.append(.error(file, value.line, value.column, "front matter: '\(key)' \(date) \(FrontMatterDate.problem)"))
                    break
                }
                switch known {
                case "date": frontMatter.date = date
                case "publishDate": frontMatter.publishDate = date
                default: frontMatter.expiryDate = date
                }
            case "type": frontMatter.type = text(value, key)
            case "layout": frontMatter.layout = text(value, key)
            case "headless":
                if value.isNull { break }
                guard let headless = value.bool else {
                    diagnostics.append(.error(file, value.line, value.column, "front matter: 'headless' must be true or false"))
                    break
                }
                if headless { frontMatter.build = .headless }
            case "build":
                if value.isNull { break }
                let (options, problems) = BuildOptions.read(value, key: key, file: file)
                frontMatter.build = options
                diagnostics += problems
            case "menu":
                let (entries, problems) = PageMenuEntry.read(value, key: key, file: file)
                frontMatter.menus += entries
                diagnostics += problems
            case "slug": frontMatter.slug = text(value, key)
            case "url": frontMatter.url = text(value, key)
            case "weight":
                if value.isNull { break }
                if let weight = value.int {
                    frontMatter.weight = weight
                } else if let number = value.string.flatMap(Double.init), number.isFinite {
                    // Hugo reads weights as integers and cuts fractions off without a word; say so.
                    frontMatter.weight = Int(number)
                    diagnostics.append(Diagnostic(.warning, at: SourceLocation(file: file, line: value.line, column: value.column),
                        "front matter: 'weight' \(value.string!) is not a whole number; it counts as \(Int(number)), as in Hugo"))
                } else {
                    diagnostics.append(.error(file, value.line, value.column,
                                              "front matter: 'weight' must be a whole number, found '\(value.string ?? "a list or mapping")'"))
                }
            case "draft":
                if value.isNull { break }
                if let draft = value.bool { frontMatter.draft = draft } else {
                    diagnostics.append(.error(file, value.line, value.column, "front matter: 'draft' must be true or false"))
                }
            case "aliases":
                if value.isNull { break }
                if let items = value.sequence {
                    for item in items {
                        if let alias = item.string {
                            frontMatter.aliases.append(alias)
                            frontMatter.aliasPositions.append((item.line, item.column))
                        } else {
                            diagnostics.append(.error(file, item.line, item.column, "front matter: each alias must be a path"))
                        }
                    }
                } else if let alias = value.string {
                    frontMatter.aliases.append(alias)
                    frontMatter.aliasPositions.append((value.line, value.column))
                } else {
                    diagnostics.append(.error(file, value.line, value.column, "front matter: 'aliases' must be a list of paths"))
                }
            default:
                frontMatter.params.append((key, value))
            }
        }
        return (frontMatter, diagnostics)
    }
}

extension FrontMatterParser {
    /// Each key Hugo reads by that name or an older one, lower-cased, to the one name docgen uses.
    static let knownKeys: [String: String] = Dictionary(uniqueKeysWithValues:
        ["title", "linkTitle", "description", "date", "slug", "url", "weight", "draft", "aliases", "publishDate",
         "expiryDate", "type", "layout", "headless", "build", "menu"].map { ($0.lowercased(), $0) })
        .merging(["pubdate": "publishDate", "published": "publishDate", "unpublishdate": "expiryDate",
                  "_build": "build", "menus": "menu"]) { first, _ in first }
}
