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
    /// The menu's text without the markers: what every page gets, and between it the text only
    /// one page gets (its active entry).
    private let bytes: [UInt8]
    /// Where each page's own text is in `bytes`, in order. Kept small (a site has a menu per
    /// section, each with a few hundred of these) so the menus of a large site stay small.
    private let owned: [OwnedText]

    private struct OwnedText {
        var start: Int32
        var end: Int32
        var owner: Int32
    }

    init(_ html: String) {
        let marked = Array(html.utf8)
        let open = Array(String(SidebarMarkers.open).utf8), middle = Array(String(SidebarMarkers.middle).utf8)
        let close = Array(String(SidebarMarkers.close).utf8)
        func matches(_ marker: [UInt8], at i: Int) -> Bool {
            i + 2 < marked.count && marked[i] == marker[0] && marked[i + 1] == marker[1] && marked[i + 2] == marker[2]
        }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(marked.count)
        var owned: [OwnedText] = []
        var i = 0, copied = 0
        while i < marked.count {
            guard marked[i] == open[0], matches(open, at: i) else {
                i += 1
                continue
            }
            var j = i + 3
            var owner = 0
            while j < marked.count, marked[j] >= 48, marked[j] <= 57 { owner = owner * 10 + Int(marked[j] - 48); j += 1 }
            guard matches(middle, at: j) else { i += 1; continue }
            bytes.append(contentsOf: marked[copied..<i])
            var end = j + 3
            while end < marked.count, !matches(close, at: end) { end += 1 }
            let text = marked[min(j + 3, end)..<min(end, marked.count)]
            if !text.isEmpty, let page = Int32(exactly: owner) {
                owned.append(OwnedText(start: Int32(bytes.count), end: Int32(bytes.count + text.count), owner: page))
                bytes.append(contentsOf: text)
            }
            i = min(end + 3, marked.count)
            copied = i
        }
        bytes.append(contentsOf: marked[copied...])
        self.bytes = bytes
        self.owned = owned
    }

    /// The menu as page `current` shows it (nil: a page that is in no menu, such as the 404 page).
    func html(for current: Int?) -> String {
        bytes.withUnsafeBufferPointer { all in
            var out: [UInt8] = []
            out.reserveCapacity(all.count)
            var copied = 0
            for text in owned {
                out.append(contentsOf: UnsafeBufferPointer(rebasing: all[copied..<Int(text.start)]))
                if let current, Int(text.owner) == current {
                    out.append(contentsOf: UnsafeBufferPointer(rebasing: all[Int(text.start)..<Int(text.end)]))
                }
                copied = Int(text.end)
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: all[copied...]))
            return String(decoding: out, as: UTF8.self)
        }
    }
}
