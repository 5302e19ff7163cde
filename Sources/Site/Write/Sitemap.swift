import Diagnostics
import Foundation
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

    /// Why there is no sitemap.xml: the protocol allows only absolute addresses, and a baseURL that
    /// is only a path gives none. Pointed at docgen.yaml when there is one, since that is where to fix it.
    static func needsAbsoluteBase(_ config: SiteConfig) -> Diagnostic {
        let file = config.settingsFile
        // A Hugo site is told in its own configuration's terms.
        let hugo = file != config.configFile && !config.hugoConfigFiles.isEmpty
        let fix = hugo
            ? "Set baseURL to the site's address (baseURL = \"https://docs.example.com/\" in \((file as NSString).lastPathComponent), or --baseURL), "
                + "or add \"sitemap\" to disableKinds to leave the sitemap out without this warning"
            : "Set baseURL to the site's address (baseURL: https://docs.example.com/ in docgen.yaml, or --baseURL), "
                + "or write sitemap: false in docgen.yaml to leave the sitemap out without this warning"
        return Diagnostic(.warning, at: SourceLocation(file: file),
            "sitemap.xml is not written: a sitemap must list absolute addresses, and baseURL '\(config.baseURL)' is only a path. " + fix)
    }
}
