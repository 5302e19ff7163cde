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
        let marker = Array(String(StandIn.marker).utf8)
        let tail = Array(StandIn.tail.utf8)
        let escapedTail = Array(StandIn.escapedTail.utf8)
        var pieces: [Piece] = []
        var literalBytes = 0
        let found = html.utf8.withContiguousStorageIfAvailable { bytes -> Bool in
            func matches(_ pattern: [UInt8], at i: Int) -> Bool {
                i + pattern.count <= bytes.count && pattern.indices.allSatisfy { bytes[i + $0] == pattern[$0] }
            }
            var start = 0
            var i = 0
            while i < bytes.count {
                guard bytes[i] == marker[0], matches(marker, at: i) else { i += 1; continue }
                var j = i + marker.count
                var number = 0
                let digits = j
                while j < bytes.count, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(bytes[j]), j - digits < 9 {
                    number = number * 10 + Int(bytes[j] - UInt8(ascii: "0"))
                    j += 1
                }
                guard j > digits, number < texts else { return false }
                let escaped: Bool
                if matches(tail, at: j) {
                    escaped = false
                    j += tail.count
                } else if matches(escapedTail, at: j) {
                    escaped = true
                    j += escapedTail.count
                } else {
                    return false
                }
                guard matches(marker, at: j) else { return false }
                if start < i {
                    pieces.append(.literal(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<i]), as: UTF8.self)))
                    literalBytes += i - start
                }
                pieces.append(.text(number, escaped: escaped))
                i = j + marker.count
                start = i
            }
            if start < bytes.count {
                pieces.append(.literal(String(decoding: UnsafeBufferPointer(rebasing: bytes[start...]), as: UTF8.self)))
                literalBytes += bytes.count - start
            }
            return true
        }
        guard found == true else { return nil }
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
