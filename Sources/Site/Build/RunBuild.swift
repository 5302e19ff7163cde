import Diagnostics
import Dispatch
import LinkCheck

extension SiteBuilder {
    /// The whole of `docgen build`: stage the new site (with the link scan as a second sink when
    /// checking), check its links, and swap it in only if everything passed.
    public static func run(_ request: BuildRequest) async -> BuildOutcome {
        let scan = request.linkCheck.map(LinkScan.init)
        let (report, staged) = stage(request.config, defaults: request.defaults, sinks: scan.map { [$0] } ?? [],
                                     speedTricks: request.speedTricks, recordsDependencies: request.recordsDependencies,
                                     settingsProblems: request.settingsProblems)
        var outcome = BuildOutcome(ending: .built, report: report)
        if let refusal = report.refusal {
            outcome.ending = .refused(refusal)
            return outcome
        }
        let waitStart = DispatchTime.now()
        let pass = scan?.internalPass()
        outcome.linkWaitMilliseconds = elapsed(since: waitStart)
        // Broken links keep the new site out, like any other error: exit 1 always means the
        // destination is as it was. A failing build still gets the links of the pages that did
        // render checked, so the writer sees everything in one run.
        if var options = request.linkCheck, let pass {
            let started = DispatchTime.now()
            // Findings point at the Markdown line the link came from.
            let map = report.sourceMap ?? SourceMap(config: request.config)
            options.sourceResolver = { map.resolve(page: $0, link: $1, occurrence: $2) }
            do {
                let links = try await LinkChecker.finish(try pass.get(), options: options)
                outcome.links = links
                if links.exitCode != .clean { outcome.ending = .linksBroken(exitCode: links.exitCode.rawValue) }
            } catch {
                outcome.linkCheckError = "\(error)"
                outcome.ending = .linksBroken(exitCode: LinkCheckExitCode.usageOrIOError.rawValue)
            }
            outcome.linkFinishMilliseconds = elapsed(since: started)
        }
        guard let staged, report.succeeded else {
            outcome.ending = .failed
            return outcome
        }
        if outcome.ending != .built {
            staged.discard()
            return outcome
        }
        outcome.report = staged.commit(report)
        if !outcome.report.succeeded { outcome.ending = .notSwapped }
        return outcome
    }
}
