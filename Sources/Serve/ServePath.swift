/// What the path of a request names in the served site.
public enum ServeTarget: Sendable, Equatable {
    /// An output of the site, by its path relative to the site's root ("docs/index.html").
    case file(String)
    /// A folder asked for without its trailing slash, or the server's root when the site lives
    /// under a baseURL path: send the browser to this path, as a static file server would.
    case redirect(String)
    case notFound
    /// A path that tries to leave the site or hide what it names: never looked up.
    case refused(String)
}

/// Turns a request path into a site output: percent-decoded once, checked, then looked up.
/// Browsers remove dot segments before they send a path, so a path that still has one, an
/// encoded slash or backslash, a NUL or broken percent-encoding comes from something else and
/// is refused rather than normalized.
public enum ServePath {
    /// `rawPath` is the request target's path as sent (percent-encoded, without the query);
    /// `basePath` is the path of the site's baseURL ("/" or "/docs/"); `exists` says whether the
    /// site has an output at a relative path.
    public static func resolve(_ rawPath: String, basePath: String, exists: (String) -> Bool) -> ServeTarget {
        guard rawPath.hasPrefix("/") else { return .refused("the path does not start with /") }
        guard let decoded = decode(rawPath) else { return .refused("the path has broken percent-encoding, an encoded slash, a backslash or a NUL byte") }
        let segments = decoded.split(separator: "/", omittingEmptySubsequences: false)
        if segments.contains(where: { $0 == "." || $0 == ".." }) { return .refused("the path has a . or .. segment") }

        let base = basePath.hasSuffix("/") ? basePath : basePath + "/"
        guard decoded.hasPrefix(base) else {
            if decoded + "/" == base || decoded == "/" { return .redirect(base) }
            return .notFound
        }
        let relative = String(decoded.dropFirst(base.count))
        if relative.isEmpty || relative.hasSuffix("/") {
            let index = relative + "index.html"
            return exists(index) ? .file(index) : .notFound
        }
        if exists(relative) { return .file(relative) }
        if exists(relative + "/index.html") { return .redirect(rawPath + "/") }
        return .notFound
    }

    /// The path with its %XX escapes decoded; nil for anything refused (see `ServePath`).
    static func decode(_ path: String) -> String? {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(path.utf8.count)
        var iterator = path.utf8.makeIterator()
        while let byte = iterator.next() {
            guard byte == UInt8(ascii: "%") else {
                bytes.append(byte)
                continue
            }
            guard let high = iterator.next().flatMap(hexValue), let low = iterator.next().flatMap(hexValue) else { return nil }
            let decoded = high << 4 | low
            // An encoded slash would let one segment pass for two once it reaches a file system.
            if decoded == UInt8(ascii: "/") { return nil }
            bytes.append(decoded)
        }
        if bytes.contains(0) || bytes.contains(UInt8(ascii: "\\")) { return nil }
        return String(validating: bytes, as: UTF8.self)
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte - UInt8(ascii: "A") + 10
        default: return nil
        }
    }
}
