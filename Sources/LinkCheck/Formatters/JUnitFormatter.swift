import Diagnostics
/// JUnit XML, which most CI systems render as a test report: one test case per page, one failure
/// per broken link on it. Info findings go to the case's `system-out` so they show without failing.
public enum JUnitFormatter {
    /// `diagnostics`, the build's own problems (`docgen build --check`), make one more test case
    /// per source file, before the pages'.
    public static func format(_ findings: [LinkFinding], pages: [String], summary: LinkCheckSummary,
                              sitePrefix: String = "", diagnostics: [Diagnostic] = []) -> String {
        var byPage: [String: [LinkFinding]] = [:]
        for f in findings { byPage[f.page, default: []].append(f) }
        // Pages with findings are test cases even if the caller did not list them.
        let allPages = Set(pages).union(byPage.keys).sorted()
        var byFile: [String: [Diagnostic]] = [:]
        for d in diagnostics { byFile[d.location.file, default: []].append(d) }
        let failures = findings.filter { $0.severity == .error }.count + diagnostics.filter { $0.severity == .error }.count

        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        out += "<testsuite name=\"docgen link check\" tests=\"\(allPages.count + byFile.count)\" failures=\"\(failures)\" errors=\"0\" skipped=\"0\">\n"
        for (file, problems) in byFile.sorted(by: { $0.key < $1.key }) {
            out += "  <testcase name=\"\(escape(file))\" classname=\"build\">\n"
            let notes = problems.filter { $0.severity != .error }.map(\.description)
            for d in problems where d.severity == .error {
                out += "    <failure type=\"build\" message=\"\(escape(d.message))\">" + escape(d.description) + "</failure>\n"
            }
            if !notes.isEmpty { out += "    <system-out>" + escape(notes.joined(separator: "\n")) + "</system-out>\n" }
            out += "  </testcase>\n"
        }
        for page in allPages {
            let name = "name=\"\(escape(page))\" classname=\"links\""
            let pageFindings = byPage[page] ?? []
            guard !pageFindings.isEmpty else {
                out += "  <testcase \(name)/>\n"
                continue
            }
            out += "  <testcase \(name)>\n"
            var notes: [String] = []
            for f in pageFindings {
                let location = "\(sitePrefix)\(f.page):\(f.line):\(f.column)"
                let from = f.source.map { " (from \($0))" } ?? ""
                if f.severity == .error {
                    out += "    <failure type=\"\(f.kind.rawValue)\" message=\"\(escape(f.message))\">"
                    out += escape("\(location): \(f.link)\(from)") + "</failure>\n"
                } else {
                    notes.append("\(location): \(f.kind.rawValue): \(f.message)\(from)")
                }
            }
            if !notes.isEmpty {
                out += "    <system-out>" + escape(notes.joined(separator: "\n")) + "</system-out>\n"
            }
            out += "  </testcase>\n"
        }
        return out + "</testsuite>\n"
    }

    /// Escapes for both text and attribute values, and drops characters XML 1.0 cannot hold at all.
    static func escape(_ text: String) -> String {
        var out = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            case "\t", "\n", "\r": out.unicodeScalars.append(scalar)
            case _ where scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF:
                out += "\u{FFFD}"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
