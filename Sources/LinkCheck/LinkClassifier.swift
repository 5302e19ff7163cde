/// What kind of target a link names, decided from its text alone.
enum LinkClass: Equatable {
    /// Nothing to check: `mailto:`, `tel:`, `javascript:`, `data:`, other schemes, empty links.
    case skipped
    /// An `http(s)` URL without its fragment; `//host/x` is given `https:`.
    case external(String)
    /// A path in the site (empty means this page), its fragment undecoded and nil without `#`.
    case local(path: Substring, fragment: Substring?)
}

enum LinkClassifier {
    /// Classifies a link; with an origin, absolute links to the site's own host count as local.
    static func classify(_ raw: String, origin: SiteOrigin?) -> LinkClass {
        let linkClass = classify(raw)
        if case .external = linkClass, let path = origin?.sitePath(of: raw) { return classify(path) }
        return linkClass
    }

    static func classify(_ raw: String) -> LinkClass {
        var link = trimmed(raw)
        // Offsets found on the bytes: walking String.UTF8View costs a few nanoseconds a byte, and a
        // site has thousands of distinct links.
        let (length, schemeLength, hash, question) = link.withUTF8 { bytes -> (Int, Int?, Int?, Int?) in
            let hash = bytes.firstIndex(of: UInt8(ascii: "#"))
            let question = bytes[..<(hash ?? bytes.count)].firstIndex(of: UInt8(ascii: "?"))
            return (bytes.count, Self.schemeLength(bytes), hash, question)
        }
        guard length > 0 else { return .skipped }
        let utf8 = link.utf8
        let withoutFragment = link[..<utf8.index(utf8.startIndex, offsetBy: hash ?? length)]
        if let schemeLength {
            let lower = link[..<utf8.index(utf8.startIndex, offsetBy: schemeLength)].lowercased()
            guard lower == "http" || lower == "https" else { return .skipped }
            return .external(String(withoutFragment))
        }
        if withoutFragment.hasPrefix("//") { return .external("https:" + withoutFragment) }
        var fragment: Substring?
        if let hash { fragment = link[utf8.index(utf8.startIndex, offsetBy: hash + 1)...] }
        let pathEnd = question ?? hash ?? length
        return .local(path: link[..<utf8.index(utf8.startIndex, offsetBy: pathEnd)], fragment: fragment)
    }

    /// Browsers strip leading and trailing spaces and drop tabs and newlines anywhere in a URL.
    static func trimmed(_ raw: String) -> String {
        var raw = raw
        let needsWork = raw.withUTF8 { bytes in
            bytes.contains { $0 == 0x09 || $0 == 0x0A || $0 == 0x0D || $0 == 0x0C || $0 == 0x20 }
        }
        guard needsWork else { return raw }
        var bytes = Array(raw.utf8)
        while let last = bytes.last, last <= 0x20 { bytes.removeLast() }
        let start = bytes.firstIndex(where: { $0 > 0x20 }) ?? bytes.count
        let inner = bytes[start...].filter { $0 != 0x09 && $0 != 0x0A && $0 != 0x0D }
        return String(decoding: inner, as: UTF8.self)
    }

    /// The length of the scheme before the first `:`, if the text up to it is a valid scheme (so
    /// `a/b:c` has none).
    private static func schemeLength(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        guard let first = bytes.first, isASCIILetter(first) else { return nil }
        for (i, c) in bytes.enumerated() {
            if c == UInt8(ascii: ":") { return i }
            let ok = isASCIILetter(c) || (c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9"))
                || c == UInt8(ascii: "+") || c == UInt8(ascii: "-") || c == UInt8(ascii: ".")
            guard ok else { return nil }
        }
        return nil
    }
}

/// `%XX` decoding for paths and fragments. Invalid escapes stay as written, as servers treat them.
func percentDecoded<S: StringProtocol>(_ text: S) -> String {
    var plain = String(text)
    guard plain.withUTF8({ $0.contains(UInt8(ascii: "%")) }) else { return plain }
    let b = Array(text.utf8)
    var out: [UInt8] = []
    out.reserveCapacity(b.count)
    var i = 0
    while i < b.count {
        if b[i] == UInt8(ascii: "%"), i + 2 < b.count, let hi = hexValue(b[i + 1]), let lo = hexValue(b[i + 2]) {
            out.append(hi << 4 | lo)
            i += 3
        } else {
            out.append(b[i])
            i += 1
        }
    }
    return String(decoding: out, as: UTF8.self)
}

private func hexValue(_ c: UInt8) -> UInt8? {
    switch c {
    case UInt8(ascii: "0")...UInt8(ascii: "9"): return c - UInt8(ascii: "0")
    case UInt8(ascii: "a")...UInt8(ascii: "f"): return c - UInt8(ascii: "a") + 10
    case UInt8(ascii: "A")...UInt8(ascii: "F"): return c - UInt8(ascii: "A") + 10
    default: return nil
    }
}
