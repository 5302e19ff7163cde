/// Tokens as HTML, exactly as Prism's `Token.stringify` and `util.encode` write them:
/// `<span class="token NAME ALIAS…">`, text with `&` and `<` escaped and no-break spaces made
/// plain ones, and the `title` that Prism's markup component adds to every `entity` token.
struct TokenHTML {
    let code: CodeText
    let arena: [Piece]
    let grammars: PrismGrammars

    func html(_ pieces: Range<Int>) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(code.utf8.count * 3)
        write(pieces, into: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// The code escaped as Prism escapes text, without tokens.
    static func plain(_ code: CodeText) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(code.utf8.count + 16)
        escape(code.utf8[...], into: &out)
        return String(decoding: out, as: UTF8.self)
    }

    private func write(_ pieces: Range<Int>, into out: inout [UInt8]) {
        for piece in arena[pieces] {
            guard !piece.isText else {
                Self.escape(code.utf8[code.utf8Offset(Int(piece.start))..<code.utf8Offset(Int(piece.end))], into: &out)
                continue
            }
            let pattern = grammars.patterns[Int(piece.pattern)]
            out.append(contentsOf: grammars.tags[Int(pattern.tag.lowerBound)..<Int(pattern.tag.upperBound)])
            if pattern.isEntity {
                var inner: [UInt8] = []
                writeContent(of: piece, into: &inner)
                out.append(contentsOf: Self.entityTitle(inner))
                out.append(UInt8(ascii: ">"))
                out.append(contentsOf: inner)
            } else {
                out.append(UInt8(ascii: ">"))
                writeContent(of: piece, into: &out)
            }
            out.append(contentsOf: "</span>".utf8)
        }
    }

    private func writeContent(of token: Piece, into out: inout [UInt8]) {
        if token.childCount < 0 {
            Self.escape(code.utf8[code.utf8Offset(Int(token.start))..<code.utf8Offset(Int(token.end))], into: &out)
        } else {
            write(Int(token.children)..<Int(token.children + token.childCount), into: &out)
        }
    }

    private static func escape(_ text: ArraySlice<UInt8>, into out: inout [UInt8]) {
        var i = text.startIndex
        while i < text.endIndex {
            let byte = text[i]
            switch byte {
            case UInt8(ascii: "&"): out.append(contentsOf: "&amp;".utf8)
            case UInt8(ascii: "<"): out.append(contentsOf: "&lt;".utf8)
            case 0xC2 where i + 1 < text.endIndex && text[i + 1] == 0xA0:  // U+00A0, no-break space
                out.append(UInt8(ascii: " "))
                i += 1
            default: out.append(byte)
            }
            i += 1
        }
    }

    /// ` title="…"`: the entity's HTML with its first `&amp;` back to `&` (Prism's hook), quoted.
    private static func entityTitle(_ inner: [UInt8]) -> [UInt8] {
        var title = Substring(String(decoding: inner, as: UTF8.self))
        if let amp = title.range(of: "&amp;") { title.replaceSubrange(amp, with: "&") }
        return Array(" title=\"\(title.replacingOccurrences(of: "\"", with: "&quot;"))\"".utf8)
    }
}
