import Basics
import JSON

/// Every word of the indexed pages with its postings: where it occurs (page, section) and how
/// much it weighs there, best first and capped (see `SearchScoring`). Words become numbers as
/// soon as they are read, so that the merge moves numbers, not strings: pages are read on all
/// cores, each chunk with its own vocabulary; the chunks' vocabularies are joined and sorted once;
/// each chunk groups its postings by the sorted word, and each word's postings are its groups
/// from every chunk, in page order, ranked on all cores.
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

    private static let inHeading: UInt8 = 1, inTitle: UInt8 = 2

    /// A section of a chunk: its page, its place in the page, and its length in words.
    private struct Section {
        let page: Int32
        let index: Int32
        let length: Int32
    }

    /// A word in one section of a chunk: the section's number in the chunk, and how often the
    /// word occurs in its text shifted left 8, or'ed with its boosts.
    private struct Posting {
        let section: Int32
        let state: UInt32
    }

    /// One chunk of pages read: its own words by number, its sections, and every (word, section)
    /// it holds, in section order.
    private struct Read {
        var words = WordNumbers()
        var sections: [Section] = []
        var postings: [Posting] = []
        /// The chunk's number of each posting's word.
        var terms: [Int32] = []
    }

    /// A chunk's postings grouped by the site's sorted word, each group in section order: the
    /// merge goes through the site's words in that order, so it reads each chunk front to back.
    private struct Grouped {
        var postings: [Posting]
        /// Where each sorted word's group starts in `postings`, and one past the last.
        var starts: [Int]

        /// A counting sort, on the chunk's own core: `place` is the sorted place of each of the
        /// chunk's word numbers.
        init(_ read: Read, place: [Int32], words: Int) {
            var starts = [Int](repeating: 0, count: words + 1)
            for term in read.terms { starts[Int(place[Int(term)]) + 1] += 1 }
            for w in 0..<words { starts[w + 1] += starts[w] }
            var fill = starts
            // Made in place rather than copied and overwritten: every posting is placed once.
            self.postings = [Posting](unsafeUninitializedCapacity: read.postings.count) { grouped, count in
                read.postings.withUnsafeBufferPointer { postings in
                    for (k, term) in read.terms.enumerated() {
                        let w = Int(place[Int(term)])
                        (grouped.baseAddress! + fill[w]).initialize(to: postings[k])
                        fill[w] += 1
                    }
                }
                count = read.postings.count
            }
            self.starts = starts
        }
    }

    /// Every section of the site with what scoring needs of it, numbered across the chunks.
    private struct Sections {
        var sections: [Section] = []
        /// Where each chunk's sections start in `sections`.
        var offsets: [Int] = []
        /// Per section, its text scores for a word that occurs 1–4 times: most do, and a table
        /// saves the division and rounding per posting.
        var smallScores: [UInt8] = []
        var norms: [Double] = []

        init(_ reads: [Read], average: Double) {
            for read in reads {
                offsets.append(sections.count)
                sections += read.sections
            }
            norms = sections.map { SearchScoring.norm(length: Int($0.length), averageLength: average) }
            smallScores = norms.flatMap { norm in (1...4).map { UInt8(SearchScoring.textScore(frequency: $0, norm: norm)) } }
        }

        func score(_ state: UInt32, section s: Int) -> UInt8 {
            let frequency = Int(state >> 8)
            var score = frequency == 0 ? 0 : frequency <= 4 ? Int(smallScores[4 * s + frequency - 1])
                : SearchScoring.textScore(frequency: frequency, norm: norms[s])
            if state & UInt32(inHeading) != 0 { score += SearchScoring.headingBoost }
            if state & UInt32(inTitle) != 0 { score += SearchScoring.titleBoost }
            return UInt8(min(255, score))
        }
    }

    init(pages: [SearchPage]) {
        let reads = parallelChunks(count: pages.count, chunksPerWorker: 4) { range in Self.read(pages, range) }
        // One vocabulary for the site; each chunk's numbers are mapped into it.
        var site = WordNumbers()
        let globals = reads.map { site.numbers(of: $0.words) }
        let words = site.words
        let sectionCount = reads.reduce(0) { $0 + $1.sections.count }
        let wordCount = reads.reduce(0) { total, read in read.sections.reduce(total) { $0 + Int($1.length) } }
        let sections = Sections(reads, average: Double(wordCount) / Double(max(sectionCount, 1)))

        let (order, rank) = Self.javaScriptOrder(words)
        // Each chunk's numbers, mapped to the sorted vocabulary.
        let groups = parallelMap(Array(reads.indices)) { r in
            Grouped(reads[r], place: globals[r].map { rank[Int($0)] }, words: words.count)
        }
        // Ranked in ranges of the sorted words; each range reads a stretch of every chunk.
        terms = parallelChunks(count: order.count) { range -> [Term] in
            var scratch = Scratch()
            defer { scratch.release() }
            return range.map { k in
                let word = words[order[k]]
                // Chunks are in page order, so their groups one after the other are too.
                scratch.start(groups.reduce(0) { $0 + $1.starts[k + 1] - $1.starts[k] })
                for r in groups.indices {
                    let offset = sections.offsets[r]
                    groups[r].postings.withUnsafeBufferPointer { postings in
                        for i in groups[r].starts[k]..<groups[r].starts[k + 1] {
                            let s = offset + Int(postings[i].section)
                            scratch.add(sections.score(postings[i].state, section: s), at: Int32(s))
                        }
                    }
                }
                return Term(term: word, sections: scratch.count, json: Self.postings(word, sections.sections, scratch: &scratch))
            }
        }.flatMap { $0 }
        self.sectionCount = sectionCount
    }

    private static func read(_ pages: [SearchPage], _ range: Range<Int>) -> Read {
        var read = Read()
        // Room for about as many postings as the text can hold, so that the arrays are not
        // copied as they grow: untouched room costs nothing, while each copy touched new memory.
        let textBytes = range.reduce(0) { total, p in pages[p].sections.reduce(total) { $0 + $1.text.utf8.count } }
        read.postings.reserveCapacity(textBytes / 8)
        read.terms.reserveCapacity(textBytes / 8)
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
                let number = Int32(read.sections.count)
                for k in 0..<section.touchedCount {
                    let w = section.touched[k]
                    read.terms.append(w)
                    read.postings.append(Posting(section: number, state: section.state[Int(w)]))
                    section.state[Int(w)] = 0
                }
                section.touchedCount = 0
                read.sections.append(Section(page: Int32(p), index: Int32(s), length: section.length))
                section.length = 0
            }
        }
        section.release()
        read.words = section.numbers
        return read
    }

    /// The words' order by UTF-16 code units, the order JavaScript compares strings in, and
    /// each word's place in it.
    private static func javaScriptOrder(_ words: [String]) -> (order: [Int], rank: [Int32]) {
        // Compared as arrays made once: walking two strings' UTF-16 views per comparison is slow.
        let keys = words.map { Array($0.utf16) }
        let order = words.indices.sorted { keys[$0].lexicographicallyPrecedes(keys[$1]) }
        var rank = [Int32](repeating: 0, count: words.count)
        for (n, w) in order.enumerated() { rank[w] = Int32(n) }
        return (order, rank)
    }

    /// The words of the section being read: how often each occurs in its text, and whether it is
    /// in its heading or the page's title. Counters are per word number and reset after each
    /// section through `touched`, so that a section costs its own words only.
    private struct SectionWords: WordSink {
        var numbers = WordNumbers()
        /// Per word number: its count in the text so far, shifted left 8, or'ed with its boosts;
        /// 0 for a word not yet in the section. One buffer, so one check per word; a pointer, as
        /// an array checked its uniqueness on every word of the site. `release` frees it.
        private(set) var state = UnsafeMutablePointer<UInt32>.allocate(capacity: 1024)
        /// The section's word numbers, each once, in the order first met: at most as many as
        /// there are words, so room for `state`'s count and one more, written and not kept.
        private(set) var touched = UnsafeMutablePointer<Int32>.allocate(capacity: 1024 + 1)
        var touchedCount = 0
        private var capacity = 1024
        var length: Int32 = 0
        /// 0 while reading the text, which is counted; else the boost a word gets.
        var flag: UInt8 = 0

        @inline(__always)
        mutating func take(_ word: UnsafeBufferPointer<UInt8>, hash: WordHash) {
            let w = numbers.number(word, hash: hash)
            if w == capacity { grow() }
            // Written always and kept only for a word new to the section, without a branch:
            // about half the words of a text are, which no branch predictor can guess.
            let old = state[w]
            touched[touchedCount] = Int32(w)
            touchedCount &+= old == 0 ? 1 : 0
            if flag == 0 {
                state[w] = old &+ 1 << 8
                length &+= 1
            } else {
                state[w] = old | UInt32(flag)
            }
        }

        private mutating func grow() {
            let larger = UnsafeMutablePointer<UInt32>.allocate(capacity: 2 * capacity)
            larger.initialize(from: state, count: capacity)
            (larger + capacity).initialize(repeating: 0, count: capacity)
            state.deallocate()
            state = larger
            let room = UnsafeMutablePointer<Int32>.allocate(capacity: 2 * capacity + 1)
            room.initialize(from: touched, count: touchedCount)
            touched.deallocate()
            touched = room
            capacity *= 2
        }

        init() { state.initialize(repeating: 0, count: capacity) }

        func release() {
            state.deallocate()
            touched.deallocate()
        }
    }

    /// Buffers a worker reuses from one word to the next; `release` frees them.
    private struct Scratch {
        /// The word's score in each section that holds it, in page and section order, and those
        /// sections by their number across the chunks: `count` of each. Pointers, as are the
        /// sort's counters: an array written through the worker's scratch checked its uniqueness
        /// with a call at every element. `release` frees them.
        private(set) var scores = UnsafeMutablePointer<UInt8>.allocate(capacity: 1024)
        private(set) var places = UnsafeMutablePointer<Int32>.allocate(capacity: 1024)
        private var room = 1024
        var count = 0
        /// Per score, how many postings have it, then where the first of them goes.
        let next = UnsafeMutablePointer<Int>.allocate(capacity: 256)
        /// The places in `scores` of the postings kept, best first.
        let best = UnsafeMutablePointer<Int>.allocate(capacity: SearchScoring.cap)
        /// Room for the numbers and commas of `cap` postings of three numbers each.
        let text = UnsafeMutablePointer<UInt8>.allocate(capacity: SearchScoring.cap * 3 * 21)

        /// Empties the lists and makes room for `needed` postings.
        mutating func start(_ needed: Int) {
            count = 0
            guard needed > room else { return }
            scores.deallocate()
            places.deallocate()
            room = max(needed, 2 * room)
            scores = .allocate(capacity: room)
            places = .allocate(capacity: room)
        }

        @inline(__always)
        mutating func add(_ score: UInt8, at place: Int32) {
            scores[count] = score
            places[count] = place
            count += 1
        }

        func release() {
            scores.deallocate()
            places.deallocate()
            next.deallocate()
            best.deallocate()
            text.deallocate()
        }
    }

    /// A word's entry in its postings file, best sections first, at most `SearchScoring.cap`.
    private static func postings(_ word: String, _ sections: [Section], scratch: inout Scratch) -> JSONBytes {
        // Best first, then page and section, by a counting sort on the score: a score fits in a
        // byte, and the postings are already in page and section order, which the sort keeps.
        let scores = UnsafeBufferPointer(start: scratch.scores, count: scratch.count)
        scratch.next.initialize(repeating: 0, count: 256)
        for score in scores { scratch.next[Int(score)] += 1 }
        var placed = 0
        for score in stride(from: 255, through: 0, by: -1) {
            let count = scratch.next[score]
            scratch.next[score] = placed
            placed += count
        }
        let kept = min(scores.count, SearchScoring.cap)
        for (i, score) in scores.enumerated() {
            let at = scratch.next[Int(score)]
            scratch.next[Int(score)] = at + 1
            if at < kept { scratch.best[at] = i }
        }
        // The numbers go into a buffer of the worker's and are appended at once: appending them
        // one by one was half the merge's time.
        var used = 0
        for (n, i) in UnsafeBufferPointer(start: scratch.best, count: kept).enumerated() {
            let section = sections[Int(scratch.places[i])]
            if n > 0 { scratch.text[used] = UInt8(ascii: ","); used += 1 }
            used += JSONBytes.write(Int(section.page), to: scratch.text + used)
            scratch.text[used] = UInt8(ascii: ",")
            used += 1
            used += JSONBytes.write(Int(section.index), to: scratch.text + used)
            scratch.text[used] = UInt8(ascii: ",")
            used += 1
            used += JSONBytes.write(Int(scores[i]), to: scratch.text + used)
        }
        var json = JSONBytes(capacity: word.utf8.count + 5 + used)
        json.appendQuoted(word)
        json.append(":[")
        json.appendJSON(UnsafeBufferPointer(start: scratch.text, count: used))
        json.append("]")
        return json
    }
}
