/// A JSON document for tools: written by hand so the key order is fixed and the output can be
/// compared byte for byte.
public enum JSONFormatter {
    public static func format(_ findings: [LinkFinding], summary: LinkCheckSummary) -> String {
        var out = "{\n  \"findings\": ["
        for (i, f) in findings.enumerated() {
            out += i == 0 ? "\n" : ",\n"
            out += "    {\n"
            out += "      \"page\": \(quoted(f.page)),\n"
            out += "      \"link\": \(quoted(f.link)),\n"
            out += "      \"kind\": \(quoted(f.kind.rawValue)),\n"
            out += "      \"severity\": \(quoted(f.severity.rawValue)),\n"
            out += "      \"line\": \(f.line),\n"
            out += "      \"column\": \(f.column),\n"
            out += "      \"source\": \(f.source.map { quoted($0.description) } ?? "null"),\n"
            out += "      \"message\": \(quoted(f.message))\n"
            out += "    }"
        }
        out += findings.isEmpty ? "],\n" : "\n  ],\n"
        out += "  \"summary\": {\n"
        let counts: [(String, Int)] = [
            ("pages", summary.pages), ("links", summary.links), ("externalURLs", summary.externalURLs),
            ("cachedURLs", summary.cachedURLs), ("filteredURLs", summary.filteredURLs),
            ("errors", summary.errors), ("info", summary.infos),
        ]
        out += counts.map { "    \(quoted($0.0)): \($0.1)" }.joined(separator: ",\n")
        out += "\n  }\n}\n"
        return out
    }

    static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
