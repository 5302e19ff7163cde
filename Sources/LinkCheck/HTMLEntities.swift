import Basics

/// Decodes character references in attribute values, which is how a browser sees `href="a?x=1&amp;y=2"`.
/// Only the named references that turn up in URLs and ids are known; an unknown one stays as written,
/// which is also what a browser does with a name it does not know.
enum HTMLEntities {
    static func decode(_ b: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> String {
        let slice = UnsafeBufferPointer(rebasing: b[start..<end])
        guard hasReference(slice) else { return String(decoding: slice, as: UTF8.self) }

        var out: [UInt8] = []
        out.reserveCapacity(end - start)
        var i = start
        while i < end {
            // The run up to the next `&` is copied whole: a page's text has few references.
            let ampersand = byteIndex(of: UInt8(ascii: "&"), in: b, from: i, to: end) ?? end
            out.append(contentsOf: UnsafeBufferPointer(rebasing: b[i..<ampersand]))
            i = ampersand
            guard i < end else { break }
            if let (scalar, next) = reference(b, i + 1, end) {
                out.append(contentsOf: String(scalar).utf8)
                i = next
            } else {
                out.append(b[i])
                i += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Whether the text has an `&`, which every character reference starts with. memchr: link
    /// values run to tens of bytes, and a byte loop here was a tenth of a page scan.
    static func hasReference(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
        byteIndex(of: UInt8(ascii: "&"), in: text, from: 0) != nil
    }

    /// The scalar a reference starting after `&` stands for, and where the text continues.
    private static func reference(_ b: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> (Unicode.Scalar, Int)? {
        guard start < end else { return nil }
        if b[start] == UInt8(ascii: "#") {
            return numeric(b, start + 1, end)
        }
        var i = start
        while i < end, i - start < 32, isAlphanumeric(b[i]) { i += 1 }
        guard i > start else { return nil }
        let name = String(decoding: UnsafeBufferPointer(rebasing: b[start..<i]), as: UTF8.self)
        if i < end, b[i] == UInt8(ascii: ";") {
            guard let scalar = named[name] else { return nil }
            return (scalar, i + 1)
        }
        // In attribute values a legacy reference without ';' counts only when the next character
        // could not continue a name (so `?a=1&copy=2` keeps its `&copy`).
        guard legacyWithoutSemicolon.contains(name), let scalar = named[name] else { return nil }
        if i < end, b[i] == UInt8(ascii: "=") { return nil }
        return (scalar, i)
    }

    private static func numeric(_ b: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> (Unicode.Scalar, Int)? {
        var i = start
        var hex = false
        if i < end, b[i] | 0x20 == UInt8(ascii: "x") {
            hex = true
            i += 1
        }
        let digitsStart = i
        var value: UInt32 = 0
        while i < end {
            let c = b[i]
            let digit: UInt32
            if c >= UInt8(ascii: "0"), c <= UInt8(ascii: "9") {
                digit = UInt32(c - UInt8(ascii: "0"))
            } else if hex, (c | 0x20) >= UInt8(ascii: "a"), (c | 0x20) <= UInt8(ascii: "f") {
                digit = UInt32((c | 0x20) - UInt8(ascii: "a") + 10)
            } else {
                break
            }
            value = min(value &* (hex ? 16 : 10) &+ digit, 0x110000)  // saturate: out of range anyway
            i += 1
        }
        guard i > digitsStart else { return nil }
        if i < end, b[i] == UInt8(ascii: ";") { i += 1 }
        let scalar = (value == 0 ? nil : Unicode.Scalar(value)) ?? "\u{FFFD}"
        return (scalar, i)
    }

    private static func isAlphanumeric(_ c: UInt8) -> Bool {
        isASCIILetter(c) || (c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9"))
    }

    private static let legacyWithoutSemicolon: Set<String> = ["amp", "AMP", "lt", "LT", "gt", "GT", "quot", "QUOT", "nbsp", "copy", "reg"]

    private static let named: [String: Unicode.Scalar] = [
        "amp": "&", "AMP": "&", "lt": "<", "LT": "<", "gt": ">", "GT": ">", "quot": "\"", "QUOT": "\"",
        "apos": "'", "nbsp": "\u{A0}", "copy": "\u{A9}", "reg": "\u{AE}", "trade": "\u{2122}",
        "hellip": "\u{2026}", "mdash": "\u{2014}", "ndash": "\u{2013}", "lsquo": "\u{2018}", "rsquo": "\u{2019}",
        "ldquo": "\u{201C}", "rdquo": "\u{201D}", "laquo": "\u{AB}", "raquo": "\u{BB}", "middot": "\u{B7}",
        "bull": "\u{2022}", "sect": "\u{A7}", "para": "\u{B6}", "deg": "\u{B0}", "times": "\u{D7}",
        "shy": "\u{AD}", "euro": "\u{20AC}", "num": "#", "percnt": "%", "sol": "/", "quest": "?",
        "equals": "=", "colon": ":", "period": ".", "comma": ",", "lpar": "(", "rpar": ")",
        "lowbar": "_", "hyphen": "\u{2010}", "dash": "\u{2010}", "excl": "!", "commat": "@",
        "plus": "+", "semi": ";", "tilde": "\u{2DC}", "Tab": "\t", "NewLine": "\n",
    ]
}

/// A text with its character references decoded as `HTMLEntities` knows them, for other
/// modules that read docgen's own HTML (the search index reads the text of pages).
public func decodingCharacterReferences(_ text: String) -> String {
    var text = text
    return text.withUTF8 { HTMLEntities.decode($0, 0, $0.count) }
}

/// The same, for text at hand as UTF-8 bytes.
public func decodingCharacterReferences(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
    bytes.isEmpty ? "" : HTMLEntities.decode(bytes, 0, bytes.count)
}
