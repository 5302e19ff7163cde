/// Highlighted HTML cut into lines, for line numbers and highlighted lines: a token that runs
/// over a line break (a string, a heredoc) is closed at the end of the line and opened again at
/// the start of the next, so that each line is well-formed HTML on its own. Each line keeps its
/// `\n`, as Hugo's lines do; a final line break does not start another line.
public enum CodeLines {
    public static func split(_ html: String) -> [String] {
        var lines: [String] = []
        var open: [Substring] = []  // the `<span …>` tags open at this point, outermost first
        var line = ""
        var hasText = false  // whether this line has text, not only tags
        var rest = Substring(html)
        while let index = rest.firstIndex(where: { $0 == "<" || $0 == "\n" }) {
            line += rest[..<index]
            if index > rest.startIndex { hasText = true }
            if rest[index] == "\n" {
                line += "\n" + String(repeating: "</span>", count: open.count)
                lines.append(line)
                line = open.joined()
                hasText = false
                rest = rest[rest.index(after: index)...]
                continue
            }
            // Token HTML has only `<span class="…">` and `</span>`: text escapes its `<`.
            let end = rest[index...].firstIndex(of: ">").map { rest.index(after: $0) } ?? rest.endIndex
            let tag = rest[index..<end]
            if tag.hasPrefix("</") { open.removeLast() } else { open.append(tag) }
            line += tag
            rest = rest[end...]
        }
        line += rest
        if hasText || !rest.isEmpty || lines.isEmpty { lines.append(line) }
        return lines
    }
}
