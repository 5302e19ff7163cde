import Basics
import Foundation

/// The options of Hugo's `highlight` shortcode, `"linenos=table,hl_lines=2 3-5,linenostart=10"`,
/// read and checked. A name Hugo does not know, or a value that is not of its kind, is a
/// problem; Hugo itself drops both without a word.
struct HighlightOptions: Equatable {
    enum LineNumbers: Equatable {
        case none, table, inline
    }

    var lineNumbers = LineNumbers.none
    var lineNumberStart = 1
    /// Lines of the code, counted from 1 whatever `linenostart` says (as in Hugo).
    var highlightedLines: [ClosedRange<Int>] = []
    /// The options that are valid but not yet applied (style, tabwidth, …), by lower-case name.
    var others: [String: String] = [:]

    private enum Kind {
        case lineNumbers, lineRanges, integer, boolean, text
    }

    // Hugo's highlight settings, which it matches without regard to case.
    private static let known: [String: Kind] = [
        "linenos": .lineNumbers, "hl_lines": .lineRanges, "linenostart": .integer, "tabwidth": .integer,
        "anchorlinenos": .boolean, "hl_inline": .boolean, "noclasses": .boolean, "nohl": .boolean,
        "guesssyntax": .boolean, "codefences": .boolean, "linenumbersintable": .boolean,
        "lineanchors": .text, "style": .text,
    ]

    /// The options, and a problem for each one that does not fit (the rest still apply).
    static func parse(_ text: String) -> (HighlightOptions, [String]) {
        var options = HighlightOptions()
        var problems: [String] = []
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty else { return (options, []) }
        for item in trimmed.split(separator: ",", omittingEmptySubsequences: false) {
            let parts = item.split(separator: "=", omittingEmptySubsequences: false)
            guard parts.count == 2 else {
                problems.append("highlight: option '\(item.trimmingCharacters(in: .whitespaces))' must be name=value; options are separated by commas, "
                    + "as in \"linenos=table,hl_lines=2 3\"")
                continue
            }
            let name = parts[0].trimmingCharacters(in: .whitespaces).lowercased(), value = String(parts[1])
            guard let kind = known[name] else {
                let hint = nearestName(to: name, among: Array(known.keys)).map { "did you mean '\($0)'? " } ?? ""
                problems.append("highlight: there is no option '\(name)': \(hint)the options are \(listed(known.keys.sorted()))")
                continue
            }
            if let problem = options.apply(name, value, kind) { problems.append("highlight: \(name)=\(value) \(problem)") }
        }
        return (options, problems)
    }

    /// Why `value` does not fit, or nil once it is applied.
    private mutating func apply(_ name: String, _ value: String, _ kind: Kind) -> String? {
        switch kind {
        case .lineNumbers:
            switch value.lowercased() {
            case "false": lineNumbers = .none
            case "true", "table": lineNumbers = .table
            case "inline": lineNumbers = .inline
            default: return "must be table, inline, true or false"
            }
        case .lineRanges:
            var ranges: [ClosedRange<Int>] = []
            for field in value.split(separator: " ") {
                let ends = field.split(separator: "-", omittingEmptySubsequences: false).map { Int($0) }
                guard (1...2).contains(ends.count), let first = ends[0], let last = ends.last!, first >= 0, last >= first else {
                    return "must be line numbers and ranges separated by spaces, as in hl_lines=2 5-7"
                }
                ranges.append(first...last)
            }
            highlightedLines = ranges
        case .integer:
            guard let number = Int(value.trimmingCharacters(in: .whitespaces)), number >= 0 else { return "must be a whole number" }
            if name == "linenostart" { lineNumberStart = number } else { others[name] = value }
        case .boolean:
            guard ["true", "false", "1", "0"].contains(value.lowercased()) else { return "must be true or false" }
            others[name] = value
        case .text:
            others[name] = value
        }
        return nil
    }
}
