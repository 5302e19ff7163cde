import Diagnostics

/// How far highlighting one block may go before the block is shown as plain text instead.
public struct HighlightLimits: Sendable {
    public var blockBytes = Limits.highlightBlockBytes
    public var matchLimit = Limits.highlightMatchLimit
    public var depthLimit: UInt32 = 10_000
    public var matchesPerBlock = Limits.highlightSearchesPerBlock
    public var seconds = Limits.highlightSecondsPerBlock
    /// Tokens inside tokens (bash's `$(…)` inside `$(…)`): the tokenizer recurses once per level.
    public var nesting = 64

    public init() {}
}

/// Why a block in a language docgen highlights was shown as plain text.
public enum HighlightFailure: Sendable, Equatable {
    case size(Int)
    case matchLimit
    case budget
    case time
    case nesting

    public var message: String {
        switch self {
        case .size(let bytes):
            return "this code block is \(bytes >> 10) KiB, more than the \(Limits.highlightBlockBytes >> 10) KiB that are highlighted; "
                + "it is shown as plain text"
        case .matchLimit:
            return "a highlighting pattern backtracked past PCRE2's match limit on this code block; it is shown as plain text"
        case .budget:
            return "highlighting this code block took more than \(Limits.highlightSearchesPerBlock) pattern searches; it is shown as plain text"
        case .time:
            return "highlighting this code block took more than \(Limits.highlightSecondsPerBlock) s; it is shown as plain text"
        case .nesting:
            return "this code block nests tokens too deep to highlight; it is shown as plain text"
        }
    }
}

/// A code block's HTML, for inside its `<code>` element.
public struct HighlightedCode: Sendable, Equatable {
    public var html: String
    /// The Prism grammar that highlighted it; nil when the code is plain text.
    public var grammar: String?
    /// Set when the language has a grammar but the block was too much for it.
    public var failure: HighlightFailure?
}

/// Highlights code at build time with Prism 1.29's grammars, into the same `<span class="token
/// …">` markup Prism writes in a browser, so Prism's stylesheets apply. Code in a language
/// without a grammar, or that stops at a limit, is escaped text: never an error.
public struct Highlighter: Sendable {
    public var limits: HighlightLimits

    public init(limits: HighlightLimits = HighlightLimits()) {
        self.limits = limits
    }

    public func highlight(_ code: String, language: String) -> HighlightedCode {
        let text = CodeText(code)
        guard let name = LanguageAliases.prismName(for: language) else {
            return HighlightedCode(html: TokenHTML.plain(text), grammar: nil)
        }
        if text.utf8.count > limits.blockBytes {
            return HighlightedCode(html: TokenHTML.plain(text), grammar: nil, failure: .size(text.utf8.count))
        }
        let grammars = PrismGrammars.shared
        let (pieces, arena, failure) = text.utf16.withUnsafeBufferPointer { buffer in
            var tokenizer = Tokenizer(code: buffer, grammars: grammars, limits: limits)
            let pieces = tokenizer.tokenize(0..<buffer.count, grammar: grammars.languages[name]!)
            return (pieces, tokenizer.arena, tokenizer.failure)
        }
        if let failure {
            return HighlightedCode(html: TokenHTML.plain(text), grammar: nil, failure: failure)
        }
        return HighlightedCode(html: TokenHTML(code: text, arena: arena, grammars: grammars).html(pieces), grammar: name)
    }
}
