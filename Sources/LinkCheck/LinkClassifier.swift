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
        let link = trimmed(raw)
        guard !link.isEmpty else { return .skipped }
        if let scheme = scheme(of: link) {
            let lower = scheme.lowercased()
            guard lower == "http" || lower == "https" else { return .skipped }
            return .external(String(withoutFragment(link)))
        }
        if link.hasPrefix("//") { return .external("https:" + withoutFragment(link)) }
        // Byte searches: Character-based indexing of every link was the hot spot on large sites.
        let utf8 = link.utf8
        var pathEnd = utf8.endIndex
        var fragment: Substring?
        if let hash = utf8.firstIndex(of: UInt8(ascii: "#")) {
            fragment = link[utf8.index(after: hash)...]
            pathEnd = hash
        }
        if let question = utf8[..<pathEnd].firstIndex(of: UInt8(ascii: "?")) { pathEnd = question }
        return .local(path: link[..<pathEnd], fragment: fragment)
    }

    /// Browsers strip leading and trailing spaces and drop tabs and newlines anywhere in a URL.
    static func trimmed(_ raw: String) -> String {
        var needsWork = false
        for b in raw.utf8 where b == 0x09 || b == 0x0A || b == 0x0D || b == 0x0C || b == 0x20 {
            needsWork = true
            break
        }
        guard needsWork else { return raw }
        var bytes = Array(raw.utf8)
        while let last = bytes.last, last <= 0x20 { bytes.removeLast() }
        let start = bytes.firstIndex(where: { $0 > 0x20 }) ?? bytes.count
        let inner = bytes[start...].filter { $0 != 0x09 && $0 != 0x0A && $0 != 0x0D }
        return String(decoding: inner, as: UTF8.self)
    }

    /// The scheme before the first `:`, if the text up to it is a valid scheme (so `a/b:c` has none).
    private static func scheme(of link: String) -> Substring? {
        var index = link.utf8.startIndex
        guard let first = link.utf8.first, isASCIILetter(first) else { return nil }
        while index != link.utf8.endIndex {
            let c = link.utf8[index]
            if c == UInt8(ascii: ":") { return link[link.startIndex..<index] }
            let ok = isASCIILetter(c) || (c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9"))
                || c == UInt8(ascii: "+") || c == UInt8(ascii: "-") || c == UInt8(ascii: ".")
            guard ok else { return nil }
            index = link.utf8.index(after: index)
        }
        return nil
    }

    private static func withoutFragment(_ link: String) -> Substring {
        guard let hash = link.utf8.firstIndex(of: UInt8(ascii: "#")) else { return link[...] }
        return link[..<hash]
    }
}

/// `%XX` decoding for paths and fragments. Invalid escapes stay as written, as servers treat them.
func percentDecoded<S: StringProtocol>(_ text: S) -> String {
    guard text.utf8.contains(UInt8(ascii: "%")) else { return String(text) }
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
