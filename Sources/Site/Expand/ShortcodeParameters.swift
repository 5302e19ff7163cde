import Basics
import Diagnostics
import Shortcodes

/// The parameters a built-in shortcode reads: a name it does not know, a value outside the
/// allowed ones or one positional argument too many is an error, with the nearest name or the
/// allowed values, instead of being dropped without a word (Hugo's way).
struct ShortcodeParameters {
    /// Named parameters, each with the values it allows (nil: any text).
    var named: [String: [String]?]
    /// How many positional arguments it reads, and what they are, for the message.
    var positional: [String] = []

    static let alertColors = ["primary", "secondary", "success", "danger", "warning", "info", "light", "dark"]
    /// One problem per argument the shortcode does not take, at the shortcode.
    func problems(of shortcode: Shortcode) -> [String] {
        var problems: [String] = []
        let name = shortcode.name
        for (key, value) in shortcode.arguments.named {
            guard let allowed = named[key] else {
                let hint = nearestName(to: key, among: Array(named.keys)).map { "did you mean \($0)=? " } ?? ""
                problems.append("\(name) has no parameter '\(key)': \(hint)it takes \(list(named.keys.sorted()))")
                continue
            }
            if let allowed, !allowed.contains(value) {
                let hint = nearestName(to: value, among: allowed).map { "did you mean '\($0)'? " } ?? ""
                problems.append("\(name): \(key)=\"\(value)\" is not one of the values it takes: \(hint)use one of \(list(allowed))")
            }
        }
        if shortcode.arguments.positional.count > positional.count {
            let extra = shortcode.arguments.positional[positional.count...].map { "\"\($0)\"" }.joined(separator: " ")
            problems.append(positional.isEmpty
                ? "\(name) takes no unnamed arguments, found \(extra): name them, as in \(name) \(named.keys.sorted().first ?? "name")=\"…\""
                : "\(name) takes at most \(positional.count) unnamed argument\(positional.count == 1 ? "" : "s") (\(list(positional))), found more: \(extra)")
        }
        return problems
    }

    private func list(_ items: [String]) -> String {
        items.count <= 1 ? items.joined() : items.dropLast().joined(separator: ", ") + " and " + items.last!
    }
}
