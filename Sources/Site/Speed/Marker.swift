/// The one kind of marker the speed tricks put into rendered text to find places in it again:
/// a private-use character, a letter for the kind, a number, `<&>`, and the private-use
/// character again. `<&>` shows whether Mustache escaped the marker (it then reads
/// `&lt;&amp;&gt;`), so a text put in its place later can be escaped the same way. Text from
/// content or templates holding the private-use character is kept away from the tricks (see
/// `LayoutMemo` and `TemplateValue.string`).
enum Marker {
    enum Kind: UInt8 {
        /// A page's text in a probed layout (`StandIn`), or what a shell holds (`Shell`).
        case text = 0x74  // t
        /// The start and the end of what only page `number` shows in a shared menu (`MarkedMenu`).
        case ownStart = 0x61  // a
        case ownEnd = 0x65  // e
    }

    enum Piece: Equatable {
        case literal(Range<Int>)
        case marker(Kind, number: Int, escaped: Bool)
    }

    static let delimiter: Character = "\u{F8F3}"
    private static let delimiterBytes: [UInt8] = [0xEF, 0xA3, 0xB3]
    private static let tail = Array("<&>".utf8)
    private static let escapedTail = Array("&lt;&amp;&gt;".utf8)

    static func make(_ kind: Kind, _ number: Int) -> String {
        "\(delimiter)\(Character(Unicode.Scalar(kind.rawValue)))\(number)<&>\(delimiter)"
    }

    /// Whether `text` holds the delimiter, which only a marker should put in an output.
    static func occurs(in text: String) -> Bool {
        let utf8 = text.utf8
        var i = utf8.startIndex
        while let lead = utf8[i...].firstIndex(of: delimiterBytes[0]) {
            let rest = utf8[utf8.index(after: lead)...]
            if rest.starts(with: delimiterBytes.dropFirst()) { return true }
            i = rest.startIndex
        }
        return false
    }

    /// `bytes` cut into literal runs and markers. A delimiter that does not start a whole marker
    /// makes the cut fail when `strict` (a probed layout is then rendered page by page), and is
    /// kept as literal text otherwise.
    static func cut(_ bytes: UnsafeBufferPointer<UInt8>, strict: Bool) -> [Piece]? {
        func matches(_ pattern: [UInt8], at i: Int) -> Bool {
            i + pattern.count <= bytes.count && pattern.indices.allSatisfy { bytes[i + $0] == pattern[$0] }
        }
        var pieces: [Piece] = []
        var start = 0, i = 0
        while i < bytes.count {
            guard bytes[i] == delimiterBytes[0], matches(delimiterBytes, at: i) else { i += 1; continue }
            guard let (kind, number, escaped, end) = marker(at: i + delimiterBytes.count) else {
                if strict { return nil }
                i += delimiterBytes.count
                continue
            }
            if start < i { pieces.append(.literal(start..<i)) }
            pieces.append(.marker(kind, number: number, escaped: escaped))
            i = end
            start = i
        }
        if start < bytes.count { pieces.append(.literal(start..<bytes.count)) }
        return pieces

        func marker(at from: Int) -> (Kind, Int, Bool, Int)? {
            guard from < bytes.count, let kind = Kind(rawValue: bytes[from]) else { return nil }
            var j = from + 1
            var number = 0
            let digits = j
            while j < bytes.count, bytes[j] >= 0x30, bytes[j] <= 0x39, j - digits < 9 {
                number = number * 10 + Int(bytes[j] - 0x30)
                j += 1
            }
            guard j > digits else { return nil }
            let escaped: Bool
            if matches(tail, at: j) {
                escaped = false
                j += tail.count
            } else if matches(escapedTail, at: j) {
                escaped = true
                j += escapedTail.count
            } else {
                return nil
            }
            guard matches(delimiterBytes, at: j) else { return nil }
            return (kind, number, escaped, j + delimiterBytes.count)
        }
    }
}
