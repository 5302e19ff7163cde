import Diagnostics
import Foundation

/// Which templates include which (`{{> partial}}`, `{{< parent}}`), found by a scan of tags, so
/// that a template that includes itself unconditionally, directly or through others, is an error
/// before anything is rendered: swift-mustache renders a partial by recursion with no limit, and
/// such a loop would overflow the stack. A loop through a section (`{{#children}}{{> node}}
/// {{/children}}`, the usual way to draw a tree) ends where the data does; `StackGuard` stops
/// one whose data does not end.
struct TemplateInclusions {
    struct Inclusion {
        var target: String
        var line: Int
        var column: Int
        /// Inside a section (`{{#x}}`, `{{^x}}`), so rendered only where a value says so.
        var conditional: Bool
    }

    /// The inclusions of one template's text, in order, and the positions of dynamic ones
    /// (`{{>*name}}`), whose target cannot be known.
    static func scan(_ text: String) -> (inclusions: [Inclusion], dynamic: [(line: Int, column: Int)]) {
        let found = scanTags(text)
        return (found.inclusions, found.dynamic)
    }

    /// The innermost section still open at the end of `text`, as written (`{{#name}}`), and where
    /// it opens: what a "section never closed" error should point at, rather than the end of the file.
    static func unclosedSection(in text: String) -> (tag: String, name: String, line: Int, column: Int)? {
        scanTags(text).unclosed
    }

    /// The first closing tag that does not close the section open at that point, where it is,
    /// and the opening tag it should have matched.
    static func mismatchedClose(in text: String) -> (tag: String, line: Int, column: Int, opened: String)? {
        scanTags(text).mismatch
    }

    private static func scanTags(_ text: String) -> (inclusions: [Inclusion], dynamic: [(line: Int, column: Int)],
                                                     unclosed: (tag: String, name: String, line: Int, column: Int)?,
                                                     mismatch: (tag: String, line: Int, column: Int, opened: String)?) {
        var mismatch: (tag: String, line: Int, column: Int, opened: String)?
        let bytes = Array(text.utf8)
        var open = Array("{{".utf8), close = Array("}}".utf8)
        var inclusions: [Inclusion] = []
        var dynamic: [(line: Int, column: Int)] = []
        var i = 0
        // Tags are found by byte offset; lines and columns come from the shared counter.
        var counter = (inclusions: LineCounter?.none, dynamic: LineCounter?.none)
        // The kinds of the open tags that have a closing tag (`#`, `^`, `$`, `<`), with each tag's
        // text and offset.
        var open_: [Character] = []
        var openTags: [(tag: String, name: String, offset: Int)] = []
        func matches(_ pattern: [UInt8], at index: Int) -> Bool {
            index + pattern.count <= bytes.count && bytes[index..<(index + pattern.count)].elementsEqual(pattern)
        }
        return bytes.withUnsafeBufferPointer { buffer in
            counter = (LineCounter(buffer), LineCounter(buffer))
            while i < bytes.count {
                guard matches(open, at: i) else { i += 1; continue }
                let tag = i
                var end = i + open.count
                while end < bytes.count && !matches(close, at: end) { end += 1 }
                let content = String(decoding: bytes[(i + open.count)..<min(end, bytes.count)], as: UTF8.self)
                    .trimmingCharacters(in: .whitespaces)
                i = min(end + close.count, bytes.count)
                if content.hasPrefix("=") && content.hasSuffix("=") && content.count > 2 {
                    // {{=<% %>=}}: the delimiters change from here on.
                    let parts = content.dropFirst().dropLast().split(whereSeparator: { $0 == " " || $0 == "\t" })
                    if parts.count == 2 { open = Array(parts[0].utf8); close = Array(parts[1].utf8) }
                } else if let kind = content.first, kind == ">" || kind == "<" {
                    let name = content.dropFirst().trimmingCharacters(in: .whitespaces)
                    if name.hasPrefix("*") {
                        dynamic.append(counter.dynamic!.position(of: tag))
                    } else if !name.isEmpty {
                        let (line, column) = counter.inclusions!.position(of: tag)
                        inclusions.append(Inclusion(target: name, line: line, column: column,
                                                    conditional: open_.contains("#") || open_.contains("^")))
                    }
                    if kind == "<" {
                        open_.append("<")
                        openTags.append((String(decoding: bytes[tag..<i], as: UTF8.self), name, tag))
                    }
                } else if let kind = content.first, "#^$".contains(kind) {
                    open_.append(kind)
                    openTags.append((String(decoding: bytes[tag..<i], as: UTF8.self),
                                     content.dropFirst().trimmingCharacters(in: .whitespaces), tag))
                } else if content.first == "/" {
                    _ = open_.popLast()
                    let closed = openTags.popLast()
                    if mismatch == nil, let closed, closed.name != content.dropFirst().trimmingCharacters(in: .whitespaces) {
                        var counter = LineCounter(buffer)
                        let (line, column) = counter.position(of: tag)
                        mismatch = (String(decoding: bytes[tag..<i], as: UTF8.self), line, column, closed.tag)
                    }
                }
            }
            let unclosed = openTags.last.map { open in
                var counter = LineCounter(buffer)
                let (line, column) = counter.position(of: open.offset)
                return (open.tag, open.name, line, column)
            }
            return (inclusions, dynamic, unclosed, mismatch)
        }
    }

    /// One error per unconditional inclusion that closes a loop, at its tag, and one per dynamic partial; and
    /// the templates on a loop, which must not be rendered.
    static func problems(texts: [String: String], files: [String: String]) -> (diagnostics: [Diagnostic], looping: Set<String>) {
        var diagnostics: [Diagnostic] = []
        var looping: Set<String> = []
        var edges: [String: [Inclusion]] = [:]
        for (name, text) in texts {
            let (inclusions, dynamic) = scan(text)
            edges[name] = inclusions.filter { texts[$0.target] != nil && !$0.conditional }
            for (line, column) in dynamic {
                diagnostics.append(.error(files[name] ?? name, line, column,
                    "dynamic partials ({{>*name}}) are not supported: docgen cannot check that they do not include themselves; name the partial"))
            }
        }
        // Depth-first, without recursion: the path from the template the walk started at.
        var finished: Set<String> = []
        for start in texts.keys.sorted() where !finished.contains(start) {
            var path: [(name: String, next: Int)] = [(start, 0)]
            var onPath: Set<String> = [start]
            while let top = path.last {
                let out = edges[top.name] ?? []
                guard top.next < out.count else {
                    finished.insert(top.name)
                    onPath.remove(top.name)
                    path.removeLast()
                    continue
                }
                path[path.count - 1].next += 1
                let edge = out[top.next]
                if onPath.contains(edge.target) {
                    let loop = path.map(\.name).drop { $0 != edge.target } + [edge.target]
                    looping.formUnion(loop)
                    diagnostics.append(.error(files[top.name] ?? top.name, edge.line, edge.column,
                        "template '\(edge.target)' includes itself (\(loop.joined(separator: " → "))), so rendering it would never end; "
                            + "remove the loop (nested menus come ready-made as {{{children}}})"))
                } else if !finished.contains(edge.target) {
                    path.append((edge.target, 0))
                    onPath.insert(edge.target)
                }
            }
        }
        return (diagnostics, looping)
    }
}
