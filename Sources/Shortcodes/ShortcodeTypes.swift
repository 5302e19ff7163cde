import Basics
import Diagnostics

/// Which delimiters a shortcode was written with; it decides when its output joins the page.
public enum ShortcodeForm: Sendable, Hashable {
    /// `{{< name >}}`: output is HTML, inserted after Markdown rendering.
    case html
    /// `{{% name %}}`: output is Markdown, rendered with the rest of the page.
    case markdown
}

/// The arguments of one shortcode call. Hugo allows either all positional or all named
/// arguments; the parser reports a mix but keeps both lists so later stages still see everything.
public struct ShortcodeArguments: Sendable, Equatable {
    public var positional: [String]
    /// In source order, because templates that range over parameters should see the author's order.
    public var named: [(key: String, value: String)]

    public init(positional: [String] = [], named: [(key: String, value: String)] = []) {
        self.positional = positional
        self.named = named
    }

    public var isEmpty: Bool { positional.isEmpty && named.isEmpty }

    public subscript(_ index: Int) -> String? {
        positional.indices.contains(index) ? positional[index] : nil
    }

    /// Hugo keeps named arguments in a map, so when a key repeats the last value wins.
    public subscript(_ key: String) -> String? {
        named.last(where: { $0.key == key })?.value
    }

    // Tuples cannot conform to Equatable, so the array of pairs is compared by hand.
    public static func == (a: ShortcodeArguments, b: ShortcodeArguments) -> Bool {
        a.positional == b.positional
            && a.named.count == b.named.count
            && zip(a.named, b.named).allSatisfy { $0.key == $1.key && $0.value == $1.value }
    }
}

/// One shortcode call, with the content between its opening and closing tag when it has one.
public struct Shortcode: Sendable, Equatable {
    /// May contain "/", "-", "_", letters and digits (e.g. "blocks/cover").
    public var name: String
    public var arguments: ShortcodeArguments
    public var form: ShortcodeForm
    /// Of the opening "{{".
    public var location: SourceLocation
    /// UTF-8 offsets in the body, from the opening tag's "{{" to the end of the closing tag's
    /// "}}" (or of the single tag).
    public var range: Range<Int>
    /// `nil` when the shortcode has no closing tag.
    public var inner: [ShortcodeSegment]?
    /// UTF-8 offsets of the raw text between opening and closing tag.
    public var innerRange: Range<Int>?
    /// Written `{{< name />}}`.
    public var isSelfClosing: Bool
    /// The tag has a mistake (an unclosed quote, say), reported already: expanding it with what
    /// could be read would only add a second, misleading message.
    public var isFaulty = false

    public init(name: String, arguments: ShortcodeArguments = ShortcodeArguments(),
                form: ShortcodeForm, location: SourceLocation, range: Range<Int>,
                inner: [ShortcodeSegment]? = nil, innerRange: Range<Int>? = nil,
                isSelfClosing: Bool = false) {
        self.name = name
        self.arguments = arguments
        self.form = form
        self.location = location
        self.range = range
        self.inner = inner
        self.innerRange = innerRange
        self.isSelfClosing = isSelfClosing
    }
}

/// A piece of the body: plain text, a shortcode call, or an escaped tag to print literally.
public indirect enum ShortcodeSegment: Sendable, Equatable {
    /// UTF-8 offsets into the body.
    case text(Range<Int>)
    case shortcode(Shortcode)
    /// `{{</* name "x" */>}}` prints `{{< name "x" >}}` literally; `range` covers the source tag.
    case escaped(literal: String, range: Range<Int>)
}

/// The body split into segments, with paired shortcodes nested inside their parents.
public struct ShortcodeDocument: Sendable, Equatable {
    public var segments: [ShortcodeSegment]

    public init(segments: [ShortcodeSegment]) {
        self.segments = segments
    }
}

extension ShortcodeForm {
    /// How the tag opens in source and in messages.
    var openDelimiter: String { self == .html ? "{{<" : "{{%" }
    var closeDelimiter: String { self == .html ? ">}}" : "%}}" }
    /// The byte before the closing "}}".
    var closeByte: UInt8 { self == .html ? ASCII.greaterThan : ASCII.percent }
}
