import Diagnostics
import JSON

/// The whole report of `docgen build` in one format: the build's own problems and, with
/// `--check`, the link findings, so a CI job reading one stream sees every problem of the run.
public enum BuildReportFormatter {
    /// `sitePrefix` goes before page paths of findings whose Markdown source is unknown.
    public static func format(_ format: LinkReportFormat, diagnostics: [Diagnostic], links: LinkCheckReport?,
                              sitePrefix: String = "") -> String {
        switch format {
        case .text:
            // One list in file order: a link finding is shown where the writer wrote the link.
            let all = (diagnostics + (links?.findings.map { $0.diagnostic(sitePrefix: sitePrefix) } ?? [])).sortedByLocation()
            var out = all.map { $0.description + "\n" }.joined()
            if let links { out += "links: " + links.summary.line + "\n" }
            return out
        case .json:
            var fields: [(String, JSONValue)] = [("diagnostics", .array(diagnostics.map(json)))]
            if let links {
                fields += [("findings", .array(links.findings.map(JSONFormatter.item))), ("summary", JSONFormatter.counts(links.summary))]
            }
            return JSONValue.object(JSONObject(fields)).serialized(pretty: true) + "\n"
        case .github:
            let annotations = diagnostics.map { d in
                let command = d.severity == .error ? "error" : "warning"
                var location = "file=\(GitHubFormatter.property(d.location.file))"
                if !d.location.isWholeFile { location += ",line=\(d.location.line),col=\(d.location.column)" }
                return "::\(command) \(location),title=docgen build::\(GitHubFormatter.data(d.message))\n"
            }.joined()
            guard let links else { return annotations }
            return annotations + GitHubFormatter.format(links.findings, summary: links.summary, sitePrefix: sitePrefix)
        case .junit:
            let report = links ?? LinkCheckReport(findings: [], pages: [], summary: LinkCheckSummary())
            return JUnitFormatter.format(report.findings, pages: report.pages, summary: report.summary,
                                         sitePrefix: sitePrefix, diagnostics: diagnostics)
        }
    }

    private static func json(_ d: Diagnostic) -> JSONValue {
        .object(JSONObject([
            ("file", .string(d.location.file)),
            ("line", d.location.isWholeFile ? .null : .integer(d.location.line)),
            ("column", d.location.isWholeFile ? .null : .integer(d.location.column)),
            ("severity", .string(d.severity.rawValue)), ("message", .string(d.message)),
        ]))
    }
}
