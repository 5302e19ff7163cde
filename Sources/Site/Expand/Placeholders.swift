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
        var html = html
        return html.withUTF8 { bytes -> String in
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count + outputs.values.reduce(0) { $0 + $1.utf8.count })
            let paragraphOpen = Array("<p>".utf8), paragraphClose = Array("</p>\n".utf8)
            var copied = 0, from = 0
            // The text between tokens is copied in whole runs; it runs on every page.
            while let hit = Self.find(Self.prefix, in: bytes, from: from) {
                var j = hit + Self.prefix.count
                var number = 0, digits = 0
                while j < bytes.count, bytes[j] >= 48, bytes[j] <= 57, digits < 18 {
                    number = number * 10 + Int(bytes[j] - 48)
                    j += 1
                    digits += 1
                }
                guard digits > 0, j < bytes.count, bytes[j] == UInt8(ascii: "z"), let output = outputs[number] else {
                    from = hit + 1
                    continue
                }
                j += 1
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copied..<hit]))
                let wrapped = out.count >= 3 && out[(out.count - 3)...].elementsEqual(paragraphOpen)
                    && j + paragraphClose.count <= bytes.count && bytes[j..<j + paragraphClose.count].elementsEqual(paragraphClose)
                if wrapped {
                    out.removeLast(3)
                    j += paragraphClose.count
                }
                out.append(contentsOf: output.utf8)
                if wrapped && output.last != "\n" { out.append(UInt8(ascii: "\n")) }
                copied = j
                from = j
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copied...]))
            return String(decoding: out, as: UTF8.self)
        }
    }

    /// The first position at or after `from` where `needle` starts.
    private static func find(_ needle: [UInt8], in bytes: UnsafeBufferPointer<UInt8>, from: Int) -> Int? {
        guard let first = needle.first, from + needle.count <= bytes.count else { return nil }
        var i = from
        let last = bytes.count - needle.count
        while i <= last {
            if bytes[i] == first {
                var k = 1
                while k < needle.count && bytes[i + k] == needle[k] { k += 1 }
                if k == needle.count { return i }
            }
            i += 1
        }
        return nil
    }
}
