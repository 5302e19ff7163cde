/// URL rules for pages, following Hugo's defaults: pretty URLs, lower-cased paths, spaces as hyphens.
public enum URLPath {
    /// "/Docs/My Page" → "/docs/my-page/".
    public static func pretty(_ contentPath: String) -> String {
        let parts = contentPath.split(separator: "/").map { urlize(String($0)) }
        return parts.isEmpty ? "/" : "/" + parts.joined(separator: "/") + "/"
    }

    /// A URL from front matter `url`: kept as written, made site-absolute, and given a trailing
    /// slash when it names a folder rather than a file.
    public static func explicit(_ url: String) -> String {
        var result = url.hasPrefix("/") ? url : "/" + url
        let last = result.split(separator: "/").last ?? ""
        if !result.hasSuffix("/") && !last.contains(".") { result += "/" }
        return result
    }

    /// The page URL with the last segment replaced by `slug`.
    public static func withSlug(_ url: String, slug: String) -> String {
        var parts = url.split(separator: "/").map(String.init)
        if parts.isEmpty { return "/" + urlize(slug) + "/" }
        parts[parts.count - 1] = urlize(slug)
        return "/" + parts.joined(separator: "/") + "/"
    }

    /// The file a URL is served from: a folder URL serves its `index.html`.
    public static func outputFile(for url: String) -> String {
        var path = url
        while path.hasPrefix("/") { path.removeFirst() }
        if path.isEmpty || path.hasSuffix("/") { return path + "index.html" }
        return path
    }

    static func urlize(_ segment: String) -> String {
        // Most segments are already lower-case ASCII without spaces; this runs for every page and
        // every bundle resource.
        if segment.utf8.allSatisfy({ $0 < 0x80 && $0 != UInt8(ascii: " ") && !(UInt8(ascii: "A")...UInt8(ascii: "Z")).contains($0) }) {
            return segment
        }
        return String(decoding: segment.lowercased().utf8.map { $0 == UInt8(ascii: " ") ? UInt8(ascii: "-") : $0 }, as: UTF8.self)
    }
}
