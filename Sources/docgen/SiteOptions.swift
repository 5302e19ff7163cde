import ArgumentParser
import Diagnostics
import Foundation
import Site

/// Where the site is and how its URLs look: shared by `docgen build`, `docgen serve` and `docgen check`.
struct SiteOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The site root, holding content/, templates/, static/ and docgen.yaml.", valueName: "dir"))
    var source = "."

    @Option(name: .customLong("baseURL"), help: ArgumentHelp("The URL the site is served from; its path prefixes every link (default: from docgen.yaml).", valueName: "url"))
    var baseURL: String?

    @Option(name: .customLong("contentDir"), help: ArgumentHelp("The content folder, relative to the site root (default: from docgen.yaml, else content).", valueName: "dir"))
    var contentDir: String?

    @Option(name: .long, help: ArgumentHelp("The configuration file (default: docgen.yaml in the site root, if there is one).", valueName: "file"))
    var config: String?

    func validate() throws {
        if let baseURL, let problem = SiteConfig.baseURLProblem(baseURL) { throw ValidationError(problem) }
    }

    /// docgen.yaml of the site root (or --config) with these flags on top (flags win), and its problems.
    func siteConfig() -> (SiteConfig, [Diagnostic]) {
        var (config, problems) = SiteConfig.load(source: source, file: self.config)
        if let baseURL { config.baseURL = baseURL }
        if let contentDir { config.contentDir = contentDir }
        return (config, problems)
    }
}
