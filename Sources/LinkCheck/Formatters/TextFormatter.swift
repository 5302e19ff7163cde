/// `path:line:col: error: message`, the compiler form editors and terminals make clickable.
public enum TextFormatter {
    public static func format(_ findings: [LinkFinding], summary: LinkCheckSummary, sitePrefix: String = "") -> String {
        var out = ""
        for f in findings {
            out += "\(sitePrefix)\(f.page):\(f.line):\(f.column): \(f.severity.rawValue): \(f.message)"
            if let source = f.source { out += " (from \(source))" }
            out += "\n"
        }
        return out + summary.line + "\n"
    }
}
