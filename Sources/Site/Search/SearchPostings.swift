import Basics
import JSON

/// Every word of the indexed pages with its postings: where it occurs (page, section) and how
/// much it weighs there, best first and capped (see `SearchScoring`). Words become numbers as
/// soon as they are read, so that the merge moves numbers, not strings: pages are read on all
/// cores, each chunk with its own vocabulary and its occurrences grouped by word; the chunks'
/// vocabularies are joined once, and each word's postings are its groups from every chunk, in
/// page order, ranked on all cores.
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
        /// Grouped by word number, each group in page and section order.
        var occurrences: [Occurrence] = []
        /// Where each word number's group starts in `occurrences`, and one past the last.
        var starts: [Int] = []
        var sections = 0
        var length = 0

        /// Groups the occurrences by word with a counting sort, on the chunk's own core and
        /// within its cache, so that the merge only has to pick the groups up.
        mutating func group() {
            var starts = [Int](repeating: 0, count: words.count + 1)
            for occurrence in occurrences { starts[Int(occurrence.term) + 1] += 1 }
            for w in words.indices { starts[w + 1] += starts[w] }
            var fill = starts
            var grouped = occurrences
            for occurrence in occurrences {
                grouped[fill[Int(occurrence.term)]] = occurrence
                fill[Int(occurrence.term)] += 1
            }
            self.occurrences = grouped
            self.starts = starts
        }
    }

    init(pages: [SearchPage]) {
        let reads = parallelChunks(count: pages.count, chunksPerWorker: 4) { range in Self.read(pages, range) }
        // One vocabulary for the site; each chunk's numbers are mapped into it.
        var site = WordNumbers()
        let globals = reads.map { read in
            read.words.map { word -> Int32 in
                var word = word
                return Int32(word.withUTF8 { site.number($0) })
            }
        }
        let words = site.words
        let sectionCount = reads.reduce(0) { $0 + $1.sections }
        let average = Double(reads.reduce(0) { $0 + $1.length }) / Double(max(sectionCount, 1))

        // Compared as arrays made once: walking two strings' UTF-16 views per comparison is slow.
        let keys = words.map { Array($0.utf16) }
        let order = words.indices.sorted { keys[$0].lexicographicallyPrecedes(keys[$1]) }
        var rank = [Int32](repeating: 0, count: words.count)
        for (n, w) in order.enumerated() { rank[w] = Int32(n) }
        // For each word of the site (by its place in the sorted vocabulary), its number in each
        // chunk, or -1 where the chunk lacks it.
        let locals = reads.indices.map { r -> [Int32] in
            var local = [Int32](repeating: -1, count: words.count)
            for (l, global) in globals[r].enumerated() { local[Int(rank[Int(global)])] = Int32(l) }
            return local
        }
        terms = parallelChunks(count: order.count) { range -> [Term] in
            var scratch = Scratch()
            return range.map { k in
                let word = words[order[k]]
                // Chunks are in page order, so their groups one after the other are too.
                let groups = reads.indices.compactMap { r -> ArraySlice<Occurrence>? in
                    let l = Int(locals[r][k])
                    return l < 0 ? nil : reads[r].occurrences[reads[r].starts[l]..<reads[r].starts[l + 1]]
                }
                return Term(term: word, sections: groups.reduce(0) { $0 + $1.count },
                            json: Self.postings(word, groups, average: average, scratch: &scratch))
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
                    let state = section.state[Int(w)]
                    read.occurrences.append(Occurrence(term: w, page: Int32(p), section: Int32(s), frequency: Int32(state >> 8),
                                                       length: section.length, boost: UInt8(state & 0xFF)))
                    section.state[Int(w)] = 0
                }
                section.touched.removeAll(keepingCapacity: true)
                read.sections += 1
                read.length += Int(section.length)
                section.length = 0
            }
        }
        read.words = section.numbers.words
        read.group()
        return read
    }

    /// The words of the section being read: how often each occurs in its text, and whether it is
    /// in its heading or the page's title. Counters are per word number and reset after each
    /// section through `touched`, so that a section costs its own words only.
    private struct SectionWords: WordSink {
        var numbers = WordNumbers()
        /// Per word number: its count in the text so far, shifted left 8, or'ed with its boosts;
        /// 0 for a word not yet in the section. One array, so one check per word.
        var state: [UInt32] = []
        var touched: [Int32] = []
        var length: Int32 = 0
        /// 0 while reading the text, which is counted; else the boost a word gets.
        var flag: UInt8 = 0

        mutating func take(_ word: UnsafeBufferPointer<UInt8>, hash: UInt32) {
            let w = numbers.number(word, hash: hash)
            if w == state.count { state.append(0) }
            state.withUnsafeMutableBufferPointer { state in
                if state[w] == 0 { touched.append(Int32(w)) }
                if flag == 0 {
                    state[w] &+= 1 << 8
                    length += 1
                } else {
                    state[w] |= UInt32(flag)
                }
            }
        }
    }

    /// Buffers a worker reuses from one word to the next.
    private struct Scratch {
        var scores: [UInt8] = []
        var next = [Int](repeating: 0, count: 256)
        var best: [Int] = []
        var occurrences: [Occurrence] = []
    }

    /// A word's entry in its postings file, best sections first, at most `SearchScoring.cap`.
    private static func postings(_ word: String, _ groups: [ArraySlice<Occurrence>], average: Double,
                                 scratch: inout Scratch) -> JSONBytes {
        // Best first, then page and section, by a counting sort on the score: a score fits in a
        // byte, and the group is already in page and section order, which the sort keeps.
        scratch.scores.removeAll(keepingCapacity: true)
        for k in 0..<256 { scratch.next[k] = 0 }
        scratch.occurrences.removeAll(keepingCapacity: true)
        for group in groups { scratch.occurrences.append(contentsOf: group) }
        let occurrences = scratch.occurrences
        for o in occurrences {
            let score = UInt8(min(255, SearchScoring.score(frequency: Int(o.frequency), length: Int(o.length), averageLength: average,
                                                           inHeading: o.boost & inHeading != 0, inTitle: o.boost & inTitle != 0)))
            scratch.scores.append(score)
            scratch.next[Int(score)] += 1
        }
        var placed = 0
        for score in stride(from: 255, through: 0, by: -1) {
            let count = scratch.next[score]
            scratch.next[score] = placed
            placed += count
        }
        let kept = min(occurrences.count, SearchScoring.cap)
        scratch.best.removeAll(keepingCapacity: true)
        scratch.best.append(contentsOf: repeatElement(0, count: kept))
        for (i, score) in scratch.scores.enumerated() {
            let at = scratch.next[Int(score)]
            scratch.next[Int(score)] = at + 1
            if at < kept { scratch.best[at] = i }
        }
        var json = JSONBytes(capacity: word.utf8.count + 4 + 16 * kept)
        json.appendQuoted(word)
        json.append(":")
        json.appendArray(scratch.best) { json, i in
            json.append(Int(occurrences[i].page))
            json.append(",")
            json.append(Int(occurrences[i].section))
            json.append(",")
            json.append(Int(scratch.scores[i]))
        }
        return json
    }
}
