import Basics
import JSON

/// The files of a site's search index, under `SearchIndexFiles.folder`, laid out so that one query
/// downloads a small part of them whatever the site's size:
///
/// - `meta.json`: counts, the cap, and the first word of every postings chunk;
/// - `d/<c>.json`: the words starting with c and how many sections hold each, for prefix and
///   one-typo matching in the browser;
/// - `p/<n>.json`: the postings of a contiguous range of sorted words;
/// - `f/<page>.json`: a page's title, URL, section path and sections, fetched only for results shown.
enum SearchIndexFiles {
    static let folder = "docgen-search"
    /// Bytes a postings chunk grows to before the next starts: a query reads one chunk per word
    /// (prefixes of a word sort together, so mostly the same chunk).
    static let chunkBytes = 16_384
    /// Characters of a section's text kept for snippets.
    static let snippetText = 1_200

    static func files(for pages: [SearchPage]) -> [(path: String, text: String)] {
        let postings = SearchPostings(pages: pages)
        var files: [(path: String, text: String)] = []
        var chunkStarts: [String] = []
        var chunk: [UInt8] = []
        func closeChunk() {
            guard !chunk.isEmpty else { return }
            chunk.append(UInt8(ascii: "}"))
            files.append(("\(folder)/p/\(chunkStarts.count - 1).json", String(decoding: chunk, as: UTF8.self)))
            chunk = []
        }
        for term in postings.terms {
            if chunk.isEmpty {
                chunkStarts.append(term.term)
                chunk.append(UInt8(ascii: "{"))
            } else {
                chunk.append(UInt8(ascii: ","))
            }
            chunk += term.json
            if chunk.count >= chunkBytes { closeChunk() }
        }
        closeChunk()

        var shards: [String: [SearchPostings.Term]] = [:]
        for term in postings.terms { shards[SearchTerms.shard(of: term.term), default: []].append(term) }
        for (name, terms) in shards.sorted(by: { $0.key < $1.key }) {
            let words: JSONValue = .array(terms.map { .string($0.term) })
            let counts: JSONValue = .array(terms.map { .integer($0.sections) })
            files.append(("\(folder)/d/\(name).json", JSONValue.object(JSONObject([("t", words), ("d", counts)])).serialized()))
        }
        files += parallelMap(Array(pages.indices)) { n in ("\(folder)/f/\(n).json", fragment(pages[n]).serialized()) }
        let meta = JSONValue.object(JSONObject([
            ("version", 1), ("pages", .integer(pages.count)), ("sections", .integer(postings.sectionCount)),
            ("cap", .integer(SearchScoring.cap)), ("chunks", .array(chunkStarts.map { .string($0) })),
            ("shards", .array(shards.keys.sorted().map { .string($0) })),
        ]))
        files.append(("\(folder)/meta.json", meta.serialized()))
        return files
    }

    static func fragment(_ page: SearchPage) -> JSONValue {
        .object(JSONObject([
            ("t", .string(page.title)), ("u", .string(page.url)), ("p", .array(page.crumbs.map { .string($0) })),
            ("s", .array(page.sections.map { section in
                .array([.string(section.heading), .string(section.anchor), .string(shortened(section.text))])
            })),
        ]))
    }

    /// The text cut at a word boundary before `snippetText` characters.
    static func shortened(_ text: String) -> String {
        guard text.count > snippetText else { return text }
        let cut = text.prefix(snippetText)
        return String(cut.lastIndex(of: " ").map { cut[..<$0] } ?? cut) + " …"
    }
}
