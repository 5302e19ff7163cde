/// A block's code in the two forms highlighting needs: UTF-16 code units, which Prism's
/// patterns and offsets count in (as JavaScript does), and UTF-8 bytes, which the HTML is
/// written from, with the way from one offset to the other. Writing the HTML from UTF-16 meant
/// decoding it back into a String, which took more time than tokenizing.
struct CodeText {
    let utf16: [UInt16]
    let utf8: [UInt8]
    /// The UTF-8 offset of each UTF-16 offset (one more than there are units); nil when the
    /// code is ASCII and the two are the same. The second unit of a surrogate pair maps to
    /// the start of its character, so no piece of text splits a character.
    private let utf8Offsets: [Int]?

    init(_ code: String) {
        utf8 = Array(code.utf8)
        utf16 = Array(code.utf16)
        guard utf8.count != utf16.count else {
            utf8Offsets = nil
            return
        }
        var offsets: [Int] = []
        offsets.reserveCapacity(utf16.count + 1)
        var byte = 0
        for scalar in code.unicodeScalars {
            offsets.append(byte)
            if scalar.value > 0xFFFF { offsets.append(byte) }
            byte += UTF8.width(scalar)
        }
        offsets.append(byte)
        utf8Offsets = offsets
    }

    func utf8Offset(_ utf16Offset: Int) -> Int {
        utf8Offsets?[utf16Offset] ?? utf16Offset
    }
}
