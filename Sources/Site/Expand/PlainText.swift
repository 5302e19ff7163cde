/// Whether cmark-gfm renders a one-line text as itself, so `markdownify` (an `ilink`'s text, a
/// card's title) can skip the parser, which costs more per call than the rest of the shortcode.
/// Conservative: words, digits and punctuation that no Markdown rule, autolink or HTML escape
/// touches, starting with a letter (so no list, heading or quote can begin) and not ending in a
/// space (which cmark would trim).
func rendersAsItself(_ text: String) -> Bool {
    let bytes = text.utf8
    guard let first = bytes.first, let last = bytes.last, isLetter(first), last != UInt8(ascii: " ") else { return false }
    for byte in bytes where !(isLetter(byte) || isDigit(byte) || safePunctuation(byte)) { return false }
    // The autolink extension links "www." without a scheme.
    return !containsWWWDot(bytes)
}

private func isLetter(_ byte: UInt8) -> Bool {
    (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z") || byte >= 0x80
}

private func isDigit(_ byte: UInt8) -> Bool { byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9") }

private func safePunctuation(_ byte: UInt8) -> Bool {
    switch byte {
    case UInt8(ascii: " "), UInt8(ascii: ","), UInt8(ascii: "."), UInt8(ascii: "("), UInt8(ascii: ")"),
         UInt8(ascii: "-"), UInt8(ascii: "/"), UInt8(ascii: "?"), UInt8(ascii: "'"), UInt8(ascii: ";"):
        return true
    default:
        return false
    }
}

private func containsWWWDot(_ bytes: String.UTF8View) -> Bool {
    var run = 0
    for byte in bytes {
        if byte | 0x20 == UInt8(ascii: "w") {
            run += 1
        } else {
            if byte == UInt8(ascii: "."), run >= 3 { return true }
            run = 0
        }
    }
    return false
}
