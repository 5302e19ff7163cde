import Basics

/// Every word of the indexed pages with its postings: where it occurs (page, section) and how
/// much it weighs there, best first and capped (see `SearchScoring`). Pages are read on all cores,
/// and the words are split by hash into buckets that are merged on all cores too.
struct SearchPostings {
    struct Term {
        let term: String
        /// Sections that hold the word, before the cap.
        let sections: Int
        /// page, section, score, … (flat, as the postings files hold them).
        let postings: [Int]
    }

    /// Sorted by UTF-16 code units, the order JavaScript compares strings in.
    let terms: [Term]
    let sectionCount: Int

    private struct Occurrence {
        let page: Int32
        let section: Int32
        let frequency: Int32
        let length: Int32
        let inHeading: Bool
        let inTitle: Bool
    }

    init(pages: [SearchPage]) {
        let buckets = max(1, processorCount * 4)
        // Each chunk of pages: per bucket, word → occurrences; and its words counted.
        let read = parallelChunks(count: pages.count) { range -> (buckets: [[String: [Occurrence]]], sections: Int, words: Int) in
            var out = Array(repeating: [String: [Occurrence]](), count: buckets)
            var sections = 0, words = 0
            for p in range {
                let page = pages[p]
                for (s, section) in page.sections.enumerated() {
                    var frequency: [String: Int32] = [:]
                    var length: Int32 = 0
                    SearchTerms.each(in: section.text) { frequency[$0, default: 0] += 1; length += 1 }
                    let heading = Set(SearchTerms.all(in: section.heading))
                    let title = s == 0 ? Set(SearchTerms.all(in: page.title)) : []
                    for term in heading.union(title) where frequency[term] == nil { frequency[term] = 0 }
                    for (term, count) in frequency {
                        let occurrence = Occurrence(page: Int32(p), section: Int32(s), frequency: count, length: length,
                                                    inHeading: heading.contains(term), inTitle: title.contains(term))
                        out[Self.bucket(term, of: buckets)][term, default: []].append(occurrence)
                    }
                    sections += 1
                    words += Int(length)
                }
            }
            return (out, sections, words)
        }
        let sectionCount = read.reduce(0) { $0 + $1.sections }
        let average = Double(read.reduce(0) { $0 + $1.words }) / Double(max(sectionCount, 1))
        let merged = parallelMap(Array(0..<buckets)) { b -> [Term] in
            var all: [String: [Occurrence]] = [:]
            for part in read { all.merge(part.buckets[b]) { $0 + $1 } }
            return all.map { term, occurrences in
                var scored = occurrences.map { o in
                    (page: Int(o.page), section: Int(o.section),
                     score: SearchScoring.score(frequency: Int(o.frequency), length: Int(o.length), averageLength: average,
                                                inHeading: o.inHeading, inTitle: o.inTitle))
                }
                scored.sort { a, b in a.score != b.score ? a.score > b.score : a.page != b.page ? a.page < b.page : a.section < b.section }
                let kept = scored.prefix(SearchScoring.cap).flatMap { [$0.page, $0.section, $0.score] }
                return Term(term: term, sections: occurrences.count, postings: kept)
            }
        }
        terms = merged.flatMap { $0 }.sorted { $0.term.utf16.lexicographicallyPrecedes($1.term.utf16) }
        self.sectionCount = sectionCount
    }

    /// A hash that is the same in every run, unlike `hashValue`, so builds are reproducible.
    private static func bucket(_ term: String, of count: Int) -> Int {
        var hash: UInt32 = 2_166_136_261
        for byte in term.utf8 { hash = (hash ^ UInt32(byte)) &* 16_777_619 }
        return Int(hash % UInt32(count))
    }
}
