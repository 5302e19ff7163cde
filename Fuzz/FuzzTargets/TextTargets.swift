// Targets over one text: front matter, shortcodes, JSON, the link checker's HTML scan.

@testable import Content
import Diagnostics
import JSON
@testable import LinkCheck
import Shortcodes

// MARK: frontmatter — FrontMatterParser.split: the ---/+++ split, then libyaml or toml++.

func fuzzFrontMatter(_ bytes: UnsafeBufferPointer<UInt8>) {
    let input = text(bytes)
    let (page, diagnostics) = FrontMatterParser.split(input, file: "content/fuzz.md")
    if page.bodyLine < 1 { fuzzFailure("bodyLine \(page.bodyLine)") }
    // The body is the end of the input (after the front matter).
    if !input.utf8.elementsEqual(input.utf8.suffix(page.body.utf8.count)) && !input.hasSuffix(page.body) {
        fuzzFailure("body is not a suffix of the input")
    }
    for d in diagnostics where d.location.line < 1 || d.location.column < 1 {
        fuzzFailure("diagnostic at \(d.location.line):\(d.location.column)")
    }
    // What templates read of the front matter: every parameter as a plain value.
    for (_, value) in page.frontMatter.params { _ = value.plainValue }
    _ = ContentLoader.url(for: page.frontMatter, contentPath: "/docs/fuzz")
}

// MARK: shortcodes — parseShortcodes: tags, arguments, pairing, recovery.

func fuzzShortcodes(_ bytes: UnsafeBufferPointer<UInt8>) {
    let input = text(bytes)
    let count = input.utf8.count
    let (document, diagnostics) = parseShortcodes(in: input, file: "content/fuzz.md", startLine: 3)
    // Every range must lie inside the body: the expander slices the body with them.
    func check(_ range: Range<Int>, _ what: String) {
        if range.lowerBound < 0 || range.upperBound > count { fuzzFailure("\(what) range \(range) outside 0..<\(count)") }
    }
    func walk(_ segments: [ShortcodeSegment], inside outer: Range<Int>) {
        var previousEnd = outer.lowerBound
        for segment in segments {
            let range: Range<Int>
            switch segment {
            case .text(let r): range = r
            case .shortcode(let s):
                range = s.range
                if let inner = s.innerRange {
                    check(inner, "inner")
                    if inner.lowerBound < s.range.lowerBound || inner.upperBound > s.range.upperBound {
                        fuzzFailure("inner range \(inner) outside the shortcode's \(s.range)")
                    }
                    if let children = s.inner { walk(children, inside: inner) }
                }
                if s.location.line < 3 || s.location.column < 1 { fuzzFailure("shortcode at \(s.location.line):\(s.location.column)") }
            case .escaped(_, let r): range = r
            }
            check(range, "segment")
            if range.lowerBound < previousEnd { fuzzFailure("segment \(range) before the previous end \(previousEnd)") }
            previousEnd = range.upperBound
        }
        if previousEnd > outer.upperBound { fuzzFailure("segments end at \(previousEnd), past \(outer)") }
    }
    walk(document.segments, inside: 0..<count)
    for d in diagnostics where d.location.line < 3 || d.location.column < 1 {
        fuzzFailure("diagnostic at \(d.location.line):\(d.location.column)")
    }
}

// MARK: json — JSONDocument: the reader with positions; the writer must give back the same value.

func fuzzJSON(_ bytes: UnsafeBufferPointer<UInt8>) {
    let document: JSONDocument
    do {
        document = try JSONDocument(bytes: Array(bytes))
    } catch {
        if error.line < 1 || error.column < 1 { fuzzFailure("error at \(error.line):\(error.column)") }
        return
    }
    // Positions of the first values, depth first, and of a pointer that names nothing.
    var budget = 64
    func visit(_ value: JSONValue, _ pointer: String) {
        guard budget > 0 else { return }
        budget -= 1
        guard let p = document.position(of: pointer) else { fuzzFailure("no position for \(pointer)") }
        if p.line < 1 || p.column < 1 { fuzzFailure("position \(p.line):\(p.column) for \(pointer)") }
        switch value {
        case .array(let items):
            for (i, item) in items.enumerated() { visit(item, pointer + "/\(i)") }
        case .object(let object):
            for (key, item) in object {
                let child = pointer + "/" + JSONPointer.escape(key)
                if document.keyPosition(of: child) == nil { fuzzFailure("no key position for \(child)") }
                visit(item, child)
            }
        default: break
        }
    }
    visit(document.root, "")
    _ = document.position(of: "/no/such/member")
    _ = document.position(ofOffset: bytes.count)

    // Round trip through the writer, compact and pretty.
    for pretty in [false, true] {
        let written = document.root.serialized(pretty: pretty)
        let again: JSONDocument
        do { again = try JSONDocument(text: written) } catch {
            fuzzFailure("the writer's output does not parse (\(error.message)): \(written.prefix(200))")
        }
        if !sameJSON(document.root, again.root) { fuzzFailure("round trip changed the value: \(written.prefix(200))") }
    }
}

/// Equality up to the writer's number spelling: 1.0 is written 1 and read back as an integer.
private func sameJSON(_ a: JSONValue, _ b: JSONValue) -> Bool {
    switch (a, b) {
    case (.integer(let x), .number(let y)), (.number(let y), .integer(let x)): return Double(x) == y
    case (.number(let x), .number(let y)): return x == y || (x.isNaN && y.isNaN)
    case (.array(let x), .array(let y)): return x.count == y.count && zip(x, y).allSatisfy { sameJSON($0, $1) }
    case (.object(let x), .object(let y)):
        return x.count == y.count && zip(x, y).allSatisfy { $0.key == $1.key && sameJSON($0.value, $1.value) }
    default: return a == b
    }
}

// MARK: html — LinkChecker.scan: the tokenizer and attribute parsers of `docgen check`.

func fuzzHTML(_ bytes: UnsafeBufferPointer<UInt8>) {
    let scan = LinkChecker.scan(html: text(bytes)).scan
    for link in scan.links {
        if link.decoded == nil && (link.start < 0 || link.start > link.end || link.end > scan.linkBytes.count) {
            fuzzFailure("link bytes \(link.start)..<\(link.end) outside 0..<\(scan.linkBytes.count)")
        }
        if link.line < 1 || link.column < 1 { fuzzFailure("link at \(link.line):\(link.column)") }
        _ = scan.value(of: link)
    }
    if let refresh = scan.refreshLink, !scan.links.indices.contains(refresh) { fuzzFailure("refresh link \(refresh)") }
}
