/// A template rendered once with a stand-in for one value and then filled in many times: an open
/// menu entry, and the menu's frame, are the same in every menu but for what they hold. Only
/// when the template inserts the value once and unchanged (`{{{children}}}`); otherwise there is
/// no shell and the template is rendered each time.
struct Shell: Sendable {
    /// Escaping or a transform would change it, so such a template is never made a shell.
    static let standIn = "\u{F8F3}<&>\u{F8F3}"
    private let before: String
    private let after: String

    init?(_ render: (String) -> String) {
        let html = render(Self.standIn)
        guard let range = html.range(of: Self.standIn),
              html.range(of: Self.standIn, range: range.upperBound..<html.endIndex) == nil else { return nil }
        before = String(html[..<range.lowerBound])
        after = String(html[range.upperBound...])
    }

    func filled(with value: String) -> String { before + value + after }
}
