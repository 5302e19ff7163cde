import Basics
import Diagnostics

/// Hugo's `build` front matter (`_build` in Hugo 0.111): whether a page is written, whether it
/// appears in lists, and whether its bundle's files are published. `headless: true` is the
/// same as render and list `never`.
public struct BuildOptions: Sendable, Equatable {
    public enum Render: String, Sendable, CaseIterable {
        /// Written to its URL.
        case always
        /// Not written and not linkable; docgen also leaves it out of lists, where Hugo 0.111
        /// lists it with an empty link.
        case never
        /// Not written, but it keeps its URL and its place in lists and the sitemap.
        case link
    }

    public enum List: String, Sendable, CaseIterable {
        case always
        /// Written, but in no list, menu or sitemap.
        case never
        /// In its section's lists only, not in the site-wide ones (the sitemap).
        case local
    }

    public var render = Render.always
    public var list = List.always
    public var publishResources = true

    public init() {}

    public static let headless: BuildOptions = {
        var options = BuildOptions()
        options.render = .never
        options.list = .never
        return options
    }()

    /// Reads the `build` mapping; every problem is an error at its value.
    static func read(_ node: YAMLNode, key: String, file: String) -> (BuildOptions, [Diagnostic]) {
        var options = BuildOptions()
        var problems: [Diagnostic] = []
        guard let pairs = node.mapping else {
            return (options, [.error(file, node.line, node.column,
                                     "front matter: '\(key)' must be a mapping of render, list and publishResources")])
        }
        /// Hugo also takes true and false for `always` and `never`.
        func choice<T: RawRepresentable & CaseIterable>(_ value: YAMLNode, _ name: String, _: T.Type) -> T? where T.RawValue == String {
            if let flag = value.bool { return T(rawValue: flag ? "always" : "never") }
            if let text = value.string, let found = T(rawValue: text.lowercased()) { return found }
            let names = T.allCases.map(\.rawValue)
            let hint = value.string.flatMap { nearestName(to: $0.lowercased(), among: names) }.map { "did you mean '\($0)'? " } ?? ""
            problems.append(.error(file, value.line, value.column,
                                   "front matter: '\(key).\(name)' must be \(listed(names, conjunction: "or")): \(hint)found '\(value.string ?? "a list or mapping")'"))
            return nil
        }
        for (keyNode, value) in pairs {
            let name = keyNode.string ?? ""
            switch name.lowercased() {
            case "render": if let render = choice(value, name, Render.self) { options.render = render }
            case "list": if let list = choice(value, name, List.self) { options.list = list }
            case "publishresources":
                if let flag = value.bool { options.publishResources = flag } else {
                    problems.append(.error(file, value.line, value.column, "front matter: '\(key).\(name)' must be true or false"))
                }
            default:
                let known = ["render", "list", "publishResources"]
                let hint = nearestName(to: name, among: known).map { "did you mean '\($0)'? " } ?? ""
                problems.append(.error(file, keyNode.line, keyNode.column,
                                       "front matter: '\(key)' has no option '\(name)': \(hint)it takes \(listed(known, conjunction: "and"))"))
            }
        }
        return (options, problems)
    }
}
