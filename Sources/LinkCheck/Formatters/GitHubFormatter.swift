/// GitHub Actions workflow commands, which show as annotations on the pull request's files. They
/// point at the Markdown source when it is known, since that is the file the pull request changed.
public enum GitHubFormatter {
    public static func format(_ findings: [LinkFinding], summary: LinkCheckSummary, sitePrefix: String = "") -> String {
        var out = ""
        for f in findings {
            let command = f.severity == .error ? "error" : "notice"
            let location: String
            if let source = f.source {
                location = "file=\(property(source.file)),line=\(source.line)"
            } else {
                location = "file=\(property(sitePrefix + f.page)),line=\(f.line),col=\(f.column)"
            }
            out += "::\(command) \(location),title=\(property(f.kind.rawValue))::\(data(f.message))\n"
        }
        return out + summary.line + "\n"
    }

    /// Escaping for the message part of a workflow command.
    static func data(_ text: String) -> String { escape(text, alsoSeparators: false) }

    /// Escaping for `key=value` properties, where `:` and `,` are separators.
    static func property(_ text: String) -> String { escape(text, alsoSeparators: true) }

    /// Works on scalars: "\r\n" is a single Character in Swift and would slip past a Character match.
    private static func escape(_ text: String, alsoSeparators: Bool) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "%": out += "%25"
            case "\r": out += "%0D"
            case "\n": out += "%0A"
            case ":" where alsoSeparators: out += "%3A"
            case "," where alsoSeparators: out += "%2C"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
