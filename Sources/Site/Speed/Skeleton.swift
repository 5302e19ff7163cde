import Rendering

/// A probed render's output cut at its stand-ins (see `StandIn`): what every page whose lookups
/// had the same outcomes gets, with each page's own texts filled in.
struct Skeleton: Sendable {
    private enum Piece: Sendable {
        case literal(String)
        case text(Int, escaped: Bool)
    }

    private let pieces: [Piece]
    private let literalBytes: Int

    /// Fails when the output holds a marker that is not a whole stand-in, escaped or not: a
    /// template's own text with the marker character, or a stand-in that something changed.
    init?(_ html: String, texts: Int) {
        var html = html
        html.makeContiguousUTF8()
        guard let (pieces, literalBytes) = Self.cut(html, texts: texts) else { return nil }
        self.pieces = pieces
        self.literalBytes = literalBytes
    }

    private static func cut(_ html: String, texts: Int) -> ([Piece], Int)? {
        var literalBytes = 0
        let pieces = html.utf8.withContiguousStorageIfAvailable { bytes -> [Piece]? in
            guard let cut = Marker.cut(bytes, strict: true) else { return nil }
            var pieces: [Piece] = []
            for piece in cut {
                switch piece {
                case .literal(let range):
                    pieces.append(.literal(String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)))
                    literalBytes += range.count
                case .marker(.text, let number, let escaped) where number < texts:
                    pieces.append(.text(number, escaped: escaped))
                case .marker:
                    return nil
                }
            }
            return pieces
        }
        guard let pieces = pieces ?? nil else { return nil }
        return (pieces, literalBytes)
    }

    /// The page's output, given its texts by stand-in number.
    func filled(with texts: [String]) -> String {
        var out = ""
        out.reserveCapacity(literalBytes + texts.reduce(0) { $0 + $1.utf8.count })
        for piece in pieces {
            switch piece {
            case .literal(let text): out += text
            case .text(let number, let escaped): out += escaped ? HTML.escape(texts[number]) : texts[number]
            }
        }
        return out
    }
}
