import Mustache

/// The menu is rendered once for many pages; what differs per page (the active item) is wrapped
/// in markers while rendering and resolved for each page afterwards. The markers are Unicode
/// private-use characters, which text from content or templates does not contain.
enum SidebarMarkers {
    static let open: Character = "\u{F8F0}"
    static let middle: Character = "\u{F8F1}"
    static let close: Character = "\u{F8F2}"

    /// A section value that renders its text wrapped in markers naming `page`.
    static func lambda(for page: Int) -> MustacheLambda {
        MustacheLambda { text -> Any? in
            let marked = "\(open)\(page)\(middle)\(text)\(close)"
            // Mustache parses a lambda's String result as a template, once per menu item; text
            // without tags renders to itself, so it is handed back as plain text instead.
            return text.utf8.contains(UInt8(ascii: "{")) ? marked : Verbatim(description: marked)
        }
    }

    /// Text Mustache writes as it is (it is not a String, so it is not parsed as a template).
    private struct Verbatim: CustomStringConvertible {
        let description: String
    }

    /// Keeps the marked text of `current` and drops every other marked text. Works on UTF-8
    /// bytes: it runs once per page over the whole menu.
    static func resolve(_ html: String, current: Int?) -> String {
        var html = html
        return html.withUTF8 { bytes -> String in
            let openBytes = Array(String(open).utf8), middleByte = Array(String(middle).utf8), closeBytes = Array(String(close).utf8)
            func matches(_ marker: [UInt8], at i: Int) -> Bool {
                i + 2 < bytes.count && bytes[i] == marker[0] && bytes[i + 1] == marker[1] && bytes[i + 2] == marker[2]
            }
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count)
            var i = 0, copied = 0
            // Text between markers is copied in whole runs.
            while i < bytes.count {
                guard bytes[i] == openBytes[0], matches(openBytes, at: i) else {
                    i += 1
                    continue
                }
                var j = i + 3
                var owner = 0
                while j < bytes.count, bytes[j] >= 48, bytes[j] <= 57 { owner = owner * 10 + Int(bytes[j] - 48); j += 1 }
                guard matches(middleByte, at: j) else { i += 1; continue }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copied..<i]))
                var end = j + 3
                while end < bytes.count, !matches(closeBytes, at: end) { end += 1 }
                if owner == current { out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[min(j + 3, end)..<min(end, bytes.count)])) }
                i = min(end + 3, bytes.count)
                copied = i
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[copied...]))
            return String(decoding: out, as: UTF8.self)
        }
    }
}
