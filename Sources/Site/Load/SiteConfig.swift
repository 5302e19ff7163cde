import Basics
import Content
import Diagnostics
import Foundation
import Rendering

/// Settings of one build: `docgen.yaml` at the site root, overridden by command-line flags.
public struct SiteConfig: Sendable {
    /// The site root: holds `content/`, `templates/`, `static/` and `docgen.yaml`.
    public var source = "."
    public var contentDir = "content"
    /// The site's templates folder, relative to the site root unless absolute.
    public var templatesDir = "templates"
    /// The output folder; relative paths are taken from the site root, as Hugo's `publishDir` is.
    public var destination = "public"
    public var baseURL = "/"
    /// Hugo's `defaultContentLanguage`: the only language docgen builds.
    public var defaultLanguage = "en"
    public var title = "Documentation"
    public var includeDrafts = false
    /// Include pages whose publish date is still to come, and those whose expiry date has passed.
    public var includeFuture = false
    public var includeExpired = false
    /// Follow symbolic links in content/ and static/ that point outside the site root.
    public var allowSymlinksOutside = false
    public var headingIDs: HeadingIDRules = .hugo0110
    public var params: [String: YAMLNode] = [:]
    /// Write sitemap.xml; it needs an absolute baseURL, since the protocol allows no relative addresses.
    public var sitemap = true
    /// docgen.yaml gave a baseURL that was refused: that error already covers the sitemap.
    var baseURLRefused = false
    /// How Markdown is rendered: docgen's defaults, or Hugo's when the site has a Hugo configuration.
    public var markup = MarkupSettings()
    /// Site menus by name (`main`: the top navigation), from a Hugo configuration.
    public var menus: [String: [MenuEntry]] = [:]
    /// Regular expressions: content files whose path matches one are not read (Hugo's `ignoreFiles`).
    public var ignoreFiles: [String] = []
    /// Write robots.txt allowing every crawler (Hugo's `enableRobotsTXT`).
    public var robotsTXT = false
    /// Write 404.html (off with Hugo's `disableKinds = ["404"]`).
    public var notFoundPage = true
    /// Write the search index and show the search box (off with `search: false`, or a Hugo
    /// configuration's `params.offlineSearch = false`).
    public var search = true
    /// The Hugo configuration files read, in the order they were applied; empty without one.
    public var hugoConfigFiles: [String] = []

    public init() {}

    /// The configuration file the settings came from, or would have: docgen.yaml at the site root
    /// unless --config named another.
    public var configFile = SiteConfig.fileName

    public static let fileName = "docgen.yaml"

    /// Every configuration file a build reads (or would, once it exists), for `docgen serve` to watch.
    public var configFiles: [String] { hugoConfigFiles + [configFile] }

    /// The file settings problems of the site as a whole are reported at: docgen.yaml when
    /// there is one, else the Hugo configuration, else the site folder.
    var settingsFile: String {
        if FileManager.default.fileExists(atPath: configFile) { return configFile }
        return hugoConfigFiles.first ?? source
    }

    /// The site's settings: its Hugo configuration (hugo.toml, config.toml, config/_default/…)
    /// when it has one, with `docgen.yaml` on top (its keys win). `file` names the one file to
    /// read instead, which must exist: docgen's own when its name starts with "docgen", else a
    /// Hugo configuration.
    public static func load(source: String, file given: String? = nil) -> (SiteConfig, [Diagnostic]) {
        var config = SiteConfig()
        config.source = source
        config.configFile = join(source, fileName)
        var diagnostics: [Diagnostic] = []
        if let given, !FileManager.default.fileExists(atPath: given) {
            return (config, [.error(given, "the configuration file does not exist")])
        }
        let givenIsHugo = given.map { !(($0 as NSString).lastPathComponent.lowercased().hasPrefix("docgen")) } ?? false
        let hugoFiles = givenIsHugo ? [HugoConfigFiles.File(path: given!, key: "")] : given == nil ? HugoConfigFiles.find(in: source) : []
        if !hugoFiles.isEmpty {
            let (tree, problems) = HugoConfigTree.read(hugoFiles)
            diagnostics += problems
            diagnostics += HugoSettings.apply(tree, to: &config)
        }
        if givenIsHugo { return (config, diagnostics) }
        let (own, problems) = applyDocgenFile(given ?? join(source, fileName), required: given != nil, to: config)
        return (own, diagnostics + problems)
    }

