import ArgumentParser
import Diagnostics
import Foundation
import Serve
import Site

struct Serve: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Preview the site while you edit it: build it in memory, serve it, rebuild on every change.",
        discussion: """
        The site is built as `docgen build` would build it, but into memory: public/ is never \
        touched. Open the printed URL. Every page served gets a small script that reloads it when \
        it, or something it shows, changes; a changed stylesheet is swapped in without a reload.

        docgen watches content/, templates/, static/ and docgen.yaml with inotify (--poll where \
        inotify does not fire: network drives, some containers and shared folders) and rebuilds \
        only what a change reaches. When a build fails, its errors are printed here as \
        path:line:col and drawn over the page in the browser, which keeps showing the last good \
        build until the next one succeeds.

        Exit codes: 2 when the site folder does not exist or the port cannot be opened; \
        otherwise it runs until stopped (Ctrl+C).

        Examples:
          docgen serve
          docgen serve --source docs --port 8080
          docgen serve --bind 0.0.0.0 --poll
        """
    )

    @OptionGroup var site: SiteOptions

    @OptionGroup var inputs: BuildInputs

    @Option(name: .long, help: ArgumentHelp("The port to listen on (0: any free port).", valueName: "port"))
    var port: UInt16 = 1313

    @Option(name: .long, help: ArgumentHelp("The address to listen on; 0.0.0.0 lets other machines connect.", valueName: "address"))
    var bind = "127.0.0.1"

    @Flag(name: .long, help: "Look for changes by listing the site's files instead of using inotify.")
    var poll = false

    @Option(name: .customLong("poll-interval"), help: ArgumentHelp("Milliseconds between looks with --poll.", valueName: "ms"))
    var pollInterval = 300

    @Flag(name: .long, help: "Print how long each stage of every build took.")
    var timings = false

    func run() async throws {
        var (config, problems) = site.siteConfig()
        try inputs.apply(to: &config)
        try requireSiteFolders(source: site.source, config: config)
        guard problems.isEmpty else {
            printDiagnostics(problems)
            throw ExitCode(1)
        }
        let plain = ProcessInfo.processInfo.environment["DOCGEN_PLAIN"] == "1"
        let settings = ServeSettings(request: BuildRequest(config: config, speedTricks: !plain, recordsDependencies: true),
                                     bind: bind, port: port, poll: poll, pollInterval: max(pollInterval, 10))
        do {
            let timings = self.timings
            try await DevServer.run(settings) { event in Self.print(event, timings: timings) }
        } catch let error as ServeError {
            printError("docgen serve: error: \(error)")
            throw ExitCode(2)
        }
    }

    static func print(_ event: ServeEvent, timings: Bool) {
        switch event {
        case .listening(let url):
            printError("docgen: serving the site at \(url) (press Ctrl+C to stop)")
        case .watching(let how, let problems):
            for problem in problems { printError("docgen serve: warning: \(problem)") }
            printError("docgen: watching for changes (\(how))")
        case .built(let build, let trigger, let fresh):
            printDiagnostics(fresh)
            if timings { for (name, ms) in build.stages { printError("docgen: \(ms) ms  \(name)") } }
            let cause = trigger.isEmpty ? "" : "\(describe(trigger)): "
            let errors = build.diagnostics.filter { $0.severity == .error }.count
            if build.site == nil {
                printError("docgen: \(cause)build failed with \(errors) error\(errors == 1 ? "" : "s"); "
                    + (trigger.isEmpty ? "fix them and save: the site is served once it builds" : "still serving the last good build"))
            } else if trigger.isEmpty {
                let others = (build.site?.files.count ?? 0) - build.renderedPages
                printError("docgen: built \(build.renderedPages) pages and \(others) other files in memory in \(build.milliseconds) ms")
            } else {
                let pages = build.renderedPages == 1 ? "1 page" : "\(build.renderedPages) pages"
                let changed = build.changedOutputs.count == 1 ? "1 file changed" : "\(build.changedOutputs.count) files changed"
                printError("docgen: \(cause)rendered \(pages)\(build.full ? " (all)" : "") in \(build.milliseconds) ms; \(changed)")
            }
        }
    }

    /// The changed files, for one line: an editor's temporary file beside a changed file (the
    /// page saved by writing "page.md.tmp" and renaming it) is left out.
    static func describe(_ paths: Set<String>) -> String {
        let shown = paths.filter { path in
            !paths.contains { other in
                guard path != other, path.hasPrefix(other), let next = path.dropFirst(other.count).first else { return false }
                return next == "." || next == "~"
            }
        }.sorted()
        let list = shown.isEmpty ? paths.sorted() : shown
        return list.count <= 3 ? list.joined(separator: ", ") : "\(list[0]) and \(list.count - 1) more"
    }
}
