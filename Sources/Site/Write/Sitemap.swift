import Rendering

/// `sitemap.xml` in the sitemaps.org format, one entry per page.
enum Sitemap {
    static func xml(urls: [(loc: String, lastmod: String?)]) -> String {
        var xml = "<?xml version=\"1.0\" encoding=\"utf-8\" standalone=\"yes\"?>\n"
        xml += "<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n"
        for (loc, lastmod) in urls {
            xml += "  <url>\n    <loc>\(HTML.escape(loc))</loc>\n"
            if let lastmod, !lastmod.isEmpty { xml += "    <lastmod>\(HTML.escape(lastmod))</lastmod>\n" }
            xml += "  </url>\n"
        }
        xml += "</urlset>\n"
        return xml
    }
}
