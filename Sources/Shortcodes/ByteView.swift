import Basics
/// Read-only access to the body's UTF-8 bytes. Reads outside the text answer 0 so that the
/// many small lookaheads of the grammar ("is this `>}}`?") need no bounds checks of their own;
/// 0 never equals any byte the grammar looks for.
struct ByteView {
    let base: UnsafeBufferPointer<UInt8>

    var count: Int { base.count }

    subscript(_ i: Int) -> UInt8 {
        i >= 0 && i < base.count ? base[i] : 0
    }

    func string(_ range: Range<Int>) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: base[range]), as: UTF8.self)
    }

    func isWhitespace(at i: Int) -> Bool {
        let b = self[i]
        return b == ASCII.space || b == ASCII.tab || b == ASCII.newline || b == ASCII.carriageReturn
    }

    /// Offset of the end of the line containing `i` (the "\n" itself, or the end of the text).
    func lineEnd(from i: Int) -> Int {
        var p = i
        while p < count && base[p] != ASCII.newline { p += 1 }
        return p
    }

    /// The scalar starting at `i` and its length in bytes. The text comes from a `String`, so
    /// it is valid UTF-8 and the lead byte alone tells the length.
    func scalar(at i: Int) -> (scalar: Unicode.Scalar, length: Int) {
        let lead = self[i]
        let length: Int
        var value: UInt32
        switch lead {
        case 0..<0x80: return (Unicode.Scalar(lead), 1)
        case 0xC0..<0xE0: length = 2; value = UInt32(lead & 0x1F)
        case 0xE0..<0xF0: length = 3; value = UInt32(lead & 0x0F)
        default: length = 4; value = UInt32(lead & 0x07)
        }
        for k in 1..<length {
            value = value << 6 | UInt32(self[i + k] & 0x3F)
        }
        return (Unicode.Scalar(value) ?? "\u{FFFD}", length)
    }
}

/// Hugo's rule for shortcode names: letters, digits, "_" and "-", plus "/" for namespaces.
enum NameCharacters {
    static func isASCIINameByte(_ b: UInt8) -> Bool {
        switch b {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
             UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "_"), UInt8(ascii: "-"),
             ASCII.slash, ASCII.dot:
            return true
        default:
            return false
        }
    }

    /// Hugo accepts any Unicode letter or decimal digit in a name, not only ASCII ones.
    static func isNameScalar(_ s: Unicode.Scalar) -> Bool {
        switch s.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
             .decimalNumber:
            return true
        default:
            return false
        }
    }
}
