import Basics
import Diagnostics
import Shortcodes

/// One parameter a shortcode reads: what kind of value it takes, and what it is when left out.
struct ShortcodeParameter: Equatable {
    enum Kind: Equatable {
        case text
        case number
        case boolean
        case oneOf([String])
    }

    var kind: Kind = .text
    /// Given to the template when the writer leaves the parameter out.
    var defaultValue: String?
    var required = false
    /// What it is, in a few words, for messages ("the page's path").
    var about: String?

    /// Why `value` does not fit, in the writer's terms; nil when it does.
    func problem(with value: String, shortcode: String, name: String) -> String? {
        switch kind {
        case .text:
            return nil
        case .number:
            return Double(value) == nil ? "\(shortcode): \(name)=\"\(value)\" must be a number, such as \(name)=\"3\"" : nil
        case .boolean:
            return ["true", "false"].contains(value) ? nil : "\(shortcode): \(name)=\"\(value)\" must be true or false"
        case .oneOf(let allowed):
            guard !allowed.contains(value) else { return nil }
            let hint = nearestName(to: value, among: allowed).map { "did you mean '\($0)'? " } ?? ""
            return "\(shortcode): \(name)=\"\(value)\" is not one of the values it takes: \(hint)use one of \(listed(allowed))"
        }
    }
}

/// The parameters a shortcode reads: a name it does not know, a value of the wrong kind, a
/// missing required one or one positional argument too many is an error, with the nearest name
/// or the allowed values, instead of being dropped without a word (Hugo's way). Built-in
/// shortcodes declare theirs in `BuiltinShortcodes`; a site's own, at the top of its template
/// (`ShortcodeDeclaration`).
struct ShortcodeParameters: Equatable {
    var named: [String: ShortcodeParameter]
    /// The unnamed arguments it reads, in order.
    var positional: [ShortcodeParameter] = []

    static let alertColors = ["primary", "secondary", "success", "danger", "warning", "info", "light", "dark"]

    init(named: [String: ShortcodeParameter], positional: [ShortcodeParameter] = []) {
        self.named = named
        self.positional = positional
    }

    /// The short form the built-in table uses: kinds by name, positional ones by what they are.
    init(named kinds: [String: ShortcodeParameter.Kind], positional: [String] = []) {
        named = kinds.mapValues { ShortcodeParameter(kind: $0) }
        self.positional = positional.map { ShortcodeParameter(about: $0) }
    }

    /// For a shortcode that wraps content: the closing tag a writer who left it out is told to add.
    var closingTag: String?

    /// The same parameters, for a shortcode that must be closed by `tag` ("{{% /alert %}}").
    func closed(by tag: String) -> ShortcodeParameters {
        var copy = self
        copy.closingTag = tag
        return copy
    }

    /// One problem per argument the shortcode does not take or that does not fit, at the shortcode.
    func problems(of shortcode: Shortcode) -> [String] {
        var problems: [String] = []
        let name = shortcode.name
        for (key, value) in shortcode.arguments.named {
            guard let parameter = named[key] else {
                let hint = nearestName(to: key, among: Array(named.keys)).map { "did you mean \($0)=? " } ?? ""
                problems.append(named.isEmpty
                    ? "\(name) has no parameter '\(key)': it takes no named parameters"
                    : "\(name) has no parameter '\(key)': \(hint)it takes \(listed(named.keys.sorted()))")
                continue
            }
            if let problem = parameter.problem(with: value, shortcode: name, name: key) { problems.append(problem) }
        }
        let given = shortcode.arguments.positional
        for (i, value) in given.prefix(positional.count).enumerated() {
            if let problem = positional[i].problem(with: value, shortcode: name, name: positional[i].about ?? "argument \(i + 1)") {
                problems.append(problem)
            }
        }
        if given.count > positional.count {
            let extra = given[positional.count...].map { "\"\($0)\"" }.joined(separator: " ")
            let abouts = positional.enumerated().map { $1.about ?? "argument \($0 + 1)" }
            problems.append(positional.isEmpty
                ? "\(name) takes no unnamed arguments, found \(extra): name them, as in \(name) \(named.keys.sorted().first ?? "name")=\"…\""
                : "\(name) takes at most \(positional.count) unnamed argument\(positional.count == 1 ? "" : "s") (\(listed(abouts))), found more: \(extra)")
        }
        for (key, parameter) in named.sorted(by: { $0.key < $1.key }) where parameter.required && shortcode.arguments[key] == nil {
            problems.append("\(name) needs \(key)=\"…\"\(parameter.about.map { " (\($0))" } ?? "")")
        }
        for (i, parameter) in positional.enumerated() where parameter.required && i >= given.count {
            problems.append("\(name) needs \(parameter.about ?? "argument \(i + 1)") as its unnamed argument \(i + 1)")
        }
        return problems
    }

    /// The arguments with each default filled in where the writer left the parameter out.
    func withDefaults(_ arguments: ShortcodeArguments) -> ShortcodeArguments {
        var filled = arguments
        for (key, parameter) in named {
            if let value = parameter.defaultValue, filled[key] == nil { filled.named.append((key, value)) }
        }
        for (i, parameter) in positional.enumerated() where i >= filled.positional.count {
            guard let value = parameter.defaultValue else { break }
            filled.positional.append(value)
        }
        return filled
    }
}
