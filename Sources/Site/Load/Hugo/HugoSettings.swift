import Basics
import Content
import Diagnostics
import Foundation
import Rendering

/// What docgen takes from a Hugo configuration, and what it says about the rest: keys it does
/// not know are ignored quietly (a theme's own settings, services, imaging…); keys that change
/// what Hugo writes but that docgen cannot do the same way give one warning each.
enum HugoSettings {
    static func apply(_ tree: HugoConfigTree, to config: inout SiteConfig) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        config.hugoConfigFiles = tree.files
        config.markup = .hugo

        func text(_ path: String) -> (String, HugoConfigTree.Entry)? {
            guard let entry = tree[path] else { return nil }
            guard let s = entry.node.string else {
                diagnostics.append(error(entry, "'\(path)' must be text"))
                return nil
            }
            return (s, entry)
        }
        func flag(_ path: String) -> Bool? {
            guard let entry = tree[path] else { return nil }
            // Hugo also takes "true" and "false" in quotes.
            guard let b = entry.node.bool ?? Bool(entry.node.string?.lowercased() ?? "") else {
                diagnostics.append(error(entry, "'\(path)' must be true or false"))
                return nil
            }
            return b
        }
        func list(_ path: String) -> [String] {
            guard let entry = tree[path] else { return [] }
            if let s = entry.node.string { return [s] }
            return entry.node.sequence?.compactMap(\.string) ?? []
        }

        // The default language's own settings win over the site-wide ones, as in Hugo.
        let language = text("defaultContentLanguage")?.0 ?? "en"
        let own = "languages.\(language)."
        config.defaultLanguage = language
        if let (url, entry) = text("baseURL") {
            if let problem = SiteConfig.baseURLProblem(url) {
                diagnostics.append(error(entry, problem))
                config.baseURLRefused = true
            } else {
                config.baseURL = url
            }
        }
        if let (title, _) = text(own + "title") ?? text("title") { config.title = title }
        if let (dir, _) = text(own + "contentDir") ?? text("contentDir") { config.contentDir = dir }
        if let (dir, _) = text("publishDir") { config.destination = dir }
        if let drafts = flag("buildDrafts") { config.includeDrafts = drafts }
        if let future = flag("buildFuture") { config.includeFuture = future }
        if let expired = flag("buildExpired") { config.includeExpired = expired }

        for path in ["params", own + "params"] {
            for (key, value) in tree[path]?.node.mapping ?? [] { config.params[key.string ?? ""] = value }
        }
        // Docsy's switch for its offline search; docgen's index is on unless it is false.
        if let off = flag("params.offlineSearch") ?? flag(own + "params.offlineSearch"), !off { config.search = false }
        for path in ["menus", "menu", own + "menus", own + "menu"] {
            for (name, node) in tree[path]?.node.mapping ?? [] {
                let menu = name.string ?? ""
                var entries: [MenuEntry] = []
                for item in node.sequence ?? [node] {
                    switch MenuEntry.read(item) {
                    case .success(let entry): entries.append(entry)
                    case .failure(let problem):
                        diagnostics.append(.error(tree[path]!.file, item.line, item.column, "menus.\(menu): \(problem.reason)"))
                    }
                }
                config.menus[menu, default: []] += entries
            }
        }

        if let raw = flag("markup.goldmark.renderer.unsafe") { config.markup.rawHTML = raw }
        if let fences = flag("markup.highlight.codeFences") { config.markup.highlight = fences }
        if let auto = flag("markup.goldmark.parser.autoHeadingID") { config.markup.autoHeadingID = auto }
        if let (type, entry) = text("markup.goldmark.parser.autoHeadingIDType") {
            if let known = MarkupSettings.HeadingIDType(rawValue: type.lowercased()) {
                config.markup.headingIDType = known
            } else {
                let names = MarkupSettings.HeadingIDType.allCases.map(\.rawValue)
                diagnostics.append(error(entry, "autoHeadingIDType '\(type)' is not one of \(listed(names, conjunction: "or"))"))
            }
        }
        // Hugo 0.111 takes `typographer = false`; later versions `typographer.disable = true`.
        if let entry = tree["markup.goldmark.extensions.typographer"], entry.node.mapping == nil {
            if let on = flag("markup.goldmark.extensions.typographer") { config.markup.typographer = on }
        } else if let off = flag("markup.goldmark.extensions.typographer.disable") {
            config.markup.typographer = !off
        }
        // `parser.attribute = true` (older Hugo) or `parser.attribute.title`.
        if let entry = tree["markup.goldmark.parser.attribute"], entry.node.mapping == nil {
            if let on = flag("markup.goldmark.parser.attribute") { config.markup.headingAttributes = on }
        } else if let on = flag("markup.goldmark.parser.attribute.title") {
            config.markup.headingAttributes = on
        }
        if flag("markup.goldmark.parser.attribute.block") == true {
            diagnostics.append(cannot(tree["markup.goldmark.parser.attribute.block"]!,
                                      "attributes on blocks other than headings ({.class} after a paragraph) are not applied; they stay as text"))
        }

