import Basics
import Diagnostics
import Foundation
import Mustache

/// The Mustache templates of a site: its own `templates/` folder over docgen's defaults. A
/// template is named by its path without `.html` ("single", "partials/nav", "shortcodes/note").
public struct TemplateSet: Sendable {
    private var library: MustacheLibrary
    public private(set) var names: Set<String>
    /// Each template's text, to tell which values it can read (see `mayRead`).
    private var texts: [String: String] = [:]
    /// Each template's file, for errors found after loading.
    private var files: [String: String] = [:]
    /// The templates each one includes (`{{> partial}}`, `{{< parent}}`), for `files(reachedFrom:)`.
    private var includes: [String: [String]] = [:]

    public init() {
        library = MustacheLibrary()
        names = []
    }

    /// Loads every `*.html` under the folders in order, later folders overriding earlier ones;
    /// files under `static/` are assets, not templates. A template that does not parse is reported
    /// at its line and column, and the others are still loaded.
    public static func load(defaults: [String: String] = [:], from folders: [String]) -> (TemplateSet, [Diagnostic]) {
        var set = TemplateSet()
        var diagnostics: [Diagnostic] = []
        for (path, text) in defaults.sorted(by: { $0.key < $1.key }) where path.hasSuffix(".html") && !path.hasPrefix("static/") {
            if let problem = set.register(text, named: String(path.dropLast(".html".count)), file: "(built-in) templates/" + path) {
                diagnostics.append(problem)
            }
        }
        for folder in folders {
            // A theme's `static/` folder beside its templates holds files to copy, not templates.
            let files = FolderWalk(allowedRoots: [folder]).files(under: folder).files
                .filter { $0.hasSuffix(".html") && !$0.hasPrefix("static/") }
            for path in files {
                let file = folder + "/" + path
                guard case .success(let text) = readTextFile(file, limit: Limits.pageFileBytes) else {
                    diagnostics.append(.error(file, "cannot read template"))
                    continue
                }
                let name = String(path.dropLast(".html".count))
                if let problem = set.register(text, named: name, file: file) { diagnostics.append(problem) }
            }
        }
        let (problems, looping) = TemplateInclusions.problems(texts: set.texts, files: set.files)
        diagnostics += problems.sortedByLocation()
        // The build goes on to find every other problem, so a template on a loop is replaced by
        // an empty one: it must never be rendered.
        for name in looping {
            if let empty = try? MustacheTemplate(string: "") { set.library.register(empty, named: name) }
        }
        return (set, diagnostics)
    }

    /// Adds one template; returns the parse error, positioned in `file`, if it does not parse.
    public mutating func register(_ text: String, named name: String, file: String) -> Diagnostic? {
        do {
            // Every template starts in docgen's HTML content type (see `FastHTMLEscaping`); the
            // pragma stands on a line of its own, which Mustache removes from the output.
            library.register(try MustacheTemplate(string: FastHTMLEscaping.pragma + "\n" + text), named: name)
            names.insert(name)
            texts[name] = text
            files[name] = file
            includes[name] = TemplateInclusions.scan(text).inclusions.map(\.target)
            return nil
        } catch let error as MustacheTemplate.ParserError {
            // Found at the end of the file; the tag left open is where the fix goes.
            if case .expectedSectionEnd = error.error as? MustacheTemplate.Error, let open = TemplateInclusions.unclosedSection(in: text) {
                return .error(file, open.line, open.column, "the section \(open.tag) is never closed: add {{/\(open.name)}} where it should end "
                    + "(Mustache: \(error.error))")
            }
            if case .sectionCloseNameIncorrect = error.error as? MustacheTemplate.Error, let close = TemplateInclusions.mismatchedClose(in: text) {
                return .error(file, close.line, close.column, "\(close.tag) does not close the section open here, \(close.opened): "
                    + "a closing tag repeats the name of the section it ends (Mustache: \(error.error))")
            }
            return .error(file, error.context.lineNumber - 1, error.context.columnNumber + 1,
                          TemplateMessages.explain(error.error))
        } catch {
            return .error(file, "template does not parse: \(error)")
        }
    }

    public func has(_ name: String) -> Bool { names.contains(name) }

    /// The text of template `name` as written, and the file it came from.
    public func source(of name: String) -> (text: String, file: String)? {
        guard let text = texts[name], let file = files[name] else { return nil }
        return (text, file)
    }

    /// The files of these templates and of every template they include, directly or through
    /// others: what an output rendered with them was made from. Dynamic partials are refused at
    /// load time (`TemplateInclusions`), so the inclusions are all known. Built-in templates are
    /// named "(built-in) templates/NAME.html".
    public func files(reachedFrom names: [String]) -> Set<String> {
        var seen: Set<String> = []
        var stack = names.filter(has)
        while let name = stack.popLast() {
            guard seen.insert(name).inserted else { continue }
            stack += (includes[name] ?? []).filter { has($0) && !seen.contains($0) }
        }
        return Set(seen.compactMap { files[$0] })
    }

    /// Whether template `name` can read the value `key`: its text names the key as a whole word,
    /// or it includes other templates (whose text is not looked into) or changes its delimiters.
    /// Lets callers skip making a costly value that no template reads.
    public func mayRead(_ key: String, in name: String) -> Bool {
        guard let text = texts[name] else { return false }
        if text.contains("{{>") || text.contains("{{<") || text.contains("{{=") { return true }
        var rest = Substring(text)
        while let range = rest.range(of: key) {
            let before = range.lowerBound > rest.startIndex ? rest[rest.index(before: range.lowerBound)] : " "
            let after = range.upperBound < rest.endIndex ? rest[range.upperBound] : " "
            if !isNameCharacter(before) && !isNameCharacter(after) { return true }
            rest = rest[range.upperBound...]
        }
        return false
    }

    /// Whether every template's output depends on its values only through what each lookup
    /// answers, which lets a layout be rendered once per shape (see `LayoutMemo` in Site). Not so
    /// where a partial or block stands indented on its line (Mustache indents what follows
    /// according to the text it has written so far), or where delimiters change (the indented
    /// tags could then not be recognised).
    public var outputFollowsValues: Bool {
        !texts.values.contains { text in
            text.contains("{{=") || text.split(whereSeparator: \.isNewline).contains { line in
                let rest = line.drop { $0 == " " || $0 == "\t" }
                guard rest.count < line.count, rest.hasPrefix("{{") else { return false }
                return rest.dropFirst(2).drop { $0 == " " }.first.map { ">$<".contains($0) } ?? false
            }
        }
    }

    public func anyText(contains piece: String) -> Bool { texts.values.contains { $0.contains(piece) } }

    private func isNameCharacter(_ c: Character) -> Bool { c.isLetter || c.isNumber || c == "_" }

    public func render(_ name: String, _ context: Any) -> String? {
        library.render(context, withTemplate: name)
    }
}