    /// `docgen.yaml`'s settings on top of `base`.
    private static func applyDocgenFile(_ file: String, required: Bool, to base: SiteConfig) -> (SiteConfig, [Diagnostic]) {
        var config = base
        config.configFile = file
        guard FileManager.default.fileExists(atPath: file) else {
            return (config, required ? [.error(file, "the configuration file does not exist")] : [])
        }
        guard case .success(let text) = readTextFile(file, limit: Limits.configFileBytes) else {
            return (config, [.error(file, "cannot read the site configuration")])
        }
        let root: YAMLNode
        switch YAMLReader.read(text, file: file) {
        case .failure(let diagnostic): return (config, [diagnostic])
        case .success(nil): return (config, [])
        case .success(let node?): root = node
        }
        guard let pairs = root.mapping else {
            return (config, [.error(file, root.line, root.column, "the configuration must be a mapping of keys to values")])
        }
        var diagnostics: [Diagnostic] = []
        for (key, value) in pairs {
            let name = key.string ?? ""
            func text() -> String? {
                if let s = value.string { return s }
                diagnostics.append(.error(file, value.line, value.column, "'\(name)' must be text"))
                return nil
            }
            switch name {
            case "title": config.title = text() ?? config.title
            case "baseURL":
                if let url = text() {
                    if let problem = baseURLProblem(url) {
                        diagnostics.append(.error(file, value.line, value.column, problem))
                        config.baseURLRefused = true
                    } else {
                        config.baseURL = url
                    }
                }
            case "contentDir": config.contentDir = text() ?? config.contentDir
            case "templatesDir": config.templatesDir = text() ?? config.templatesDir
            case "destination", "publishDir": config.destination = text() ?? config.destination
            case "drafts", "buildDrafts":
                if let flag = value.bool { config.includeDrafts = flag } else {
                    diagnostics.append(.error(file, value.line, value.column, "'\(name)' must be true or false"))
                }
            case "sitemap":
                if let flag = value.bool { config.sitemap = flag } else {
                    diagnostics.append(.error(file, value.line, value.column, "'sitemap' must be true or false"))
                }
            case "highlight":
                if let flag = value.bool { config.markup.highlight = flag } else {
                    diagnostics.append(.error(file, value.line, value.column, "'highlight' must be true or false"))
                }
            case "search":
                if let flag = value.bool { config.search = flag } else {
                    diagnostics.append(.error(file, value.line, value.column, "'search' must be true or false"))
                }
            case "headingIDs":
                if let raw = text() {
                    if let rules = HeadingIDRules(rawValue: raw) { config.headingIDs = rules } else {
                        diagnostics.append(.error(file, value.line, value.column,
                            "'headingIDs' must be one of \(HeadingIDRules.allCases.map(\.rawValue).joined(separator: ", ")), found '\(raw)'"))
                    }
                }
            case "params":
                guard let params = value.mapping else {
                    diagnostics.append(.error(file, value.line, value.column, "'params' must be a mapping"))
                    continue
                }
                for (k, v) in params { config.params[k.string ?? ""] = v }
            default:
                diagnostics.append(.error(file, key.line, key.column,
                    "unknown setting '\(name)'; known: \(knownKeys.joined(separator: ", "))\(nearestName(to: name, among: knownKeys).map { "; did you mean '\($0)'?" } ?? "")"))
            }
        }
        return (config, diagnostics)
    }

    static let knownKeys = ["title", "baseURL", "contentDir", "templatesDir", "destination", "drafts", "headingIDs", "params", "search", "sitemap",
                            "highlight"]

    /// Whether the baseURL is a whole address (scheme and host), not only a path.
    public var hasAbsoluteBase: Bool { baseURL.contains("://") }

    public var contentPath: String { Self.join(source, contentDir) }
    var templatesPath: String { Self.join(source, templatesDir) }
    var staticPath: String { Self.join(source, "static") }
    /// Which links the content and static folders may follow: into the site root, or into the
    /// templates folder when it lies elsewhere.
    var folderWalk: FolderWalk {
        FolderWalk(allowedRoots: [source, templatesPath], allowLinksOutside: allowSymlinksOutside)
    }

    /// The folders a build reads besides the site root, which its destination must stay clear of.
    var sourceFolders: [(name: String, path: String)] {
        [("content folder", contentPath), ("templates folder", templatesPath), ("static folder", staticPath)]
    }

    /// What `docgen serve` watches: the folders a build reads, and the configuration file.
    public var watchedFolders: [String] { sourceFolders.map(\.path) }

    public var destinationPath: String { destination.hasPrefix("/") ? destination : Self.join(source, destination) }

    /// Why `url` cannot be a baseURL, in the writer's terms; nil when it can. It must be an
    /// absolute URL with a scheme and a host (https://example.com/docs/), or a path from the
    /// server's root (/docs/): anything else ends up at the start of every link.
    public static func baseURLProblem(_ url: String) -> String? {
        if url.hasPrefix("/") { return nil }
        guard let scheme = url.range(of: "://") else {
            return "baseURL '\(url)' has no scheme, so every link would start with /\(url): write https://\(url) (or a path such as /docs/)"
        }
        let host = url[scheme.upperBound...].prefix { $0 != "/" }
        let name = url[..<scheme.lowerBound]
        guard !name.isEmpty, name.allSatisfy({ $0.isLetter || $0.isNumber || "+-.".contains($0) }) else {
            return "baseURL '\(url)' does not start with a scheme such as https://"
        }
        if host.isEmpty { return "baseURL '\(url)' names no host: write it as https://example.com/docs/" }
        return nil
    }

    /// The path part of `baseURL`, which every site-relative link starts with.
    public var rootPath: String {
        var path = baseURL
        if let scheme = path.range(of: "://") {
            let afterHost = path[scheme.upperBound...].firstIndex(of: "/") ?? path.endIndex
            path = String(path[afterHost...])
        }
        if !path.hasPrefix("/") { path = "/" + path }
        if !path.hasSuffix("/") { path += "/" }
        return path
    }

    /// `baseURL` without a trailing slash, for absolute links in the sitemap.
    var absoluteBase: String {
        baseURL.hasSuffix("/") ? String(baseURL.dropLast()) : baseURL
    }

    public static func join(_ a: String, _ b: String) -> String {
        if b.hasPrefix("/") { return b }
        if a == "." || a.isEmpty { return b }
        return a.hasSuffix("/") ? a + b : a + "/" + b
    }
}
