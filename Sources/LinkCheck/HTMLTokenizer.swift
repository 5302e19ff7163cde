import Basics

/// Tag names the checker acts on. Knowing only these keeps name matching to a few byte compares.
enum HTMLTagName: UInt8 {
    case a, area, link, img, script, iframe, source, video, audio, embed, meta, base
    case style, textarea, title, xmp, noembed, noframes, plaintext
    case other

    /// Elements whose content the HTML parser reads as text up to their end tag, so anything that
    /// looks like a tag inside them (say, a link in a script string) is not one.
    var hasRawText: Bool {
        switch self {
        case .script, .style, .textarea, .title, .xmp, .noembed, .noframes, .iframe: return true
        default: return false
        }
    }
}

enum HTMLAttributeName: UInt8 {
    case href, src, srcset, id, name, httpEquiv, content
    case other
}

/// One attribute the checker cares about; `value*` are byte offsets of the raw (undecoded) value.
struct HTMLAttribute {
    var name: HTMLAttributeName
    var nameOffset: Int
    var valueStart: Int
    var valueEnd: Int
}

/// The attributes of one tag that the checker cares about, in document order. There is at most one
/// of each name, so at most seven, kept inline: a small site has tens of thousands of tags, and an
/// array per tag cost a call and reference counting on each of them.
struct HTMLAttributeList: RandomAccessCollection {
    private static let unused = HTMLAttribute(name: .other, nameOffset: 0, valueStart: 0, valueEnd: 0)
    private var a0 = unused, a1 = unused, a2 = unused, a3 = unused, a4 = unused, a5 = unused, a6 = unused
    private(set) var endIndex = 0
    var startIndex: Int { 0 }

    subscript(i: Int) -> HTMLAttribute {
        switch i {
        case 0: return a0
        case 1: return a1
        case 2: return a2
        case 3: return a3
        case 4: return a4
        case 5: return a5
        default: return a6
        }
    }

    /// Adds an attribute of a name not yet in the list; the first of duplicates wins, as in browsers.
    mutating func add(_ attribute: HTMLAttribute) {
        guard endIndex < 7, !contains(where: { $0.name == attribute.name }) else { return }
        switch endIndex {
        case 0: a0 = attribute
        case 1: a1 = attribute
        case 2: a2 = attribute
        case 3: a3 = attribute
        case 4: a4 = attribute
        case 5: a5 = attribute
        default: a6 = attribute
        }
        endIndex += 1
    }

    mutating func removeAll() { endIndex = 0 }
}

/// A start-tag scanner over raw bytes. It follows the HTML tokenizer's rules only as far as finding
/// tags and attributes needs (comments, bogus comments, raw-text elements, the three attribute
/// value forms) and builds no tree, which is what keeps a whole site's parse fast.
struct HTMLTokenizer {
    private let bytes: UnsafeBufferPointer<UInt8>
    private var pos = 0

    /// The tag found by the last successful `nextStartTag()`; storage is reused between tags.
    private(set) var tagName: HTMLTagName = .other
    private(set) var attributes = HTMLAttributeList()

    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    /// Advances to the next start tag; false at the end of the input.
    mutating func nextStartTag() -> Bool {
        let count = bytes.count
        while pos < count {
            // Text between tags is most of a page: memchr skips it.
            guard let lt = byteIndex(of: UInt8(ascii: "<"), in: bytes, from: pos) else {
                pos = count
                return false
            }
            pos = lt + 1
            guard pos < count else { return false }
            let c = bytes[pos]
            if isASCIILetter(c) {
                if readStartTag() { return true }
            } else if c == UInt8(ascii: "!") {
                skipMarkupDeclaration()
            } else if c == UInt8(ascii: "/") {
                skipEndTag()
            } else if c == UInt8(ascii: "?") {
                skipPast(UInt8(ascii: ">"))
            }
            // Anything else: a literal '<' in text.
        }
        return false
    }

    // MARK: - Tags

