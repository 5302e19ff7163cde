/// Highlighted HTML cut into lines, for line numbers and highlighted lines: a token that runs
/// over a line break (a string, a heredoc, diff's lines) is closed at the end of the line and
/// opened again on the next, where it still has text, so that each line is well-formed HTML on
/// its own. Each line keeps its `\n`, as Hugo's lines do; a final line break does not start
/// another line.
public enum CodeLines {
    public static func split(_ html: String) -> [String] {
        var lines: [String] = []
        var open: [Substring] = []  // the `<span …>` tags open at this point, outermost first
        var written = 0  // how many of them this line has opened so far
        var line = ""
        func reopen() {
            line += open[written...].joined()
            written = open.count
        }
        var rest = Substring(html)
        while let index = rest.firstIndex(where: { $0 == "<" || $0 == "\n" }) {
            if index > rest.startIndex {
                reopen()
                line += rest[..<index]
            }
            if rest[index] == "\n" {
                reopen()
                line += "\n" + String(repeating: "</span>", count: written)
                lines.append(line)
                (line, written) = ("", 0)
                rest = rest[rest.index(after: index)...]
                continue
            }
            // Token HTML has only `<span class="…">` and `</span>`: text escapes its `<`.
            let end = rest[index...].firstIndex(of: ">").map { rest.index(after: $0) } ?? rest.endIndex
            let tag = rest[index..<end]
            if tag.hasPrefix("</") {
                open.removeLast()
                if written > open.count {
                    line += tag
                    written = open.count
                }
            } else {
                reopen()
                open.append(tag)
                line += tag
                written = open.count
            }
            rest = rest[end...]
        }
        if !rest.isEmpty {
            reopen()
            line += rest
        }
        if !line.isEmpty || lines.isEmpty { lines.append(line) }
        return lines
    }
}
