/// Stand-ins for HTML that must not pass through Markdown: an HTML-form shortcode's output is
/// put back only after cmark-gfm has rendered the text around it, as Hugo does.
struct Placeholders {
    /// By token number; numbers come from one counter per page, so nested renders never clash.
    private(set) var outputs: [Int: String] = [:]

    // Letters and digits only, so no Markdown rule can split or change the token.
    private static let prefix = Array("docgensc".utf8)

    mutating func token(for html: String, number: Int) -> String {
        outputs[number] = html
        return "docgensc\(number)z"
    }

    /// Puts the outputs back. A token alone in a paragraph replaces the whole `<p>…</p>`, so
    /// block output such as an alert is not wrapped in a paragraph.
    func substitute(into html: String) -> String {
        guard !outputs.isEmpty else { return html }
        let bytes = Array(html.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + outputs.values.reduce(0) { $0 + $1.utf8.count })
        var i = 0
        let p = Self.prefix
        while i < bytes.count {
            if bytes[i] == p[0], i + p.count < bytes.count, Array(bytes[i..<i + p.count]) == p {
                var j = i + p.count
                var number = 0
                var digits = 0
                while j < bytes.count, bytes[j] >= 48, bytes[j] <= 57 {
                    number = number * 10 + Int(bytes[j] - 48)
                    j += 1
                    digits += 1
                }
                if digits > 0, j < bytes.count, bytes[j] == UInt8(ascii: "z"), let output = outputs[number] {
                    j += 1
                    let paragraphOpen = Array("<p>".utf8), paragraphClose = Array("</p>\n".utf8)
                    let wrapped = out.count >= 3 && Array(out[(out.count - 3)...]) == paragraphOpen
                        && j + paragraphClose.count <= bytes.count && Array(bytes[j..<j + paragraphClose.count]) == paragraphClose
                    if wrapped {
                        out.removeLast(3)
                        j += paragraphClose.count
                    }
                    out.append(contentsOf: output.utf8)
                    if wrapped && output.last != "\n" { out.append(UInt8(ascii: "\n")) }
                    i = j
                    continue
                }
            }
            out.append(bytes[i])
            i += 1
        }
        return String(decoding: out, as: UTF8.self)
    }
}