    private mutating func readStartTag() -> Bool {
        let count = bytes.count
        let nameStart = pos
        while pos < count, !isTagNameEnd(bytes[pos]) { pos += 1 }
        let nameLength = pos - nameStart
        let name = Self.tagName(bytes, nameStart, pos)
        attributes.removeAll()
        guard readAttributes(keep: true) else {
            // The input ended inside the tag (say, in a quoted value): the tag and all after it are dropped.
            pos = count
            return false
        }
        tagName = name
        if name == .plaintext {
            pos = count
        } else if name.hasRawText {
            skipRawText(nameStart: nameStart, nameLength: nameLength)
        }
        return true
    }

    /// Reads attributes up to and past the closing `>`. Returns false at end of input.
    private mutating func readAttributes(keep: Bool) -> Bool {
        let count = bytes.count
        while true {
            while pos < count, isSpace(bytes[pos]) || bytes[pos] == UInt8(ascii: "/") { pos += 1 }
            guard pos < count else { return false }
            if bytes[pos] == UInt8(ascii: ">") {
                pos += 1
                return true
            }
            let nameStart = pos
            pos += 1  // a leading '=' belongs to the name, as in the spec
            while pos < count {
                let b = bytes[pos]
                if isSpace(b) || b == UInt8(ascii: "/") || b == UInt8(ascii: ">") || b == UInt8(ascii: "=") { break }
                pos += 1
            }
            let nameEnd = pos
            while pos < count, isSpace(bytes[pos]) { pos += 1 }
            var valueStart = pos, valueEnd = pos
            if pos < count, bytes[pos] == UInt8(ascii: "=") {
                pos += 1
                while pos < count, isSpace(bytes[pos]) { pos += 1 }
                guard pos < count else { return false }
                let q = bytes[pos]
                if q == UInt8(ascii: "\"") || q == UInt8(ascii: "'") {
                    valueStart = pos + 1
                    guard let end = find(q, from: valueStart) else { return false }
                    valueEnd = end
                    pos = end + 1
                } else {
                    valueStart = pos
                    while pos < count, !isSpace(bytes[pos]), bytes[pos] != UInt8(ascii: ">") { pos += 1 }
                    valueEnd = pos
                }
            } else {
                valueStart = nameEnd
                valueEnd = nameEnd
            }
            guard keep else { continue }
            let attr = Self.attributeName(bytes, nameStart, nameEnd)
            if attr != .other {
                attributes.add(HTMLAttribute(name: attr, nameOffset: nameStart, valueStart: valueStart, valueEnd: valueEnd))
            }
        }
    }

    private mutating func skipEndTag() {
        pos += 1  // past '/'
        guard pos < bytes.count else { return }
        if isASCIILetter(bytes[pos]) {
            // End tags may carry (ignored) attributes whose quoted values can hold '>'.
            while pos < bytes.count, !isTagNameEnd(bytes[pos]) { pos += 1 }
            _ = readAttributes(keep: false)
        } else if bytes[pos] == UInt8(ascii: ">") {
            pos += 1
        } else {
            skipPast(UInt8(ascii: ">"))
        }
    }

    /// `<!-- … -->` comments, `<!DOCTYPE …>` and other `<!…>` bogus comments.
    private mutating func skipMarkupDeclaration() {
        let count = bytes.count
        pos += 1  // past '!'
        if pos + 1 < count, bytes[pos] == UInt8(ascii: "-"), bytes[pos + 1] == UInt8(ascii: "-") {
            pos += 2
            // `<!-->` and `<!--->` are complete (empty) comments.
            if pos < count, bytes[pos] == UInt8(ascii: ">") { pos += 1; return }
            if pos + 1 < count, bytes[pos] == UInt8(ascii: "-"), bytes[pos + 1] == UInt8(ascii: ">") { pos += 2; return }
            while let dash = find(UInt8(ascii: "-"), from: pos) {
                if dash + 2 < count, bytes[dash + 1] == UInt8(ascii: "-") {
                    if bytes[dash + 2] == UInt8(ascii: ">") { pos = dash + 3; return }
                    // `--!>` also closes a comment.
                    if bytes[dash + 2] == UInt8(ascii: "!"), dash + 3 < count, bytes[dash + 3] == UInt8(ascii: ">") {
                        pos = dash + 4
                        return
                    }
                }
                pos = dash + 1
            }
            pos = count  // an unclosed comment runs to the end
        } else {
            skipPast(UInt8(ascii: ">"))
        }
    }

