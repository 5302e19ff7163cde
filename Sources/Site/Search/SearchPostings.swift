import Basics
import JSON

/// Every word of the indexed pages with its postings: where it occurs (page, section) and how
/// much it weighs there, best first and capped (see `SearchScoring`). Words become numbers as
/// soon as they are read, so that the merge moves numbers, not strings: pages are read on all
/// cores, each chunk with its own vocabulary, and the chunks' vocabularies are joined once.
struct SearchPostings {
    struct Term {
        let term: String
        /// Sections that hold the word, before the cap.
        let sections: Int
        /// `"word":[page,section,score,…]`, as the postings files hold it.
        let json: JSONBytes
    }

    /// Sorted by UTF-16 code units, the order JavaScript compares strings in.
    let terms: [Term]
    let sectionCount: Int

    private struct Occurrence {
        let term: Int32
        let page: Int32
        let section: Int32
        let frequency: Int32
        let length: Int32
        let boost: UInt8
    }

    private static let inHeading: UInt8 = 1, inTitle: UInt8 = 2

    /// One chunk of pages read: its own words by number, and every (word, section) it holds.
    private struct Read {
        var words: [String] = []
        var occurrences: [Occurrence] = []
        var sections = 0
        var length = 0
    }

    init(pages: [SearchPage]) {
        let reads = parallelChunks(count: pages.count) { range in Self.read(pages, range) }
        // One vocabulary for the site; each chunk's numbers are mapped into it.
        var number: [String: Int32] = [:]
        var words: [String] = []
        let globals = reads.map { read in
            read.words.map { word -> Int32 in
                if let known = number[word] { return known }
                words.append(word)
                number[word] = Int32(words.count - 1)
                return Int32(words.count - 1)
            }
        }
        let sectionCount = reads.reduce(0) { $0 + $1.sections }
        let average = Double(reads.reduce(0) { $0 + $1.length }) / Double(max(sectionCount, 1))

        // Compared as arrays made once: walking two strings' UTF-16 views per comparison is slow.
        let keys = words.map { Array($0.utf16) }
        let order = words.indices.sorted { keys[$0].lexicographicallyPrecedes(keys[$1]) }
        var rank = [Int32](repeating: 0, count: words.count)
        for (n, w) in order.enumerated() { rank[w] = Int32(n) }
        // Each chunk's own word numbers → places in the sorted vocabulary.
        let ranks = parallelMap(Array(reads.indices)) { r in globals[r].map { rank[Int($0)] } }

        // Each worker takes a range of the sorted words and gathers their occurrences from every
        // chunk with a counting sort, so that the merge runs on all cores too.
        terms = parallelChunks(count: order.count, chunksPerWorker: 1) { range -> [Term] in
            let low = range.lowerBound
            var start = [Int](repeating: 0, count: range.count + 1)
            for (r, read) in reads.enumerated() {
                let map = ranks[r]
                for occurrence in read.occurrences {
                    let k = Int(map[Int(occurrence.term)])
                    if range.contains(k) { start[k - low + 1] += 1 }
                }
            }
            for k in 0..<range.count { start[k + 1] += start[k] }
            var fill = start
            var grouped = [Occurrence](repeating: Occurrence(term: 0, page: 0, section: 0, frequency: 0, length: 0, boost: 0),
                                       count: start[range.count])
            for (r, read) in reads.enumerated() {
                let map = ranks[r]
                for occurrence in read.occurrences {
                    let k = Int(map[Int(occurrence.term)])
                    guard range.contains(k) else { continue }
                    grouped[fill[k - low]] = occurrence
                    fill[k - low] += 1
                }
            }
            return range.map { k in
                let word = words[order[k]]
                return Term(term: word, sections: start[k - low + 1] - start[k - low],
                            json: Self.postings(word, grouped[start[k - low]..<start[k - low + 1]], average: average))
            }
        }.flatMap { $0 }
        self.sectionCount = sectionCount
    }

    private static func read(_ pages: [SearchPage], _ range: Range<Int>) -> Read {
        var read = Read()
        var section = SectionWords()
        for p in range {
            let page = pages[p]
            for (s, text) in page.sections.enumerated() {
                section.flag = 0
                SearchTerms.eachWord(in: text.text, into: &section)
                section.flag = inHeading
                SearchTerms.eachWord(in: text.heading, into: &section)
                if s == 0 {
                    section.flag = inTitle
                    SearchTerms.eachWord(in: page.title, into: &section)
                }
                for w in section.touched {
                    read.occurrences.append(Occurrence(term: w, page: Int32(p), section: Int32(s), frequency: section.counts[Int(w)],
                                                       length: section.length, boost: section.boosts[Int(w)]))
                    section.counts[Int(w)] = 0
                    section.boosts[Int(w)] = 0
                }
                section.touched.removeAll(keepingCapacity: true)
                read.sections += 1
                read.length += Int(section.length)
                section.length = 0
            }
        }
        read.words = section.numbers.words
        return read
    }

    /// The words of the section being read: how often each occurs in its text, and whether it is
    /// in its heading or the page's title. Counters are per word number and reset after each
    /// section through `touched`, so that a section costs its own words only.
    private struct SectionWords: WordSink {
        var numbers = WordNumbers()
        var counts: [Int32] = []
        var boosts: [UInt8] = []
        var touched: [Int32] = []
        var length: Int32 = 0
        /// 0 while reading the text, which is counted; else the boost a word gets.
        var flag: UInt8 = 0

        mutating func take(_ word: UnsafeBufferPointer<UInt8>) {
            let w = numbers.number(word)
            if w == counts.count {
                counts.append(0)
                boosts.append(0)
            }
            if counts[w] == 0 && boosts[w] == 0 { touched.append(Int32(w)) }
            if flag == 0 {
                counts[w] += 1
                length += 1
            } else {
                boosts[w] |= flag
            }
        }
    }

    /// A word's entry in its postings file, best sections first, at most `SearchScoring.cap`.
    private static func postings(_ word: String, _ occurrences: ArraySlice<Occurrence>, average: Double) -> JSONBytes {
        // Each posting packed into one number that sorts best first (higher score, then lower
        // page, then lower section): sorting plain numbers is several times faster than tuples.
        var keys = occurrences.map { o -> UInt64 in
            let score = SearchScoring.score(frequency: Int(o.frequency), length: Int(o.length), averageLength: average,
                                            inHeading: o.boost & inHeading != 0, inTitle: o.boost & inTitle != 0)
            return UInt64(0xFFFF - min(score, 0xFFFF)) << 48 | UInt64(o.page) << 24 | UInt64(o.section)
        }
        keys.sort()
        let scored = keys.prefix(SearchScoring.cap).map { key in
            (page: Int(key >> 24 & 0xFF_FFFF), section: Int(key & 0xFF_FFFF), score: 0xFFFF - Int(key >> 48))
        }
        var json = JSONBytes()
        json.appendQuoted(word)
        json.append(":[")
        for (n, posting) in scored.enumerated() {
            if n > 0 { json.append(",") }
            json.append(posting.page)
            json.append(",")
            json.append(posting.section)
            json.append(",")
            json.append(posting.score)
        }
        json.append("]")
        return json
    }
}
