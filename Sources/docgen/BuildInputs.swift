import ArgumentParser
import Foundation
import Rendering
import Site

/// What a build reads besides the site options: shared by `docgen build` and `docgen serve`, so
/// that a preview is built exactly as the published site.
struct BuildInputs: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The site's templates folder (default: templates/ under the site root).", valueName: "dir"))
    var templates: String?

    @Flag(name: [.long, .customLong("buildDrafts"), .customShort("D")], help: "Include pages with draft: true.")
    var drafts = false

    @Flag(name: [.customLong("buildFuture"), .customShort("F")],
          help: "Include pages whose publishDate (or date) is in the future.")
    var buildFuture = false

    @Flag(name: [.customLong("buildExpired"), .customShort("E")], help: "Include pages whose expiryDate has passed.")
    var buildExpired = false

    @Flag(name: .customLong("allow-symlinks-outside"),
          help: "Follow symbolic links in content/ and static/ that point outside the site root (refused by default).")
    var allowSymlinksOutside = false

    @Option(name: .customLong("heading-ids"), help: ArgumentHelp("Heading-ID rules: hugo-0.110 (default) or hugo-current.", valueName: "rules"))
    var headingIDs: String?

    /// Checked while parsing, so that the message points at the command's own --help.
    func validate() throws {
        if let headingIDs, HeadingIDRules(rawValue: headingIDs) == nil {
            throw ValidationError("--heading-ids must be one of: \(HeadingIDRules.allCases.map(\.rawValue).joined(separator: ", ")); '\(headingIDs)' is none of them")
        }
    }

    /// The configuration with these flags on top.
    func apply(to config: inout SiteConfig) throws {
        if let templates {
            config.templatesDir = templates.hasPrefix("/") ? templates : FileManager.default.currentDirectoryPath + "/" + templates
        }
        if drafts { config.includeDrafts = true }
        if buildFuture { config.includeFuture = true }
        if buildExpired { config.includeExpired = true }
        if allowSymlinksOutside { config.allowSymlinksOutside = true }
        if let headingIDs {
            guard let rules = HeadingIDRules(rawValue: headingIDs) else {
                throw ValidationError("--heading-ids must be one of: \(HeadingIDRules.allCases.map(\.rawValue).joined(separator: ", "))")
            }
            config.headingIDs = rules
        }
    }
}
