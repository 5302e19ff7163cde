/// What libyaml and toml++ say, in the writer's terms: what is wrong and how to fix it, with the
/// parser's own words after it for searching. One entry per mistake writers make; anything else
/// keeps the parser's message.
enum ParserMessages {
    /// libyaml's `problem`, its `context` (what it was reading) and the line that context began on.
    static func yaml(problem: String, context: String?, contextLine: Int) -> String {
        let said = "YAML: " + problem + (context.map { " (\($0) at line \(contextLine))" } ?? "")
        let plain: String?
        switch problem {
        case "mapping values are not allowed in this context":
            plain = "a colon followed by a space inside a value starts a new key, which YAML does not allow here: "
                + "put the whole value in quotes, for example title: \"Setup: the basics\"; if the line is a key of its own, "
                + "indent it like the keys above it"
        case "found unexpected end of stream" where context?.contains("quoted scalar") == true:
            plain = "the quoted value that starts on line \(contextLine) is never closed: add the closing quote"
        case "found unexpected end of stream":
            plain = "the text ends while something is still open: close the quotes or brackets that begin on line \(contextLine)"
        case "did not find expected ',' or ']'":
            plain = "a list in [brackets] is not closed, or its items are not separated by commas: write [one, two]"
        case "did not find expected ',' or '}'":
            plain = "a mapping in {braces} is not closed, or its entries are not separated by commas: write {key: value, other: value}"
        case "did not find expected key":
            plain = "this line does not line up with the keys before it, or a value before it is left open: "
                + "indent the keys of one level alike, with spaces, and close every quote and bracket"
        case "found character that cannot start any token":
            plain = "a value cannot start with this character (a tab used for indenting, or one of @ ` % at the start of a value): "
                + "indent with spaces, or put the value in quotes"
        case "could not find expected ':'":
            plain = "a key is not followed by ': ', or a quoted value runs onto the next line: write key: value"
        case "block sequence entries are not allowed in this context":
            plain = "a list item ('- ') stands where a value was expected: start the list on the next line, indented under its key"
        case "found undefined alias":
            plain = "a '*name' refers to an anchor '&name' that is not defined above it"
        case "found a tab character that violates indentation", "found a tab character where an indentation space is expected":
            plain = "YAML indents with spaces, not tabs: replace the tab with spaces"
        default:
            plain = nil
        }
        return plain.map { "\($0) (\(said))" } ?? said
    }

    /// toml++'s message: "Error while parsing WHAT: DETAIL".
    static func toml(_ message: String) -> String {
        let plain: String?
        if message.contains("unescaped control characters") {
            plain = "quoted text is not closed before the end of the line: add the closing quote "
                + "(a TOML string stays on one line; use \"\"\"…\"\"\" for several lines)"
        } else if message.contains("expected '='") {
            plain = "a key must be followed by '=' and its value: write key = value"
        } else if message.contains("cannot redefine existing") {
            plain = "this key is given twice: keep one of them"
        } else if message.contains("could not determine value type") {
            plain = "this is not a TOML value: put text in quotes (title = \"My page\"); numbers, true, false and dates go without"
        } else if message.contains("parsing array") && message.contains("end-of-file") {
            plain = "a list in [brackets] is not closed: add ']'"
        } else if message.contains("end-of-file") {
            plain = "the front matter ends while a value is still open: close its quotes or brackets"
        } else if message.contains("parsing date") || message.contains("parsing time") {
            plain = "this is not a valid date or time: write a date as 2024-05-01 and a time as 2024-05-01T10:30:00Z"
        } else if message.contains("table header") {
            plain = "a table header must be closed: write [params]"
        } else {
            plain = nil
        }
        return plain.map { "\($0) (TOML: \(message))" } ?? "the TOML does not parse: \(message)"
    }
}
