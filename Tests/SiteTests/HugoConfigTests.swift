import Foundation
import Testing
import Diagnostics
import Rendering
@testable import Site

/// A Hugo site's own configuration: which files, in which order, and what docgen takes from them.
@Suite struct HugoConfigTests {
    func site(_ files: [String: String]) throws -> String { try siteFolder(files, label: "docgen-hugo-config") }

    func load(_ files: [String: String]) throws -> (SiteConfig, [String], String) {
        let root = try site(files)
        let (config, problems) = SiteConfig.load(source: root)
        return (config, problems.map { $0.description.replacingOccurrences(of: root + "/", with: "") }, root)
    }

    @Test func hugoTomlWinsOverConfigTomlAndIsReadWithoutDocgenYAML() throws {
        let (config, problems, root) = try load([
            "hugo.toml": "baseURL = 'https://docs.example.com/'\ntitle = 'From hugo.toml'\ncontentDir = 'content/en'\n",
            "config.toml": "title = 'From config.toml'\n",
        ])
        defer { try? FileManager.default.removeItem(atPath: root) }
        #expect(problems == [])
        #expect(config.title == "From hugo.toml")
        #expect(config.baseURL == "https://docs.example.com/")
        #expect(config.contentDir == "content/en")
        #expect(config.hugoConfigFiles == [root + "/hugo.toml"])
        #expect(config.markup == .hugo)  // Hugo's defaults: raw HTML left out
    }

