import JSON

/// One pattern of a Prism grammar: what `{pattern, lookbehind, greedy, alias, inside}` says,
/// with the `<span class="token …">` it opens already written out.
struct PrismPattern {
    /// The compiled expression, owned by `PrismGrammars.regexes` (a plain pointer here, so that
    /// reading a pattern retains nothing).
    let regex: PrismRegex.Compiled
    /// Group 1 is context, not part of the token (Prism's lookbehind, older than JavaScript's).
    let lookbehind: Bool
    /// Matched against the whole text, across tokens found before, not only between them.
    let greedy: Bool
    /// The grammar the token's text is tokenized with in turn, or -1.
    let inside: Int32
    /// `<span class="token NAME ALIAS…"` in `PrismGrammars.tags`, without its `>`.
    let tag: Range<Int32>
    /// Prism's markup component gives every `entity` token a title.
    let isEntity: Bool
}

/// A grammar's token: its patterns, in the order Prism tries them.
struct PrismToken {
    let patterns: Range<Int32>
}

/// Prism 1.29's grammars for the languages docgen highlights, read from the data that
/// `scripts/prism-grammars.js` wrote out of Prism itself (`Embedded/prism-grammars.json`, compiled
/// into the binary). Loaded and compiled once, on first use, and shared by all threads.
///
/// The tokenizer reads these many times per character, from every thread at once, so they sit in
/// memory allocated once and never freed, as plain values: reading them touches no reference
/// count (shared counts, changed from two cores at a time, were a third of highlighting's time).
final class PrismGrammars: @unchecked Sendable {  // written once, in init, then only read
    /// Each grammar as the range of its tokens in `tokens`.
    let grammars: UnsafeBufferPointer<Range<Int32>>
    let tokens: UnsafeBufferPointer<PrismToken>
    let patterns: UnsafeBufferPointer<PrismPattern>
    let tags: UnsafeBufferPointer<UInt8>
    /// What keeps the compiled expressions alive.
    private let regexes: [PrismRegex]
    /// Prism's language names, each to its grammar.
    let languages: [String: Int]

    static let shared: PrismGrammars = {
        guard let text = EmbeddedResources.files["prism-grammars.json"] else { fatalError("prism-grammars.json is not embedded") }
        do {
            return try PrismGrammars(json: text)
        } catch {
            // The file is generated and tested; a broken one is a build mistake, not user input.
            fatalError("Embedded/prism-grammars.json: \(error)")
        }
    }()

    struct Malformed: Error, CustomStringConvertible {
        var description: String
    }

    init(json: String) throws {
        let root = try JSONDocument(text: json).root
        guard let languages = root["languages"]?.objectValue, let list = root["grammars"]?.arrayValue else {
            throw Malformed(description: "no 'languages' or 'grammars'")
        }
        var named: [String: Int] = [:]
        for (name, value) in languages {
            guard case .integer(let index) = value, list.indices.contains(index) else { throw Malformed(description: "language \(name)") }
            named[name] = index
        }
        self.languages = named
        var grammars: [Range<Int32>] = [], tokens: [PrismToken] = [], patterns: [PrismPattern] = [], tags: [UInt8] = []
        var regexes: [PrismRegex] = []
        for grammar in list {
            let first = Int32(tokens.count)
            for entry in grammar.arrayValue ?? [] {
                guard let pair = entry.arrayValue, pair.count == 2, let name = pair[0].stringValue, let list = pair[1].arrayValue else {
                    throw Malformed(description: "a token is not [name, patterns]")
                }
                let start = Int32(patterns.count)
                for value in list {
                    let (pattern, regex) = try Self.pattern(value, name: name, tags: &tags)
                    patterns.append(pattern)
                    regexes.append(regex)
                }
                tokens.append(PrismToken(patterns: start..<Int32(patterns.count)))
            }
            grammars.append(first..<Int32(tokens.count))
        }
        for pattern in patterns where pattern.inside >= grammars.count { throw Malformed(description: "inside \(pattern.inside)") }
        self.regexes = regexes
        self.grammars = Self.forever(grammars)
        self.tokens = Self.forever(tokens)
        self.patterns = Self.forever(patterns)
        self.tags = Self.forever(tags)
    }

    /// A copy that lives as long as the process, for `shared`.
    private static func forever<T>(_ values: [T]) -> UnsafeBufferPointer<T> {
        let buffer = UnsafeMutableBufferPointer<T>.allocate(capacity: values.count)
        _ = buffer.initialize(from: values)
        return UnsafeBufferPointer(buffer)
    }

    private static func pattern(_ value: JSONValue, name: String, tags: inout [UInt8]) throws -> (PrismPattern, PrismRegex) {
        guard let source = value["source"]?.stringValue else { throw Malformed(description: "a pattern has no source") }
        var inside: Int32 = -1
        if case .integer(let index)? = value["inside"] { inside = Int32(index) }
        let aliases = value["alias"]?.arrayValue?.compactMap(\.stringValue) ?? []
        let start = Int32(tags.count)
        tags += Array("<span class=\"token \(([name] + aliases).joined(separator: " "))\"".utf8)
        do {
            let regex = try PrismRegex(source: source, flags: value["flags"]?.stringValue ?? "")
            return (PrismPattern(regex: regex.compiled, lookbehind: value["lookbehind"] == .bool(true), greedy: value["greedy"] == .bool(true),
                                 inside: inside, tag: start..<Int32(tags.count), isEntity: name == "entity"), regex)
        } catch {
            throw Malformed(description: "/\(source)/: \(error)")
        }
    }
}
