/// A template rendered once with a stand-in for one value and then filled in many times: an open
/// menu entry, and the menu's frame, are the same in every menu but for what they hold. Only
/// when the template inserts the value once and unchanged (`{{{children}}}`); otherwise there is
/// no shell and the template is rendered each time.
struct Shell: Sendable {
    private let before: String
    private let after: String

    init?(_ render: (String) -> String) {
        var html = render(Marker.make(.text, 0))
        html.makeContiguousUTF8()
        // Exactly one marker, not escaped (escaping or a transform would change the value).
        let cut = html.utf8.withContiguousStorageIfAvailable { bytes -> (String, String)? in
            guard let pieces = Marker.cut(bytes, strict: true),
                  let at = pieces.firstIndex(of: .marker(.text, number: 0, escaped: false)),
                  pieces.filter({ if case .marker = $0 { return true } else { return false } }).count == 1 else { return nil }
            func text(_ pieces: ArraySlice<Marker.Piece>) -> String {
                pieces.map { piece in
                    guard case .literal(let range) = piece else { return "" }
                    return String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
                }.joined()
            }
            return (text(pieces[..<at]), text(pieces[(at + 1)...]))
        }
        guard let (before, after) = cut ?? nil else { return nil }
        self.before = before
        self.after = after
    }

    func filled(with value: String) -> String { before + value + after }
}