    @Test func configFolderFilesGoUnderTheirKeyAndWinInOrder() throws {
        let (config, problems, root) = try load([
            "config.yaml": "title: Root\nparams:\n  color: red\n  size: 1\n",
            "config/_default/hugo.toml": "title = 'Default folder'\n",
            "config/_default/params.toml": "color = 'blue'\n[nested]\nkey = 'x'\n",
            "config/_default/menus.en.toml": "[[main]]\nname = 'Docs'\nurl = '/docs/'\nweight = 10\n",
            "config/production/params.json": "{\"size\": 3}",
        ])
        defer { try? FileManager.default.removeItem(atPath: root) }
        #expect(problems == [])
        #expect(config.title == "Default folder")
        #expect(config.params["color"]?.string == "blue")
        #expect(config.params["size"]?.int == 3)
        #expect(config.params["nested"]?["key"]?.string == "x")
        #expect(config.menus["main"]?.map(\.name) == ["Docs"])
        #expect(config.hugoConfigFiles.map { $0.replacingOccurrences(of: root + "/", with: "") }
                == ["config.yaml", "config/_default/hugo.toml", "config/_default/menus.en.toml", "config/_default/params.toml",
                    "config/production/params.json"])
    }

    @Test func theDefaultLanguagesOwnSettingsWin() throws {
        let (config, problems, root) = try load([
            "hugo.toml": """
            title = "Site"
            defaultContentLanguage = "de"
            [languages.de]
            title = "Seite"
            contentDir = "content/de"
            [languages.de.params]
            motto = "Hallo"
            [languages.fr]
            contentDir = "content/fr"
            """,
        ])
        defer { try? FileManager.default.removeItem(atPath: root) }
        #expect(config.title == "Seite")
        #expect(config.contentDir == "content/de")
        #expect(config.params["motto"]?.string == "Hallo")
        #expect(problems == ["hugo.toml:3:1: warning: only the default language (de) is built; fr is left out"])
    }

    @Test func keysAreNotCaseSensitiveAndUnknownOnesAreQuiet() throws {
        let (config, problems, root) = try load([
            "hugo.yaml": "BaseURL: https://x.example/\nTITLE: Upper\ntheme: docsy\nservices:\n  googleAnalytics:\n    id: G-1\nimaging:\n  quality: 75\n",
        ])
        defer { try? FileManager.default.removeItem(atPath: root) }
        #expect(problems == [])
        #expect(config.title == "Upper")
        #expect(config.baseURL == "https://x.example/")
    }

    @Test func markupSettingsAreRead() throws {
        let (config, problems, root) = try load([
            "hugo.toml": """
            [markup.goldmark.renderer]
            unsafe = true
            [markup.goldmark.parser]
            autoHeadingID = false
            autoHeadingIDType = "github-ascii"
            [markup.goldmark.parser.attribute]
            title = false
            """,
        ])
        defer { try? FileManager.default.removeItem(atPath: root) }
        #expect(problems == [])
        #expect(config.markup.rawHTML)
        #expect(!config.markup.autoHeadingID)
        #expect(config.markup.headingIDType == .githubASCII)
        #expect(!config.markup.headingAttributes)
        let (_, bad, root2) = try load(["hugo.toml": "[markup.goldmark.parser]\nautoHeadingIDType = 'gitlab'\n"])
        defer { try? FileManager.default.removeItem(atPath: root2) }
        #expect(bad == ["hugo.toml:2:21: error: autoHeadingIDType 'gitlab' is not one of github, github-ascii or blackfriday"])
    }

    @Test func settingsDocgenCannotHonourGiveOneWarningEach() throws {
        let (_, problems, root) = try load([
            "hugo.toml": """
            uglyURLs = true
            disableKinds = ["taxonomy", "section"]
            [permalinks]
            blog = "/:section/:year/"
            [outputs]
            section = ["HTML", "print"]
            [taxonomies]
            tag = "tags"
            """,
        ])
        defer { try? FileManager.default.removeItem(atPath: root) }
        #expect(problems == [
            "hugo.toml:2:16: warning: disableKinds 'section' is not honoured: docgen still writes those pages",
            "hugo.toml:1:12: warning: uglyURLs = true is not honoured: docgen writes pretty URLs from the site root, as with false",
            "hugo.toml:3:1: warning: permalinks are not honoured: pages keep the URLs of their folders (or their url and slug)",
            "hugo.toml:7:1: warning: taxonomies are not written: docgen makes no tag or category pages",
            "hugo.toml:5:1: warning: output formats print are not written: docgen writes HTML pages only",
        ])
    }

    @Test func aBadValueIsAnErrorAtItsPlace() throws {
        let (_, problems, root) = try load(["hugo.toml": "title = 'x'\nbaseURL = 'example.com/docs/'\nbuildDrafts = 'often'\n"])
        defer { try? FileManager.default.removeItem(atPath: root) }
        #expect(problems == [
            "hugo.toml:2:11: error: baseURL 'example.com/docs/' has no scheme, so every link would start with /example.com/docs/: write https://example.com/docs/ (or a path such as /docs/)",
            "hugo.toml:3:15: error: 'buildDrafts' must be true or false",
        ])
        let (_, broken, root2) = try load(["hugo.toml": "title = 'x\n"])
        defer { try? FileManager.default.removeItem(atPath: root2) }
        #expect(broken.count == 1 && broken[0].hasPrefix("hugo.toml:1:"), "\(broken)")
    }

    @Test func docgenYAMLIsAppliedOnTop() throws {
        let (config, problems, root) = try load([
            "hugo.toml": "title = 'Hugo title'\ncontentDir = 'docs'\n[params]\na = 1\n",
            "docgen.yaml": "title: docgen title\nsitemap: false\n",
        ])
        defer { try? FileManager.default.removeItem(atPath: root) }
        #expect(problems == [])
        #expect(config.title == "docgen title")
        #expect(config.contentDir == "docs")
        #expect(config.params["a"]?.int == 1)
    }

    /// What a build writes from these settings: the navbar, robots.txt, no 404 page or sitemap, no ignored files.
    @Test func aHugoSiteBuildsFromItsConfiguration() throws {
        let root = try site([
            "hugo.toml": """
            baseURL = "https://docs.example.com/manual/"
            title = "Widget Manual"
            enableRobotsTXT = true
            disableKinds = ["404", "sitemap"]
            ignoreFiles = ["\\\\.draft\\\\.md$"]
            [[menus.main]]
            name = "Guides"
            pageRef = "/guides"
            weight = 20
            [[menus.main]]
            name = "Home"
            url = "/"
            weight = 10
            [[menus.main]]
            name = "GitHub"
            url = "https://github.com/example/widgets"
            weight = 30
            [[menus.main]]
            name = "API"
            url = "/api/"
            parent = "Guides"
            [params]
            tagline = "Small & sturdy"
            """,
            "content/_index.md": "---\ntitle: Home\n---\nWelcome.\n",
            "content/guides/_index.md": "---\ntitle: Guides\n---\n",
            "content/guides/notes.draft.md": "---\ntitle: Not yet\n---\n",
            "content/guides/install.md": "---\ntitle: Install\n---\n<div class=\"x\">raw</div>\n\nText.\n",
            "templates/partials/footer.html": "<footer>{{site.params.tagline}}</footer>\n",
        ])
        defer { try? FileManager.default.removeItem(atPath: root) }
        var (settings, problems) = SiteConfig.load(source: root)
        #expect(problems == [])
        settings.destination = root + "/public"
        let report = SiteBuilder.build(settings)
        #expect(report.succeeded, "\(report.diagnostics)")
        let out = root + "/public/"
        let home = try String(contentsOfFile: out + "index.html", encoding: .utf8)
        #expect(home.contains("<a class=\"site-title\" href=\"/manual/\">Widget Manual</a>"))
        #expect(home.contains("""
        <li><a href="/manual/">Home</a></li>
        <li class="has-children"><a href="/manual/guides/">Guides</a>
        <ul>
        <li><a href="/manual/api/">API</a></li>
        </ul></li>
        <li><a href="https://github.com/example/widgets" rel="noopener">GitHub</a></li>
        """), "\(home)")
        #expect(home.contains("<footer>Small &amp; sturdy</footer>"))
        #expect(try String(contentsOfFile: out + "robots.txt", encoding: .utf8) == "User-agent: *")
        #expect(!FileManager.default.fileExists(atPath: out + "404.html"))
        #expect(!FileManager.default.fileExists(atPath: out + "sitemap.xml"))
        #expect(!FileManager.default.fileExists(atPath: out + "guides/notes.draft/index.html"))
        // Hugo's default goldmark settings leave raw HTML out; a Hugo site gets them too.
        let install = try String(contentsOfFile: out + "guides/install/index.html", encoding: .utf8)
        #expect(install.contains("<!-- raw HTML omitted -->"), "\(install)")
        #expect(!install.contains("<div class=\"x\">raw</div>"))
    }
}
