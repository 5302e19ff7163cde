import JSON

/// A JSON document for tools, with a fixed key order so output can be compared byte for byte.
public enum JSONFormatter {
    public static func format(_ findings: [LinkFinding], summary: LinkCheckSummary) -> String {
        JSONValue.object(JSONObject([("findings", .array(findings.map(item))), ("summary", counts(summary))])).serialized(pretty: true) + "\n"
    }

    static func item(_ f: LinkFinding) -> JSONValue {
        .object(JSONObject([
            ("page", .string(f.page)), ("link", .string(f.link)), ("kind", .string(f.kind.rawValue)),
            ("severity", .string(f.severity.rawValue)), ("line", .integer(f.line)), ("column", .integer(f.column)),
            ("source", f.source.map { .string($0.description) } ?? .null), ("message", .string(f.message)),
        ]))
    }

    static func counts(_ summary: LinkCheckSummary) -> JSONValue {
        .object(JSONObject([
            ("pages", .integer(summary.pages)), ("links", .integer(summary.links)), ("externalURLs", .integer(summary.externalURLs)),
            ("cachedURLs", .integer(summary.cachedURLs)), ("filteredURLs", .integer(summary.filteredURLs)),
            ("errors", .integer(summary.errors)), ("info", .integer(summary.infos)),
        ]))
    }
}
