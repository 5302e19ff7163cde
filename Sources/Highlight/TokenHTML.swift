/// Tokens as HTML, exactly as Prism's `Token.stringify` and `util.encode` write them:
/// `<span class="token NAME ALIAS…">`, text with `&` and `<` escaped and no-break spaces made
/// plain ones, and the `title` that Prism's markup component adds to every `entity` token.
enum TokenHTML {
    static func html(_ pieces: [Piece], code: CodeText) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(code.utf8.count * 3)
        write(pieces, code: code, into: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// The code escaped as Prism escapes text, without tokens.
    static func plain(_ code: CodeText) -> String {
        html([.text(0, code.utf16.count)], code: code)
    }

    private static func write(_ pieces: [Piece], code: CodeText, into out: inout [UInt8]) {
        for piece in pieces {
            switch piece {
            case .text(let start, let end):
                escape(code.utf8[code.utf8Offset(start)..<code.utf8Offset(end)], into: &out)
            case .token(let name, let aliases, let content):
                out.append(contentsOf: "<span class=\"token ".utf8)
                out.append(contentsOf: name.utf8)
                for alias in aliases {
                    out.append(UInt8(ascii: " "))
                    out.append(contentsOf: alias.utf8)
                }
                out.append(UInt8(ascii: "\""))
                if name == "entity" {
                    var inner: [UInt8] = []
                    write(content, code: code, into: &inner)
                    out.append(contentsOf: entityTitle(inner))
                    out.append(UInt8(ascii: ">"))
                    out.append(contentsOf: inner)
                } else {
                    out.append(UInt8(ascii: ">"))
                    write(content, code: code, into: &out)
                }
                out.append(contentsOf: "</span>".utf8)
            }
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
