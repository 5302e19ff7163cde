import Basics
import Foundation

/// Hugo's highlighting options, read and checked: those of the `highlight` shortcode,
/// `"linenos=table,hl_lines=2 3-5,linenostart=10"`, and of a code fence's attributes,
/// `{linenos=true hl_lines=[2,"4-5"] linenostart=10}`, both through one table of names and
/// kinds. A name Hugo does not know, or a value that is not of its kind, is a problem; Hugo
/// itself drops both without a word.
public struct HighlightOptions: Sendable, Equatable {
    public enum LineNumbers: Sendable, Equatable {
        case none, table, inline
    }

    public var lineNumbers = LineNumbers.none
    public var lineNumberStart = 1
    /// Lines of the code, counted from 1 whatever `linenostart` says (as in Hugo).
    public var highlightedLines: [ClosedRange<Int>] = []
    /// The options that are valid but not applied (style, tabwidth, …), by lower-case name.
    public var others: [String: String] = [:]

    public init() {}

    /// Whether the code is written line by line (numbers or highlighted lines).
    public var hasLines: Bool { lineNumbers != .none || !highlightedLines.isEmpty }

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
    public static func parse(_ text: String) -> (HighlightOptions, [String]) {
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
            options.apply(parts[0].trimmingCharacters(in: .whitespaces), String(parts[1]), problems: &problems)
        }
        return (options, problems)
    }

    /// A fence's attributes, the text between `{` and `}` after its language: `name=value`
    /// pairs apart by spaces or commas, where a value is a word, a quoted text or a list in
    /// brackets (`hl_lines=[2, "4-5"]`, read as `hl_lines=2 4-5`).
    public static func parseFence(_ text: String) -> (HighlightOptions, [String]) {
        var options = HighlightOptions()
        var problems: [String] = []
        var rest = Substring(text)
        func skipSeparators() { rest = rest.drop { $0 == " " || $0 == "\t" || $0 == "," } }
        skipSeparators()
        while !rest.isEmpty {
            let name = rest.prefix { $0 != "=" && $0 != " " && $0 != "," }
            rest = rest.dropFirst(name.count)
            guard rest.first == "=" else {
                problems.append("highlight: fence attribute '\(name)' must be name=value, as in {linenos=true hl_lines=[2,3]}")
                skipSeparators()
                continue
            }
            rest = rest.dropFirst()
            let value: String
            if rest.first == "[" {
                let list = rest.dropFirst().prefix { $0 != "]" }
                rest = rest.dropFirst(list.count + 2)
                value = list.split(separator: ",").map { unquoted($0.trimmingCharacters(in: .whitespaces)) }.joined(separator: " ")
            } else if let quote = rest.first, quote == "\"" || quote == "'" {
                let quoted = rest.dropFirst().prefix { $0 != quote }
                rest = rest.dropFirst(quoted.count + 2)
                value = String(quoted)
            } else {
                let word = rest.prefix { $0 != " " && $0 != "," && $0 != "\t" }
                rest = rest.dropFirst(word.count)
                value = String(word)
            }
            options.apply(String(name), value, problems: &problems)
            skipSeparators()
        }
        return (options, problems)
    }

    private static func unquoted(_ text: String) -> String {
        guard text.count >= 2, let first = text.first, first == text.last, first == "\"" || first == "'" else { return text }
        return String(text.dropFirst().dropLast())
    }

    /// Applies one option, or adds the problem with it.
    private mutating func apply(_ rawName: String, _ value: String, problems: inout [String]) {
        let name = rawName.lowercased()
        guard let kind = Self.known[name] else {
            let hint = nearestName(to: name, among: Array(Self.known.keys)).map { "did you mean '\($0)'? " } ?? ""
            problems.append("highlight: there is no option '\(name)': \(hint)the options are \(listed(Self.known.keys.sorted()))")
            return
        }
        if let problem = apply(name, value, kind) { problems.append("highlight: \(name)=\(value) \(problem)") }
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
