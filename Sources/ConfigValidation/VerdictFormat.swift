import JSON

/// How `docgen validate` prints its verdicts.
public enum VerdictFormat: String, CaseIterable, Sendable {
    case text, json, github

    public func render(_ verdicts: [FileVerdict]) -> String {
        switch self {
        case .text:
            var out = ""
            for verdict in verdicts {
                for p in verdict.problems {
                    out += "\(p.file):\(p.line):\(p.column): error: \(p.subject.map { $0 + ": " } ?? "")\(p.message)\n"
                }
            }
            out += Self.summary(verdicts) + "\n"
            return out
        case .json:
            let files: [JSONValue] = verdicts.map { verdict in
                .object(JSONObject([
                    ("file", .string(verdict.file)),
                    ("valid", .bool(verdict.valid)),
                    ("errors", .array(verdict.problems.map { p in
                        .object(JSONObject([
                            ("pointer", .string(p.pointer)), ("label", p.label.map(JSONValue.string) ?? .null),
                            ("line", .integer(p.line)), ("column", .integer(p.column)),
                            ("keyword", .string(p.keyword)), ("message", .string(p.message)),
                        ]))
                    })),
                ]))
            }
            let valid = verdicts.filter(\.valid).count
            return JSONValue.object(JSONObject([
                ("files", .array(files)),
                ("summary", .object(JSONObject([("files", .integer(verdicts.count)), ("valid", .integer(valid)),
                                                ("invalid", .integer(verdicts.count - valid))]))),
            ])).serialized(pretty: true) + "\n"
        case .github:
            var out = ""
            for verdict in verdicts {
                for p in verdict.problems {
                    let subject = p.subject.map { $0 + ": " } ?? ""
                    out += "::error file=\(Self.property(p.file)),line=\(p.line),col=\(p.column),title=docgen validate::\(Self.data(subject + p.message))\n"
                }
            }
            return out
        }
    }

    static func summary(_ verdicts: [FileVerdict]) -> String {
        let invalid = verdicts.filter { !$0.valid }.count
        let problems = verdicts.reduce(0) { $0 + $1.problems.count }
        let noun = verdicts.count == 1 ? "config" : "configs"
        if invalid == 0 { return "docgen: \(verdicts.count) \(noun) valid" }
        return "docgen: \(invalid) of \(verdicts.count) \(noun) invalid (\(problems) problem\(problems == 1 ? "" : "s"))"
    }

    // GitHub's workflow-command escaping.
    static func data(_ s: String) -> String {
        s.replacingOccurrences(of: "%", with: "%25").replacingOccurrences(of: "\r", with: "%0D").replacingOccurrences(of: "\n", with: "%0A")
    }

    static func property(_ s: String) -> String {
        data(s).replacingOccurrences(of: ":", with: "%3A").replacingOccurrences(of: ",", with: "%2C")
    }
}
