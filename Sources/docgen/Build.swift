import ArgumentParser
import Diagnostics
import Foundation
import LinkCheck
import Rendering
import Site

struct Build: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Build the site in --source into --destination.",
        discussion: """
        Every problem of the build is listed as path:line:col: error: message, and then docgen \
        exits with code 1 without touching the destination: the site is built in a hidden folder \
        beside it and swapped in only when everything succeeded (with --check, the link check \
        too).

        The destination must be docgen's: a new or empty folder, or one a build wrote (it holds \
        a .docgen-output marker). A folder with other files in it, the site root, or a folder in \
        content/, templates/ or static/ is refused with exit code 2 before anything is touched.

        Settings can also live in docgen.yaml at the site root (title, baseURL, contentDir, \
        templatesDir, destination, drafts, headingIDs, params, sitemap, highlight); flags win over the file. \
        sitemap.xml needs baseURL to be the site's whole address (https://…); with only a path, \
        it is left out with a warning.

        Examples:
          docgen build
          docgen build --source docs --destination /tmp/site
          docgen build --check --baseURL https://example.com/docs/
        """
    )

    @OptionGroup var site: SiteOptions

    @Option(name: .long, help: ArgumentHelp("Where to write the site (default: public/ under the site root).", valueName: "dir"))
    var destination: String?

    @OptionGroup var inputs: BuildInputs

    @Flag(name: .long, help: "Print how long each stage of the build took.")
    var timings = false

    @Flag(name: .long, help: "Check the links, anchors and images of the new site after building it (see `docgen check --help`).")
    var check = false

    @OptionGroup(title: "Link checking (with --check)") var linkCheck: LinkCheckFlags

    @OptionGroup var output: ReportFormatOption

    func validate() throws {
        let given = linkCheck.given + (output.format == .junit ? ["--format junit"] : [])
        if !check, !given.isEmpty {
            throw ValidationError("\(given.joined(separator: ", ")) \(given.count == 1 ? "applies" : "apply") to the link check, which runs only with --check: add --check, or leave \(given.count == 1 ? "it" : "them") out")
        }
    }

    func run() async throws {
        var (config, problems) = site.siteConfig()
        if let destination {
            // A destination given on the command line is taken from where docgen runs.
            config.destination = destination.hasPrefix("/") ? destination : FileManager.default.currentDirectoryPath + "/" + destination
        }
        try inputs.apply(to: &config)
        try requireSiteFolders(source: site.source, config: config)
        let linkOptions = check ? linkCheck.options(rootPath: config.rootPath, baseURL: nil, resolver: nil) : nil
        // DOCGEN_PLAIN=1 builds without the speed tricks (the output must be the same).
        let plain = ProcessInfo.processInfo.environment["DOCGEN_PLAIN"] == "1"
        var request = BuildRequest(config: config, linkCheck: linkOptions, speedTricks: !plain)
        // Settings mistakes are listed with the site's own, in one run; nothing is written then.
        request.settingsProblems = problems
        let outcome = await SiteBuilder.run(request)
        let report = outcome.report
        if case .refused(let refusal) = outcome.ending {
            printError("docgen: error: \(refusal)")
            throw ExitCode(2)
        }
        printReport(report.diagnostics, links: outcome.links, destination: report.destination)
        if timings {
            for (name, ms) in report.stages.dropLast(outcome.ending == .built ? 1 : 0) { printError("docgen: \(ms) ms  \(name)") }
            if check { printError("docgen: \(outcome.linkWaitMilliseconds) ms  check links (waiting after the build)") }
        }
        if let error = outcome.linkCheckError { printError("docgen check: error: \(error)") }
        if timings && check { printError("docgen: \(outcome.linkFinishMilliseconds) ms  check links") }
        switch outcome.ending {
        case .refused: break
        case .failed:
            let count = report.diagnostics.filter { $0.severity == .error }.count + (outcome.links?.summary.errors ?? 0)
            printError("docgen: build failed with \(count) error\(count == 1 ? "" : "s"); \(report.destination) was not changed")
            throw ExitCode(1)
        case .linksBroken(let code):
            printError("docgen: the link check failed; \(report.destination) was not changed")
            throw ExitCode(code)
        case .notSwapped:
            printError("docgen: the new site could not be swapped in; \(report.destination) was not changed")
            throw ExitCode(2)
        case .built:
            if timings, let swap = report.stages.last { printError("docgen: \(swap.milliseconds) ms  \(swap.name)") }
            // With a machine-readable report, stdout holds only that report.
            if output.format != .text { printError("docgen: \(report.summary)") } else { print("docgen: \(report.summary)") }
        }
    }

    /// Every problem of the run in the chosen format: text goes to stderr beside docgen's other
    /// messages, the machine-readable formats to stdout, where tools read them.
    private func printReport(_ diagnostics: [Diagnostic], links: LinkCheckReport?, destination: String) {
        let prefix = destination.hasSuffix("/") ? destination : destination + "/"
        let text = BuildReportFormatter.format(output.format, diagnostics: diagnostics, links: links, sitePrefix: prefix)
        guard !text.isEmpty else { return }
        if output.format == .text { printError(String(text.dropLast())) } else { print(text, terminator: "") }
    }
}
