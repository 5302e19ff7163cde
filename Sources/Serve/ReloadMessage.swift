import Diagnostics
import JSON

/// What the server tells open pages after a build (see `LiveReload.script`): the URL paths of
/// the outputs that changed, and the errors of the last build (none when it succeeded).
public enum ReloadMessage {
    public static func json(changed: [String], errors: [Diagnostic], basePath: String) -> String {
        let base = basePath.hasSuffix("/") ? basePath : basePath + "/"
        let problems = errors.filter { $0.severity == .error }.map { error -> JSONValue in
            .object(JSONObject([("at", .string("\(error.location)")), ("message", .string(error.message))]))
        }
        return JSONValue.object(JSONObject([
            ("changed", .array(changed.map { .string(base + $0) })),
            ("errors", .array(problems)),
        ])).serialized()
    }
}