    /// Skips to the matching `</name` followed by space, `/` or `>`, compared without case.
    private mutating func skipRawText(nameStart: Int, nameLength: Int) {
        let count = bytes.count
        while let lt = find(UInt8(ascii: "<"), from: pos) {
            pos = lt + 1
            guard lt + 2 + nameLength <= count, bytes[lt + 1] == UInt8(ascii: "/") else { continue }
            var same = true
            for i in 0..<nameLength where lowercase(bytes[lt + 2 + i]) != lowercase(bytes[nameStart + i]) {
                same = false
                break
            }
            guard same else { continue }
            let after = lt + 2 + nameLength
            if after == count || isTagNameEnd(bytes[after]) {
                pos = lt  // let the main loop consume the end tag
                return
            }
        }
        pos = count
    }

    // MARK: - Byte helpers

    private mutating func skipPast(_ byte: UInt8) {
        if let i = find(byte, from: pos) { pos = i + 1 } else { pos = bytes.count }
    }

    private func find(_ byte: UInt8, from start: Int) -> Int? { byteIndex(of: byte, in: bytes, from: start) }

    private static func tagName(_ b: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> HTMLTagName {
        switch end - start {
        case 1: return lowercase(b[start]) == UInt8(ascii: "a") ? .a : .other
        case 3:
            if equalsLower(b, start, "img") { return .img }
            if equalsLower(b, start, "xmp") { return .xmp }
        case 4:
            if equalsLower(b, start, "link") { return .link }
            if equalsLower(b, start, "area") { return .area }
            if equalsLower(b, start, "meta") { return .meta }
            if equalsLower(b, start, "base") { return .base }
        case 5:
            if equalsLower(b, start, "video") { return .video }
            if equalsLower(b, start, "audio") { return .audio }
            if equalsLower(b, start, "embed") { return .embed }
            if equalsLower(b, start, "style") { return .style }
            if equalsLower(b, start, "title") { return .title }
        case 6:
            if equalsLower(b, start, "script") { return .script }
            if equalsLower(b, start, "iframe") { return .iframe }
            if equalsLower(b, start, "source") { return .source }
        case 7:
            if equalsLower(b, start, "noembed") { return .noembed }
        case 8:
            if equalsLower(b, start, "textarea") { return .textarea }
            if equalsLower(b, start, "noframes") { return .noframes }
        case 9:
            if equalsLower(b, start, "plaintext") { return .plaintext }
        default: break
        }
        return .other
    }

    private static func attributeName(_ b: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> HTMLAttributeName {
        switch end - start {
        case 2: return equalsLower(b, start, "id") ? .id : .other
        case 3: return equalsLower(b, start, "src") ? .src : .other
        case 4:
            if equalsLower(b, start, "href") { return .href }
            if equalsLower(b, start, "name") { return .name }
        case 6: return equalsLower(b, start, "srcset") ? .srcset : .other
        case 7: return equalsLower(b, start, "content") ? .content : .other
        case 10: return equalsLower(b, start, "http-equiv") ? .httpEquiv : .other
        default: break
        }
        return .other
    }
}

/// Compares bytes at `start` with a lowercase ASCII literal, ignoring the bytes' case.
@inline(__always)
func equalsLower(_ b: UnsafeBufferPointer<UInt8>, _ start: Int, _ literal: StaticString) -> Bool {
    let p = literal.utf8Start
    for i in 0..<literal.utf8CodeUnitCount where lowercase(b[start + i]) != p[i] { return false }
    return true
}

@inline(__always) func lowercase(_ b: UInt8) -> UInt8 {
    b >= UInt8(ascii: "A") && b <= UInt8(ascii: "Z") ? b | 0x20 : b
}

@inline(__always) func isASCIILetter(_ b: UInt8) -> Bool {
    let l = b | 0x20
    return l >= UInt8(ascii: "a") && l <= UInt8(ascii: "z")
}

/// HTML's ASCII whitespace: tab, LF, FF, CR, space.
@inline(__always) func isSpace(_ b: UInt8) -> Bool {
    b == 0x20 || b == 0x0A || b == 0x09 || b == 0x0D || b == 0x0C
}

@inline(__always) func isTagNameEnd(_ b: UInt8) -> Bool {
    isSpace(b) || b == UInt8(ascii: "/") || b == UInt8(ascii: ">")
}
