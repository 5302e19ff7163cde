import Foundation

/// The scheme-and-host part of the site's published URL, to recognise absolute links that point
/// back into the site.
struct SiteOrigin {
    /// Lowercased `http://host[:port]`, `https://host[:port]` and `//host[:port]`.
    private let prefixes: [String]
    /// The published URL's path, ending in `/`.
    let path: String

    init?(baseURL: String?) {
        guard let baseURL, let parts = URLComponents(string: baseURL), let host = parts.host?.lowercased(),
              !host.isEmpty else { return nil }
        let authority = host + (parts.port.map { ":\($0)" } ?? "")
        // http and https count as the same site: one usually redirects to the other.
        prefixes = ["https://" + authority, "http://" + authority, "//" + authority]
        path = parts.path.hasSuffix("/") ? parts.path : parts.path + "/"
    }

    /// The link with its origin removed (`/docs/x/#f`), or nil when it points elsewhere.
    func sitePath(of link: String) -> String? {
        let trimmed = LinkClassifier.trimmed(link)
        for prefix in prefixes {
            guard trimmed.utf8.count >= prefix.utf8.count else { continue }
            let head = trimmed.utf8.prefix(prefix.utf8.count)
            guard String(decoding: head, as: UTF8.self).lowercased() == prefix else { continue }
            let rest = String(trimmed.utf8.dropFirst(prefix.utf8.count))!
            if rest.isEmpty { return "/" }
            guard let first = rest.utf8.first, [UInt8(ascii: "/"), UInt8(ascii: "?"), UInt8(ascii: "#")].contains(first) else {
                continue  // `https://example.com.evil/` is another host
            }
            return first == UInt8(ascii: "/") ? rest : "/" + rest
        }
        return nil
    }
}