        var robotsDisabled = false
        for kind in list("disableKinds") {
            switch kind.lowercased() {
            case "sitemap": config.sitemap = false
            case "robotstxt": robotsDisabled = true
            case "404": config.notFoundPage = false
            case "rss", "taxonomy", "term", "taxonomyterm": break  // docgen writes none of these
            default:
                diagnostics.append(cannot(tree["disableKinds"]!, "disableKinds '\(kind)' is not honoured: docgen still writes those pages"))
            }
        }
        config.robotsTXT = flag("enableRobotsTXT") == true && !robotsDisabled
        for pattern in list("ignoreFiles") {
            if (try? NSRegularExpression(pattern: pattern)) == nil {
                diagnostics.append(error(tree["ignoreFiles"]!, "ignoreFiles: '\(pattern)' is not a regular expression"))
            } else {
                config.ignoreFiles.append(pattern)
            }
        }

        diagnostics += unhonoured(tree, defaultLanguage: language)
        return diagnostics
    }

    /// Settings that change Hugo's output in ways docgen does not follow: one warning each.
    static func unhonoured(_ tree: HugoConfigTree, defaultLanguage: String) -> [Diagnostic] {
        var warnings: [Diagnostic] = []
        for key in ["uglyURLs", "relativeURLs", "canonifyURLs", "defaultContentLanguageInSubdir", "markup.goldmark.renderer.hardWraps"] {
            if let entry = tree[key], entry.node.bool == true {
                warnings.append(cannot(entry, "\(key) = true is not honoured: docgen writes pretty URLs from the site root, as with false"))
            }
        }
        if let entry = tree["permalinks"], !(entry.node.mapping ?? []).isEmpty {
            warnings.append(cannot(entry, "permalinks are not honoured: pages keep the URLs of their folders (or their url and slug)"))
        }
        if let entry = tree["taxonomies"], !(entry.node.mapping ?? []).isEmpty {
            warnings.append(cannot(entry, "taxonomies are not written: docgen makes no tag or category pages"))
        }
        let others = tree.keys(of: "languages").filter { $0.lowercased() != defaultLanguage.lowercased() }
        if !others.isEmpty, let entry = tree["languages"] {
            warnings.append(cannot(entry, "only the default language (\(defaultLanguage)) is built; \(listed(others)) \(others.count == 1 ? "is" : "are") left out"))
        }
        if let entry = tree["outputs"] {
            let extra = Set((entry.node.mapping ?? []).flatMap { $0.value.sequence?.compactMap(\.string) ?? [] }
                .filter { !["html", "rss", "sitemap", "robots"].contains($0.lowercased()) })
            if !extra.isEmpty {
                warnings.append(cannot(entry, "output formats \(listed(extra.sorted())) are not written: docgen writes HTML pages only"))
            }
        }
        if let entry = tree["markup.defaultMarkdownHandler"], let handler = entry.node.string, handler.lowercased() != "goldmark" {
            warnings.append(cannot(entry, "defaultMarkdownHandler '\(handler)' is not honoured: docgen renders Markdown with cmark-gfm, as goldmark does"))
        }
        return warnings
    }

    static func error(_ entry: HugoConfigTree.Entry, _ message: String) -> Diagnostic {
        .error(entry.file, entry.node.line, entry.node.column, message)
    }

    static func cannot(_ entry: HugoConfigTree.Entry, _ message: String) -> Diagnostic {
        .warning(entry.file, entry.node.line, entry.node.column, message)
    }
}
