import Diagnostics
import LinkCheck

/// Everything `docgen build` was asked to do, as the command line gave it.
public struct BuildRequest: Sendable {
    public var config: SiteConfig
    /// The templates used where the site has none of its own; tests pass `[:]`.
    public var defaults: [String: String]
    /// Check the new site's links before swapping it in; nil: no check.
    public var linkCheck: LinkCheckOptions?
    /// Speed tricks on (the default) or off; the output is the same either way (see `SpeedTricks`).
    public var speedTricks: Bool
    /// Work out what each output was made from (`BuildReport.dependencies`), for a caller that
    /// rebuilds after changes (`docgen serve`); a one-off build does not need it.
    public var recordsDependencies: Bool
    /// Mistakes in the settings (docgen.yaml) found before the build. The build still runs, to
    /// report the site's own problems in the same run, but writes nothing.
    public var settingsProblems: [Diagnostic] = []

    public init(config: SiteConfig, defaults: [String: String] = EmbeddedTemplates.files, linkCheck: LinkCheckOptions? = nil,
                speedTricks: Bool = SpeedTricks.defaultOn, recordsDependencies: Bool = false) {
        self.recordsDependencies = recordsDependencies
        self.config = config
        self.defaults = defaults
        self.linkCheck = linkCheck
        self.speedTricks = speedTricks
    }
}

/// How a build ended, for the command line to print and turn into an exit code.
public struct BuildOutcome: Sendable {
    public enum Ending: Sendable, Equatable {
        /// The destination is not docgen's to write (see `OutputOwnership`): nothing was touched. Exit 2.
        case refused(String)
        /// Content, template or writing errors, in `report.diagnostics`; the destination is unchanged. Exit 1.
        case failed
        /// The link check found broken links (exit 1) or could not run (exit 2); the destination is unchanged.
        case linksBroken(exitCode: Int32)
        /// Built, but the swap failed (`report.diagnostics` says why); the destination is unchanged. Exit 2.
        case notSwapped
        /// The new site is in place.
        case built
    }

    public var ending: Ending
    public var report: BuildReport
    /// The link check's report, when one ran.
    public var links: LinkCheckReport?
    /// Why the link check could not run at all.
    public var linkCheckError: String?
    /// Milliseconds spent waiting for the link check after the pages were written, and checking
    /// after that (external links, the report), for `--timings`.
    public var linkWaitMilliseconds = 0
    public var linkFinishMilliseconds = 0
}
