import Mustache

/// The menu is rendered once for many pages; what differs per page (the active item) is wrapped
/// in markers while rendering and resolved for each page afterwards (see `MarkedMenu`).
enum SidebarMarkers {
    /// A section value that renders its text wrapped in markers naming `page`.
    static func lambda(for page: Int) -> MustacheLambda {
        MustacheLambda { text -> Any? in
            let marked = Marker.make(.ownStart, page) + text + Marker.make(.ownEnd, page)
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
        var html = html
        var bytes: [UInt8] = []
        var owned: [OwnedText] = []
        html.withUTF8 { marked in
            bytes.reserveCapacity(marked.count)
            // A delimiter that is no whole marker stays as text (`strict: false`), so the cut never fails.
            var owner: Int32?
            var ownStart = 0
            for piece in Marker.cut(marked, strict: false) ?? [] {
                switch piece {
                case .literal(let range): bytes.append(contentsOf: UnsafeBufferPointer(rebasing: marked[range]))
                case .marker(.ownStart, let number, _):
                    owner = Int32(exactly: number)
                    ownStart = bytes.count
                case .marker(.ownEnd, _, _):
                    if let page = owner, bytes.count > ownStart {
                        owned.append(OwnedText(start: Int32(ownStart), end: Int32(bytes.count), owner: page))
                    }
                    owner = nil
                case .marker(.text, _, _): break
                }
            }
        }
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
