/// Tokens as HTML, exactly as Prism's `Token.stringify` and `util.encode` write them:
/// `<span class="token NAME ALIAS…">`, text with `&` and `<` escaped and no-break spaces made
/// plain ones, and the `title` that Prism's markup component adds to every `entity` token.
enum TokenHTML {
    static func html(_ pieces: [Piece], code: UnsafeBufferPointer<UInt16>) -> String {
        var out: [UInt16] = []
        out.reserveCapacity(code.count * 3)
        write(pieces, code: code, into: &out)
        return String(decoding: out, as: UTF16.self)
    }

    /// The code escaped as Prism escapes text, without tokens.
    static func plain(_ code: UnsafeBufferPointer<UInt16>) -> String {
        html([.text(0, code.count)], code: code)
    }

    private static func write(_ pieces: [Piece], code: UnsafeBufferPointer<UInt16>, into out: inout [UInt16]) {
        for piece in pieces {
            switch piece {
            case .text(let start, let end):
                for unit in code[start..<end] {
                    switch unit {
                    case 0x26: out.append(contentsOf: "&amp;".utf16)
                    case 0x3C: out.append(contentsOf: "&lt;".utf16)
                    case 0xA0: out.append(0x20)
                    default: out.append(unit)
                    }
                }
            case .token(let name, let aliases, let content):
                out.append(contentsOf: "<span class=\"token ".utf16)
                out.append(contentsOf: name.utf16)
                for alias in aliases {
                    out.append(0x20)
                    out.append(contentsOf: alias.utf16)
                }
                out.append(0x22)
                var inner: [UInt16] = []
                write(content, code: code, into: &inner)
                if name == "entity" { out.append(contentsOf: entityTitle(inner)) }
                out.append(0x3E)
                out.append(contentsOf: inner)
                out.append(contentsOf: "</span>".utf16)
            }
        }
    }

    /// ` title="…"`: the entity's HTML with its first `&amp;` back to `&` (Prism's hook), quoted.
    private static func entityTitle(_ inner: [UInt16]) -> [UInt16] {
        var title = Substring(String(decoding: inner, as: UTF16.self))
        if let amp = title.range(of: "&amp;") { title.replaceSubrange(amp, with: "&") }
        return Array(" title=\"\(title.replacingOccurrences(of: "\"", with: "&quot;"))\"".utf16)
    }
}
