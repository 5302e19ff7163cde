import JSON

/// One pattern of a Prism grammar: what `{pattern, lookbehind, greedy, alias, inside}` says.
struct PrismPattern: Sendable {
    let regex: PrismRegex
    /// Group 1 is context, not part of the token (Prism's lookbehind, older than JavaScript's).
    let lookbehind: Bool
    /// Matched against the whole text, across tokens found before, not only between them.
    let greedy: Bool
    let aliases: [String]
    /// The grammar the token's text is tokenized with in turn, by index in `PrismGrammars`.
    let inside: Int?
}

/// A grammar: its tokens in the order Prism tries them.
struct PrismGrammar: Sendable {
    var tokens: [(name: String, patterns: [PrismPattern])]
}

/// Prism 1.29's grammars for the languages docgen highlights, read from the data that
/// `scripts/prism-grammars.js` wrote out of Prism itself (`Embedded/prism-grammars.json`, compiled
/// into the binary). Loaded and compiled once, on first use, and shared by all threads.
struct PrismGrammars: Sendable {
    let grammars: [PrismGrammar]
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
        grammars = try list.map { grammar in
            PrismGrammar(tokens: try (grammar.arrayValue ?? []).map { entry in
                guard let pair = entry.arrayValue, pair.count == 2, let name = pair[0].stringValue, let patterns = pair[1].arrayValue else {
                    throw Malformed(description: "a token is not [name, patterns]")
                }
                return (name, try patterns.map { try Self.pattern($0, grammarCount: list.count) })
            })
        }
    }

    private static func pattern(_ value: JSONValue, grammarCount: Int) throws -> PrismPattern {
        guard let source = value["source"]?.stringValue else { throw Malformed(description: "a pattern has no source") }
        var inside: Int?
        if case .integer(let index)? = value["inside"] {
            guard index < grammarCount else { throw Malformed(description: "inside \(index)") }
            inside = index
        }
        do {
            return PrismPattern(regex: try PrismRegex(source: source, flags: value["flags"]?.stringValue ?? ""),
                                lookbehind: value["lookbehind"] == .bool(true), greedy: value["greedy"] == .bool(true),
                                aliases: value["alias"]?.arrayValue?.compactMap(\.stringValue) ?? [], inside: inside)
        } catch {
            throw Malformed(description: "/\(source)/: \(error)")
        }
    }
}
