import ArgumentParser
import Foundation
import LinkCheck
import Site

/// Options shared by `docgen check` and `docgen build --check`.
struct LinkCheckFlags: ParsableArguments {
    @Flag(name: .long, help: "Also check links to other sites (network; off by default).")
    var external = false

    @Option(name: .long, help: ArgumentHelp("Check only external URLs matching this regular expression (repeatable).", valueName: "regex"))
    var include: [String] = []

    @Option(name: .long, help: ArgumentHelp("Skip external URLs matching this regular expression (repeatable).", valueName: "regex"))
    var exclude: [String] = []

    @Option(name: .long, help: ArgumentHelp("Seconds to wait for each external request.", valueName: "seconds"))
    var timeout: Double = Self.defaultTimeout

    @Option(name: .long, help: ArgumentHelp("Cache of external results, so repeated CI runs skip fresh ones.", valueName: "file"))
    var cache: String = Self.defaultCache

    @Option(name: .customLong("cache-ttl"), help: ArgumentHelp("How long a good external result stays fresh, in hours.", valueName: "hours"))
    var cacheTTL: Double = Self.defaultCacheTTL

    static let defaultTimeout = 20.0, defaultCache = ".docgen-linkcheck-cache.json", defaultCacheTTL = 24.0

    /// The flags given that differ from their defaults, by name, for refusing them where they
    /// would do nothing.
    var given: [String] {
        var names: [String] = []
        if external { names.append("--external") }
        if !include.isEmpty { names.append("--include") }
        if !exclude.isEmpty { names.append("--exclude") }
        if timeout != Self.defaultTimeout { names.append("--timeout") }
        if cache != Self.defaultCache { names.append("--cache") }
        if cacheTTL != Self.defaultCacheTTL { names.append("--cache-ttl") }
        return names
    }

    func options(rootPath: String, baseURL: String?, resolver: LinkSourceResolver?) -> LinkCheckOptions {
        var external = ExternalCheckOptions(include: include, exclude: exclude, timeout: timeout)
        external.cacheFile = cache
        external.cacheTTL = cacheTTL * 3600
        return LinkCheckOptions(rootPath: rootPath, baseURL: baseURL, external: self.external,
                                externalOptions: external, sourceResolver: resolver)
    }
}


struct Check: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Check the links, anchors and images of a built site.",
        discussion: """
        Every href and src of every HTML page must lead to a page or file of the site, and every \
        #fragment to an id or <a name> on the target page. Works on any folder of HTML; when the \
        site was built by docgen from --source, findings also name the Markdown file and line. \
        External links are checked only with --external.

        Exit codes: 0 no broken links, 1 broken links found, 2 usage or I/O error.

        Examples:
          docgen check                       # the site the build in the current folder writes
          docgen check public --format github
          docgen check public --external --exclude 'linkedin\\.com'
        """
    )

    @Argument(help: ArgumentHelp("The built site to check (default: the destination docgen.yaml names, else public/ under --source).", valueName: "site"))
    var site: String?

    @OptionGroup var siteOptions: SiteOptions

    @OptionGroup var flags: LinkCheckFlags

    @OptionGroup var output: ReportFormatOption

    func run() async throws {
        // Findings name Markdown sources when --source (by default the current folder) has them.
        let (config, _) = siteOptions.siteConfig()
        // Without a folder named, the one `docgen build` writes with the same settings.
        let site = self.site ?? config.destinationPath
        let hasSources = FileManager.default.fileExists(atPath: SiteConfig.join(siteOptions.source, config.contentDir))
        let map = hasSources ? SourceMap(config: config) : nil
        let resolver: LinkSourceResolver? = map.map { map in { @Sendable in map.resolve(page: $0, link: $1, occurrence: $2) } }
        let code = await runLinkCheck(site: site, options: flags.options(rootPath: config.rootPath, baseURL: nil, resolver: resolver),
                                      format: output.format)
        throw ExitCode(code)
    }
}

/// Runs the checker on the folder `site` and prints its report; returns the exit code.
func runLinkCheck(site: String, options: LinkCheckOptions, format: LinkReportFormat) async -> Int32 {
    do {
        let report = try await LinkChecker.check(siteFolder: site, options: options)
        let prefix = site.hasSuffix("/") ? site : site + "/"
        let text = report.formatted(format, sitePrefix: prefix)
        if !text.isEmpty { print(text, terminator: text.hasSuffix("\n") ? "" : "\n") }
        return report.exitCode.rawValue
    } catch {
        printError("docgen check: error: \(error)")
        return 2
    }
}
