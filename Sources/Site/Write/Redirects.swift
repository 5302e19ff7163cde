import Rendering

/// Hugo's alias pages: a tiny page that sends browsers and crawlers to the real URL.
enum Redirects {
    static func page(to target: String) -> String {
        let url = HTML.escapeAttribute(target)
        return """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <title>\(url)</title>
        <link rel="canonical" href="\(url)">
        <meta name="robots" content="noindex">
        <meta charset="utf-8">
        <meta http-equiv="refresh" content="0; url=\(url)">
        </head>
        <body><p>This page has moved to <a href="\(url)">\(url)</a>.</p></body>
        </html>

        """
    }

    /// The file an alias is served from: "/old/page/" → "old/page/index.html". An alias without
    /// a leading slash is beside the page, as in Hugo: "old" of "/docs/new/" is "/docs/old/".
    static func outputFile(for alias: String, of pageURL: String) -> String {
        let folder = pageURL.split(separator: "/").dropLast().map { "/" + $0 }.joined() + "/"
        let path = alias.hasPrefix("/") ? alias : folder + alias
        let last = path.split(separator: "/").last ?? ""
        if last.hasSuffix(".html") || last.hasSuffix(".htm") { return String(path.dropFirst()) }
        return String((path.hasSuffix("/") ? path : path + "/").dropFirst()) + "index.html"
    }
}
