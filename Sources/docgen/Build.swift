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
        destination, drafts, headingIDs, params); flags win over the file.

        Examples:
          docgen build
          docgen build --source docs --destination /tmp/site
          docgen build --check --baseURL https://example.com/docs/
        """
    )

    @Option(name: .long, help: ArgumentHelp("The site root, holding content/, templates/, static/ and docgen.yaml.", valueName: "dir"))
    var source = "."

    @Option(name: .long, help: ArgumentHelp("Where to write the site (default: public/ under the site root).", valueName: "dir"))
    var destination: String?

    @Option(name: .customLong("baseURL"), help: ArgumentHelp("The URL the site is served from; its path prefixes every link.", valueName: "url"))
    var baseURL: String?

    @Option(name: .customLong("contentDir"), help: ArgumentHelp("The content folder, relative to the site root (default: content).", valueName: "dir"))
    var contentDir: String?

    @Option(name: .long, help: ArgumentHelp("The site's templates folder (default: templates/ under the site root).", valueName: "dir"))
    var templates: String?

    @Flag(name: .long, help: "Include pages with draft: true.")
    var drafts = false

    @Flag(name: .customLong("allow-symlinks-outside"),
          help: "Follow symbolic links in content/ and static/ that point outside the site root (refused by default).")
    var allowSymlinksOutside = false

    @Flag(name: .long, help: "Print how long each stage of the build took.")
    var timings = false

    @Flag(name: .long, help: "Check the links, anchors and images of the new site after building it (see `docgen check --help`).")
    var check = false

    @OptionGroup(title: "Link checking (with --check)") var linkCheck: LinkCheckFlags

    @Option(name: .customLong("heading-ids"), help: ArgumentHelp("Heading-ID rules: hugo-0.110 (default) or hugo-current.", valueName: "rules"))
    var headingIDs: String?

    func run() async throws {
        var (config, problems) = SiteConfig.load(source: source)
        if let destination {
            // A destination given on the command line is taken from where docgen runs.
            config.destination = destination.hasPrefix("/") ? destination : FileManager.default.currentDirectoryPath + "/" + destination
        }
        if let baseURL { config.baseURL = baseURL }
        if let contentDir { config.contentDir = contentDir }
        if let templates {
            config.templatesDir = templates.hasPrefix("/") ? templates : FileManager.default.currentDirectoryPath + "/" + templates
        }
        if drafts { config.includeDrafts = true }
        if allowSymlinksOutside { config.allowSymlinksOutside = true }
        if let headingIDs {
            guard let rules = HeadingIDRules(rawValue: headingIDs) else {
                throw ValidationError("--heading-ids must be one of: \(HeadingIDRules.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            config.headingIDs = rules
        }
        guard problems.isEmpty else {
            printDiagnostics(problems)
            throw ExitCode(1)
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: source, isDirectory: &isDirectory), isDirectory.boolValue else {
            printError("docgen: error: site folder '\(source)' does not exist")
            throw ExitCode(2)
        }
        // The internal link check works on the new site in memory: each page is scanned for links
        // as soon as it is written, and the links are checked alongside the end of the build.
        let linkOptions = check ? linkCheck.options(rootPath: config.rootPath, baseURL: nil, resolver: nil) : nil
        let pass = Box<Result<LinkChecker.InternalPass, Error>>()
        let scanned = Box<[String: ScannedPage]>()
        scanned.value = [:]
        let lock = NSLock()
        let checking = DispatchGroup()
        let whileWriting = linkOptions.map { options in
            SiteInMemory(
                page: { path, html in
                    let page = LinkChecker.scan(html: html)
                    lock.withLock { scanned.value?[path] = page }
                },
                site: { files, html in
                    DispatchQueue.global().async(group: checking) {
                        let snapshot = SiteSnapshot(files: files, html: html, scanned: lock.withLock { scanned.value ?? [:] })
                        pass.value = Result { try LinkChecker.internalPass(snapshot: snapshot, options: options) }
                    }
                })
        }
        var (report, staged) = SiteBuilder.stage(config, whileWriting: whileWriting)
        if let refusal = report.refusal {
            printError("docgen: error: \(refusal)")
            throw ExitCode(2)
        }
        let waitStart = DispatchTime.now()
        checking.wait()
        let waited = (DispatchTime.now().uptimeNanoseconds - waitStart.uptimeNanoseconds) / 1_000_000
        printDiagnostics(report.diagnostics)
        if timings {
            for (name, ms) in report.stages { printError("docgen: \(ms) ms  \(name)") }
            if check { printError("docgen: \(waited) ms  check links (waiting after the build)") }
        }
        guard let staged, report.succeeded else {
            let count = report.diagnostics.filter { $0.severity == .error }.count
            printError("docgen: build failed with \(count) error\(count == 1 ? "" : "s"); \(report.destination) was not changed")
            throw ExitCode(1)
        }
        // Broken links keep the new site out, like any other error: exit 1 always means the
        // destination is as it was.
        if var linkOptions, let pass = pass.value {
            let started = DispatchTime.now()
            // Findings point at the Markdown line the link came from.
            let map = report.sourceMap ?? SourceMap(config: config)
            linkOptions.sourceResolver = { map.resolve(page: $0, link: $1, occurrence: $2) }
            let code = await runLinkCheck(site: report.destination, options: linkOptions, format: linkCheck.format) {
                try await LinkChecker.finish(try pass.get(), options: linkOptions)
            }
            if timings {
                printError("docgen: \((DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1_000_000) ms  check links")
            }
            if code != 0 {
                staged.discard()
                printError("docgen: the link check failed; \(report.destination) was not changed")
                throw ExitCode(code)
            }
        }
        report = staged.commit(report)
        guard report.succeeded else {
            printDiagnostics(report.diagnostics.filter { $0.severity == .error })
            printError("docgen: the new site could not be swapped in; \(report.destination) was not changed")
            throw ExitCode(2)
        }
        if timings, let swap = report.stages.last { printError("docgen: \(swap.milliseconds) ms  \(swap.name)") }
        // With a machine-readable link report, stdout holds only that report.
        if check && linkCheck.format != .text { printError("docgen: \(report.summary)") } else { print("docgen: \(report.summary)") }
    }
}

/// A value handed back from a closure that runs on another thread and is waited for.
final class Box<Value>: @unchecked Sendable {
    var value: Value?
}
