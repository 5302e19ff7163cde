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
        let json: [UInt8]
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
        var numbers = WordNumbers()
        var counts: [Int32] = []
        var boosts: [UInt8] = []
        var touched: [Int32] = []
        func id(_ word: UnsafeBufferPointer<UInt8>) -> Int32 {
            let n = numbers.number(word)
            if n == counts.count {
                counts.append(0)
                boosts.append(0)
            }
            return Int32(n)
        }
        for p in range {
            let page = pages[p]
            for (s, section) in page.sections.enumerated() {
                var length: Int32 = 0
                SearchTerms.eachWord(in: section.text) { word in
                    let w = Int(id(word))
                    if counts[w] == 0 && boosts[w] == 0 { touched.append(Int32(w)) }
                    counts[w] += 1
                    length += 1
                }
                func boost(_ text: String, _ flag: UInt8) {
                    SearchTerms.eachWord(in: text) { word in
                        let w = Int(id(word))
                        if counts[w] == 0 && boosts[w] == 0 { touched.append(Int32(w)) }
                        boosts[w] |= flag
                    }
                }
                boost(section.heading, inHeading)
                if s == 0 { boost(page.title, inTitle) }
                for w in touched {
                    read.occurrences.append(Occurrence(term: w, page: Int32(p), section: Int32(s), frequency: counts[Int(w)],
                                                       length: length, boost: boosts[Int(w)]))
                    counts[Int(w)] = 0
                    boosts[Int(w)] = 0
                }
                touched.removeAll(keepingCapacity: true)
                read.sections += 1
                read.length += Int(length)
            }
        }
        read.words = numbers.words
        return read
    }

    /// A word's entry in its postings file, best sections first, at most `SearchScoring.cap`.
    private static func postings(_ word: String, _ occurrences: ArraySlice<Occurrence>, average: Double) -> [UInt8] {
        var scored = occurrences.map { o in
            (page: o.page, section: o.section,
             score: Int32(SearchScoring.score(frequency: Int(o.frequency), length: Int(o.length), averageLength: average,
                                              inHeading: o.boost & inHeading != 0, inTitle: o.boost & inTitle != 0)))
        }
        scored.sort { a, b in a.score != b.score ? a.score > b.score : a.page != b.page ? a.page < b.page : a.section < b.section }
        var json = Array(JSONText.quoted(word).utf8)
        json.append(UInt8(ascii: ":"))
        json.append(UInt8(ascii: "["))
        for (n, posting) in scored.prefix(SearchScoring.cap).enumerated() {
            if n > 0 { json.append(UInt8(ascii: ",")) }
            JSONText.append(posting.page, to: &json)
            json.append(UInt8(ascii: ","))
            JSONText.append(posting.section, to: &json)
            json.append(UInt8(ascii: ","))
            JSONText.append(posting.score, to: &json)
        }
        json.append(UInt8(ascii: "]"))
        return json
    }
}

/// Small pieces of JSON written as bytes, for the postings, which are mostly numbers.
enum JSONText {
    static func quoted(_ text: String) -> String { JSONValue.string(text).serialized() }

    static func append(_ number: Int32, to bytes: inout [UInt8]) {
        if number < 10 {
            bytes.append(UInt8(ascii: "0") + UInt8(number))
            return
        }
        var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) = (0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var count = 0
        var rest = number
        withUnsafeMutableBytes(of: &digits) { buffer in
            while rest > 0 {
                buffer[count] = UInt8(ascii: "0") + UInt8(rest % 10)
                rest /= 10
                count += 1
            }
            for k in stride(from: count - 1, through: 0, by: -1) { bytes.append(buffer[k]) }
        }
    }
}
