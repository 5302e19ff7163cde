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

    static func files(for pages: [SearchPage]) -> [(path: String, bytes: [UInt8])] {
        let postings = SearchPostings(pages: pages)
        var files: [(path: String, bytes: [UInt8])] = []
        var chunkStarts: [String] = []
        var chunk = JSONBytes(capacity: 2 * chunkBytes)
        func closeChunk() {
            guard chunk.count > 0 else { return }
            chunk.append("}")
            files.append(("\(folder)/p/\(chunkStarts.count - 1).json", chunk.bytes))
            chunk = JSONBytes(capacity: 2 * chunkBytes)
        }
        for term in postings.terms {
            if chunk.count == 0 {
                chunkStarts.append(term.term)
                chunk.append("{")
            } else {
                chunk.append(",")
            }
            chunk.append(term.json)
            if chunk.count >= chunkBytes { closeChunk() }
        }
        closeChunk()

        var shards: [String: [SearchPostings.Term]] = [:]
        for term in postings.terms { shards[SearchTerms.shard(of: term.term), default: []].append(term) }
        for (name, terms) in shards.sorted(by: { $0.key < $1.key }) {
            var json = JSONBytes()
            json.append("{\"t\":")
            json.appendArray(terms) { $0.appendQuoted($1.term) }
            json.append(",\"d\":")
            json.appendArray(terms) { $0.append($1.sections) }
            json.append("}")
            files.append(("\(folder)/d/\(name).json", json.bytes))
        }
        files += parallelMap(Array(pages.indices)) { n in ("\(folder)/f/\(n).json", fragment(pages[n]).bytes) }
        let meta = JSONValue.object(JSONObject([
            ("version", 1), ("pages", .integer(pages.count)), ("sections", .integer(postings.sectionCount)),
            ("cap", .integer(SearchScoring.cap)), ("chunks", .array(chunkStarts.map { .string($0) })),
            ("shards", .array(shards.keys.sorted().map { .string($0) })),
        ]))
        files.append(("\(folder)/meta.json", Array(meta.serialized().utf8)))
        return files
    }

    /// `{"t":title,"u":url,"p":[crumb,…],"s":[[heading,anchor,text],…]}`, written as bytes: there
    /// is one per page, and a tree of values for each was most of the index's JSON time.
    static func fragment(_ page: SearchPage) -> JSONBytes {
        var json = JSONBytes(capacity: page.sections.reduce(64) { $0 + min($1.text.utf8.count, 4 * snippetText) + 32 })
        json.append("{\"t\":")
        json.appendQuoted(page.title)
        json.append(",\"u\":")
        json.appendQuoted(page.url)
        json.append(",\"p\":")
        json.appendArray(page.crumbs) { $0.appendQuoted($1) }
        json.append(",\"s\":")
        json.appendArray(page.sections) { json, section in
            json.append("[")
            json.appendQuoted(section.heading)
            json.append(",")
            json.appendQuoted(section.anchor)
            json.append(",")
            var text = section.text
            text.withUTF8 { text in
                if let end = snippetEnd(text) {
                    json.appendQuoted(UnsafeBufferPointer(rebasing: text[..<end]), suffix: " …")
                } else {
                    json.appendQuoted(text)
                }
            }
            json.append("]")
        }
        json.append("}")
        return json
    }

    /// Where a snippet of the text ends, at a word boundary before `snippetText` characters
    /// (Unicode scalars), or nil when the whole text is short enough; the snippet then gets " …".
    /// Counted on the bytes: walking characters was a tenth of the index's time.
    static func snippetEnd(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        guard bytes.count > snippetText else { return nil }
        var scalars = 0
        var end = 0
        var lastSpace: Int?
        while end < bytes.count {
            let byte = bytes[end]
            if byte & 0xC0 != 0x80 {
                if scalars == snippetText { break }
                scalars += 1
                if byte == 0x20 { lastSpace = end }
            }
            end += 1
        }
        guard end < bytes.count else { return nil }
        return lastSpace ?? end
    }
}
