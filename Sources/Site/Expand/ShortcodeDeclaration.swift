import Basics
import Content
import Diagnostics

/// A site's own shortcode declares its parameters in a Mustache comment at the very top of its
/// template, in YAML, so the template stays one file and the declaration sits beside its use:
///
///     {{! parameters:
///       title: text                          # any text
///       color: [info, warning, danger]       # one of these
///       count: {type: number, default: 3}    # filled in when left out
///       0: {required: true, about: the page's path}   # the first unnamed argument
///     }}
///
/// Kinds are `text`, `number` and `boolean`; a mapping may also give `values`, `default`,
/// `required` and `about`. Unnamed arguments are `0`, `1`, … in order.
enum ShortcodeDeclaration {
    static let kinds = ["text", "number", "boolean"]
    static let fields = ["type", "values", "default", "required", "about"]

    /// The declaration in `template`, or nil when it has none; problems point into `file`.
    static func parse(_ template: String, file: String) -> (ShortcodeParameters?, [Diagnostic]) {
        let leading = template.prefix { $0 == " " || $0 == "\t" || $0 == "\n" || $0 == "\r" }
        let rest = template[leading.endIndex...]
        guard rest.hasPrefix("{{!"), let close = rest.range(of: "}}") else { return (nil, []) }
        let body = rest[rest.index(rest.startIndex, offsetBy: 3)..<close.lowerBound]
        guard body.drop(while: { $0 == " " || $0 == "\n" || $0 == "\r" || $0 == "\t" }).hasPrefix("parameters:") else { return (nil, []) }
        // Lines before the comment, so positions point into the template file.
        let lineOffset = leading.filter { $0 == "\n" }.count
        let root: YAMLNode
        switch YAMLReader.read(String(body), file: file, lineOffset: lineOffset) {
        case .failure(var problem):
            problem.message = "the parameters declared at the top of this shortcode template do not read as YAML: " + problem.message
            return (nil, [problem])
        case .success(let node?): root = node
        case .success(nil): return (nil, [])
        }
        guard let declared = root.mapping?.first(where: { $0.key.string == "parameters" })?.value else { return (nil, []) }
        guard let pairs = declared.mapping else {
            return (nil, [.error(file, declared.line, declared.column,
                                 "parameters: must be a mapping of each parameter's name to its kind, as in title: text")])
        }
        var problems: [Diagnostic] = []
        var named: [String: ShortcodeParameter] = [:]
        var positional: [Int: ShortcodeParameter] = [:]
        for (key, value) in pairs {
            let name = key.string ?? ""
            guard let parameter = parameter(value, name: name, file: file, problems: &problems) else { continue }
            if let index = Int(name) {
                positional[index] = parameter
            } else {
                named[name] = parameter
            }
        }
        // Unnamed arguments come in order, so the declared ones must be 0, 1, … without a gap.
        let count = positional.count
        if let missing = (0..<count).first(where: { positional[$0] == nil }) {
            problems.append(.error(file, declared.line, declared.column,
                "unnamed arguments are declared as 0, 1, 2, … in order, and \(missing) is missing"))
            return (nil, problems)
        }
        return (ShortcodeParameters(named: named, positional: (0..<count).map { positional[$0]! }), problems)
    }

    private static func parameter(_ value: YAMLNode, name: String, file: String, problems: inout [Diagnostic]) -> ShortcodeParameter? {
        func fail(_ node: YAMLNode, _ message: String) -> ShortcodeParameter? {
            problems.append(.error(file, node.line, node.column, "parameter '\(name)': " + message))
            return nil
        }
        func kind(_ node: YAMLNode) -> ShortcodeParameter.Kind? {
            if let values = node.sequence {
                let texts = values.compactMap(\.string)
                return texts.count == values.count && !texts.isEmpty ? .oneOf(texts) : nil
            }
            switch node.string {
            case "text": return .text
            case "number": return .number
            case "boolean": return .boolean
            default: return nil
            }
        }
        let kindHelp = "write text, number, boolean, or a list of the values it takes, as in [info, warning]"
        if value.mapping == nil {
            guard let kind = kind(value) else {
                let hint = value.string.flatMap { nearestName(to: $0, among: kinds) }.map { "did you mean \($0)? " } ?? ""
                return fail(value, "'\(value.string ?? "this")' is not a kind of value: \(hint)\(kindHelp)")
            }
            return ShortcodeParameter(kind: kind)
        }
        var parameter = ShortcodeParameter()
        var defaultNode = value
        for (fieldKey, field) in value.mapping! {
            switch fieldKey.string ?? "" {
            case "type":
                guard let kind = kind(field), field.sequence == nil else { return fail(field, "type must be text, number or boolean") }
                if case .oneOf = parameter.kind {} else { parameter.kind = kind }
            case "values":
                guard field.sequence != nil, let kind = kind(field) else { return fail(field, "values must be a list, as in [info, warning]") }
                parameter.kind = kind
            case "default":
                guard let text = field.string, field.mapping == nil else { return fail(field, "default must be a single value") }
                parameter.defaultValue = text
                defaultNode = field
            case "required":
                guard let flag = field.bool else { return fail(field, "required must be true or false") }
                parameter.required = flag
            case "about": parameter.about = field.string
            default:
                let other = fieldKey.string ?? ""
                let hint = nearestName(to: other, among: fields).map { "did you mean \($0)? " } ?? ""
                return fail(fieldKey, "'\(other)' is not something a parameter declares: \(hint)use \(listed(fields))")
            }
        }
        if let text = parameter.defaultValue, let problem = parameter.problem(with: text, shortcode: "its default", name: name) {
            return fail(defaultNode, problem)
        }
        return parameter
    }
}
