import Mustache

/// The menu is rendered once for many pages; what differs per page (the active item) is wrapped
/// in markers while rendering and resolved for each page afterwards (see `MarkedMenu`). The
/// markers are Unicode private-use characters, which text from content or templates does not
/// contain.
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

}

/// A rendered menu with its markers found once: it is shared by many pages, and each page's copy
/// is then put together from byte runs instead of scanning the whole menu again.
struct MarkedMenu: Sendable {
    private let bytes: [UInt8]
    /// The menu in order: text every page gets, and text only one page gets (its active entry).
    private let runs: [(range: Range<Int>, owner: Int?)]

    init(_ html: String) {
        let bytes = Array(html.utf8)
        let open = Array(String(SidebarMarkers.open).utf8), middle = Array(String(SidebarMarkers.middle).utf8)
        let close = Array(String(SidebarMarkers.close).utf8)
        func matches(_ marker: [UInt8], at i: Int) -> Bool {
            i + 2 < bytes.count && bytes[i] == marker[0] && bytes[i + 1] == marker[1] && bytes[i + 2] == marker[2]
        }
        var runs: [(range: Range<Int>, owner: Int?)] = []
        var i = 0, copied = 0
        while i < bytes.count {
            guard bytes[i] == open[0], matches(open, at: i) else {
                i += 1
                continue
            }
            var j = i + 3
            var owner = 0
            while j < bytes.count, bytes[j] >= 48, bytes[j] <= 57 { owner = owner * 10 + Int(bytes[j] - 48); j += 1 }
            guard matches(middle, at: j) else { i += 1; continue }
            runs.append((copied..<i, nil))
            var end = j + 3
            while end < bytes.count, !matches(close, at: end) { end += 1 }
            runs.append((min(j + 3, end)..<min(end, bytes.count), owner))
            i = min(end + 3, bytes.count)
            copied = i
        }
        runs.append((copied..<bytes.count, nil))
        self.bytes = bytes
        self.runs = runs.filter { !$0.range.isEmpty }
    }

    /// The menu as page `current` shows it (nil: a page that is in no menu, such as the 404 page).
    func html(for current: Int?) -> String {
        bytes.withUnsafeBufferPointer { all in
            var out: [UInt8] = []
            out.reserveCapacity(all.count)
            for run in runs where run.owner == nil || run.owner == current {
                out.append(contentsOf: UnsafeBufferPointer(rebasing: all[run.range]))
            }
            return String(decoding: out, as: UTF8.self)
        }
    }
}
