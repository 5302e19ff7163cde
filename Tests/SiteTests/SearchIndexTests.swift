import Foundation
import Testing
@testable import Site

/// The search index docgen writes: pages cut at their headings, words as the browser splits them,
/// which pages are in it, its files, and the switches that leave it out.
@Suite struct SearchIndexTests {
    @Test func contentIsCutAtHeadingsWithIDs() {
        let html = """
        <p>Intro &amp; <code>x</code>s.</p>
        <h2 id="set-up">Set <em>up</em></h2>
        <p>First</p><p>second.</p>
        <h4 class="alert-heading">Note</h4><script>var hidden = 1;</script>
        <h3 id="a&amp;b">A &lt;b&gt;</h3><!-- gone --><ul><li>one</li><li>two&nbsp;three</li></ul>
        """
        #expect(SectionSplitter.sections(of: html) == [
            SearchSection(heading: "", anchor: "", text: "Intro & xs."),
            SearchSection(heading: "Set up", anchor: "set-up", text: "First second. Note"),
            SearchSection(heading: "A <b>", anchor: "a&b", text: "one two\u{A0}three"),
        ])
    }

    /// The cut's switches on packed tag names hold exactly the names of its lists.
    @Test func tagNamesArePackedAsTheSwitchesSay() {
        let names = SectionSplitter.TagNames.self
        for name in names.inlineNames {
            #expect(names.isInline(names.packed(name)) && !names.isSkipped(names.packed(name)), "\(name)")
        }
        for name in names.skippedNames {
            #expect(names.isSkipped(names.packed(name)) && !names.isInline(names.packed(name)), "\(name)")
        }
        for other in ["p", "div", "h2", "pre", "li", "table", "spa", "spans", "scripts", "c", "st", "strongs", "temp"] {
            #expect(!names.isInline(names.packed(other)) && !names.isSkipped(names.packed(other)), "\(other)")
        }
    }

    @Test func wordsAreLettersAndDigitsLowerCased() {
        #expect(SearchTerms.all(in: "Attach S3-Storage, Größe 2x; naïve_Δέλτα") == ["attach", "s3", "storage", "größe", "2x", "naïve", "δέλτα"])
        #expect(SearchTerms.all(in: String(repeating: "a", count: 41) + " ok") == ["ok"])
        #expect(["backblaze", "0day", "éclair", ""].map(SearchTerms.shard) == ["b", "0", "_", "_"])
    }

    /// The byte-level splitter against the rule it stands for, written plainly over scalars: the
    /// texts mix ASCII words with non-ASCII letters, quotes, dashes, emoji, long runs and edges.
    @Test func theFastSplitterAgreesWithThePlainRule() {
        func plain(_ text: String) -> [String] {
            var words: [String] = [], word = ""
            func end() {
                if !word.isEmpty && word.unicodeScalars.count <= SearchTerms.longest { words.append(word.lowercased()) }
                word = ""
            }
            for scalar in text.unicodeScalars {
                if SearchTerms.isLetterOrNumber(scalar) { word.unicodeScalars.append(scalar) } else { end() }
            }
            end()
            return words
        }
        let long = String(repeating: "x", count: 40)
        let texts = [
            "", " ", "—", "a", "A—B", "don’t “Quote” it…", "ÉCLAIR au café, naïveté", "x\u{A0}y", "end😀", "😀start", "ΔΈΛΤΑ-test",
            long, long + "y", long + "é", "é" + long, String(repeating: "é", count: 41), "mix" + String(repeating: "ü", count: 37),
            "tab\tnew\nline\r\nend.", "1,000.50 km²", "Attach THE Bucket", "abcdefg", "abcdefgh", "abcdefghi", "ABCDEFGé x",
            "Seven77 Eight888 Nine99999 é", "a b c d e f g h i j", "........x", "--------Word--------", "[]`{}@/:", "x" + long + " y", "CamelCase" + long, "UPPERé", "mIx—ED", "日本語のテキスト", "a\u{301}b", "x\u{200B}y",
            "fifteenletters1 SixteenLetters22 seventeenletters3 ABCDEFGHIJKLMNOP Q", "abcdefghijklmnoé x", "abcdefghijé", "EIGHTCHR.", "eightchr",
            "ninechars" + String(repeating: " ", count: 7), "CamelCaseWord99 x",
        ]
        for text in texts { #expect(SearchTerms.all(in: text) == plain(text), "\(text.debugDescription)") }
        #expect(SearchTerms.all(in: texts.joined(separator: " ")) == plain(texts.joined(separator: " ")))
        // The hash given with each word is the one a lookup by the word's bytes computes.
        struct HashCheck: WordSink {
            var words = 0, wrong = 0
            mutating func take(_ word: UnsafeBufferPointer<UInt8>, hash: WordHash) {
                words += 1
                let again = WordHash.of(word)
                if hash.value != again.value || hash.packed != again.packed || hash.count != word.count { wrong += 1 }
            }
        }
        var check = HashCheck()
        SearchTerms.eachWord(in: texts.joined(separator: " "), into: &check)
        #expect(check.words > 30 && check.wrong == 0, "\(check.words) words")
    }

    /// The eight-byte letter-and-digit mask against a byte-by-byte check, for every byte value at
    /// every place of a block, beside neighbours at the edges of the ranges.
    @Test func theEightByteWordMaskIsExact() {
        func isWordByte(_ byte: UInt8) -> Bool { (0x30...0x39).contains(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte) }
        var wrong = 0
        for byte in 0...255 {
            for neighbour: UInt8 in [0x00, 0x2F, 0x30, 0x39, 0x3A, 0x40, 0x41, 0x5A, 0x5B, 0x60, 0x61, 0x7A, 0x7B, 0x7F, 0x80, 0xFF] {
                for place in 0..<8 {
                    var bytes = [UInt8](repeating: neighbour, count: 8)
                    bytes[place] = UInt8(byte)
                    let x = bytes.enumerated().reduce(UInt64(0)) { $0 | UInt64($1.element) << (8 * UInt64($1.offset)) }
                    let expected = bytes.enumerated().reduce(UInt64(0)) { isWordByte($1.element) ? $0 | 0x80 << (8 * UInt64($1.offset)) : $0 }
                    if SearchTerms.wordBytes(x) != expected { wrong += 1 }
                }
            }
        }
        #expect(wrong == 0)
    }

    /// The eight-byte mask of bytes that may end a run of text: its lowest bit marks the first
    /// byte at most 0x20 or '<', for every byte value at every place beside varied neighbours.
    @Test func theEightByteRunEndIsExact() {
        func ends(_ byte: UInt8) -> Bool { byte <= 0x20 || byte == UInt8(ascii: "<") }
        var wrong = 0
        for byte in 0...255 {
            for neighbour: UInt8 in [0x00, 0x01, 0x1F, 0x20, 0x21, 0x3B, 0x3C, 0x3D, 0x41, 0x7F, 0x80, 0xC3, 0xFF] {
                for place in 0..<8 {
                    var bytes = [UInt8](repeating: neighbour, count: 8)
                    bytes[place] = UInt8(byte)
                    let block = bytes.enumerated().reduce(UInt64(0)) { $0 | UInt64($1.element) << (8 * UInt64($1.offset)) }
                    let mask = SectionSplitter.specialBytes(block)
                    let first = mask == 0 ? nil : mask.trailingZeroBitCount / 8
                    if first != bytes.firstIndex(where: ends) || (mask != 0 && mask.trailingZeroBitCount % 8 != 7) { wrong += 1 }
                }
            }
        }
        #expect(wrong == 0)
    }

    /// The cut's text against the rule written plainly: inline tags vanish, other tags and runs of
    /// white space become one space, none at the ends. The texts are drawn (seeded) from pieces
    /// that put each kind of byte at every place of an eight-byte block.
    @Test func theCutKeepsTextAsThePlainRuleSays() {
        let pieces = ["a", "word", "Größe", "abcdefgh", "x1", " ", "  ", "\n", "\t", "\r\n", "<b>", "</b>", "<p>", "</p>",
                      "<code>", "&amp;", "\u{1}", "😀", ".", "<br>", "<!-- c -->", "\u{A0}"]
        func plain(_ html: String) -> String {
            var text = html
            for tag in ["<b>", "</b>", "<code>"] { text = text.replacingOccurrences(of: tag, with: "") }
            for tag in ["<p>", "</p>", "<br>"] { text = text.replacingOccurrences(of: tag, with: " ") }
            text = text.replacingOccurrences(of: "<!-- c -->", with: "").replacingOccurrences(of: "&amp;", with: "&")
            // White space as the cut takes it: no-break space and other characters are text.
            let words = text.split(whereSeparator: { [" ", "\n", "\t", "\r", "\r\n"].contains($0) })
            return words.joined(separator: " ")
        }
        var seed: UInt64 = 0x9E37_79B9_7F4A_7C15
        var wrong: [String] = []
        for _ in 0..<400 {
            var html = ""
            for _ in 0..<(Int(seed >> 60) + 8) {
                seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                html += pieces[Int(seed >> 33) % pieces.count]
            }
            let cut = SectionSplitter.sections(of: html)
            if cut != [SearchSection(heading: "", anchor: "", text: plain(html))] { wrong.append(html) }
        }
        #expect(wrong.count == 0, "first: \(wrong.prefix(3).map(\.debugDescription))")
    }

    /// A section with as many distinct words as the counters first have room for (1,024), each
    /// twice, then the title's word, which grows them: none is lost, and the slot written past
    /// the kept ones stays inside the buffer (the address sanitizer run checks that).
    @Test func aSectionThatFillsTheCountersKeepsEveryWord() {
        let words = (1...1_024).map { "w\($0)" }
        let text = (words + words.reversed()).joined(separator: " ")
        let page = SearchPage(title: "T", url: "t/", crumbs: [], sections: [SearchSection(heading: "", anchor: "", text: text),
                                                                            SearchSection(heading: "H", anchor: "h", text: "w7 w7 w7")])
        let postings = SearchPostings(pages: [page, page])
        #expect(postings.terms.count == 1_026)
        let counts = Dictionary(uniqueKeysWithValues: postings.terms.map { ($0.term, $0.sections) })
        #expect(words.allSatisfy { counts[$0] == ($0 == "w7" ? 4 : 2) } && counts["t"] == 2 && counts["h"] == 2)
        #expect(postings.sectionCount == 4)
    }

    /// Where a snippet ends, against the rule written plainly over scalars: at the last space
    /// before the 1,200th character, else there; nil for a text no longer than that. The texts put
    /// spaces, none, and two- and four-byte characters before, at and after the limit.
    @Test func snippetsEndAsThePlainRuleSays() {
        func plain(_ text: String) -> Int? {
            var offset = 0, lastSpace: Int?
            for (n, scalar) in text.unicodeScalars.enumerated() {
                if n == SearchIndexFiles.snippetText { return lastSpace ?? offset }
                if scalar == " " { lastSpace = offset }
                offset += String(scalar).utf8.count
            }
            return nil
        }
        let limit = SearchIndexFiles.snippetText
        var texts = [String(repeating: "a", count: limit), String(repeating: "a", count: limit + 1), String(repeating: "ab cd ", count: 400)]
        for at in [0, 1, limit - 2, limit - 1, limit, limit + 1] {
            var word = Array(repeating: "x", count: limit + 5)
            word[min(at, word.count - 1)] = " "
            texts.append(word.joined())
            word[max(0, at - 3)] = "é"
            texts.append(word.joined())
            word[max(0, at - 7)] = "😀"
            texts.append(word.joined())
        }
        texts.append(String(repeating: "é ", count: 700))
        texts.append(String(repeating: "a", count: limit - 1) + "é" + String(repeating: " b", count: 20))
        for var text in texts {
            let got = text.withUTF8 { SearchIndexFiles.snippetEnd($0) }
            #expect(got == plain(text), "\(text.utf8.count) bytes")
        }
    }

    @Test func scoresFavourTitlesThenHeadings() {
        let body = SearchScoring.score(frequency: 3, length: 100, averageLength: 100, inHeading: false, inTitle: false)
        // BM25 with k1 = 1.2, b = 0.75 at the average length: 3 × 2.2 / (3 + 1.2) × 20 ≈ 31.
        let heading = SearchScoring.score(frequency: 0, length: 100, averageLength: 100, inHeading: true, inTitle: false)
        let title = SearchScoring.score(frequency: 0, length: 100, averageLength: 100, inHeading: false, inTitle: true)
        #expect([body, heading, title] == [31, 60, 100] as [Int])
    }

    static let pages = [
        "content/_index.md": "---\ntitle: Home\n---\nWelcome.\n",
        "content/docs/_index.md": "---\ntitle: Docs\n---\n",
        "content/docs/storage.md": "---\ntitle: Cloud storage\ndescription: Where data lives.\n---\nBuckets.\n\n## Backblaze\n\nAttach a B2 bucket.\n",
        "content/docs/secret.md": "---\ntitle: Secret\nexclude_search: true\n---\nBackblaze keys.\n",
    ]

    func build(_ files: [String: String]) throws -> (root: String, report: BuildReport) {
        let root = try siteFolder(files, label: "docgen-search")
        return (root, SiteBuilder.build(config(source: root, destination: root + "/public")))
    }

    @Test func theIndexHoldsEveryPageButExcludedOnes() throws {
        let (root, report) = try build(Self.pages)
        defer { try? FileManager.default.removeItem(atPath: root) }
        #expect(report.diagnostics.isEmpty, "\(report.diagnostics)")
        let files = snapshot(root + "/public").keys.filter { $0.hasPrefix("docgen-search/") }.sorted()
        #expect(files == ["docgen-search/d/a.json", "docgen-search/d/b.json", "docgen-search/d/c.json",
                          "docgen-search/d/d.json", "docgen-search/d/h.json", "docgen-search/d/l.json", "docgen-search/d/s.json",
                          "docgen-search/d/w.json", "docgen-search/f/0.json", "docgen-search/f/1.json", "docgen-search/f/2.json",
                          "docgen-search/meta.json", "docgen-search/p/0.json"])
        func read(_ path: String) throws -> String { try String(contentsOfFile: root + "/public/docgen-search/" + path, encoding: .utf8) }
        #expect(try read("meta.json") == #"{"version":1,"pages":3,"sections":4,"cap":200,"chunks":["a"],"shards":["a","b","c","d","h","l","s","w"]}"#)
        #expect(try read("f/2.json") == #"{"t":"Cloud storage","u":"docs/storage/","p":["Docs"],"s":[["","","Where data lives. Buckets."],["Backblaze","backblaze","Attach a B2 bucket."]]}"#)
        #expect(try read("d/b.json") == #"{"t":["b2","backblaze","bucket","buckets"],"d":[1,1,1,1]}"#)
        // Page 2 (storage), section 1: "backblaze" is the section's heading; section 0 holds the title's words.
        let postings = try read("p/0.json")
        #expect(postings.contains(#""backblaze":[2,1,60]"#), "\(postings)")
        #expect(postings.contains(#""cloud":[2,0,100]"#), "\(postings)")
        #expect(!postings.contains("keys"))
        let header = try String(contentsOfFile: root + "/public/docs/storage/index.html", encoding: .utf8)
        #expect(header.contains(#"<form class="site-search" role="search" data-root="/" data-index="/docgen-search/" hidden>"#))
        #expect(header.contains(#"<script defer src="/docgen-search-engine.js"></script>"#))
    }

    @Test func searchFalseWritesNoIndexAndNoBox() throws {
        let (root, report) = try build(Self.pages.merging(["docgen.yaml": "search: false\n"]) { a, _ in a })
        defer { try? FileManager.default.removeItem(atPath: root) }
        #expect(report.diagnostics.isEmpty, "\(report.diagnostics)")
        #expect(snapshot(root + "/public").keys.filter { $0.hasPrefix("docgen-search") }.isEmpty)
        let page = try String(contentsOfFile: root + "/public/docs/storage/index.html", encoding: .utf8)
        #expect(!page.contains("site-search"))
        #expect(!page.contains("docgen-search"))
    }

    @Test func hugosOfflineSearchFalseSwitchesItOff() throws {
        for (toml, on) in [("[params]\nofflineSearch = false\n", false), ("[params]\nofflineSearch = true\n", true), ("title = 'x'\n", true)] {
            let root = try siteFolder(["hugo.toml": toml, "content/_index.md": "---\ntitle: Home\n---\n"], label: "docgen-search")
            defer { try? FileManager.default.removeItem(atPath: root) }
            let (config, problems) = SiteConfig.load(source: root)
            #expect(problems.isEmpty)
            #expect(config.search == on, "\(toml)")
        }
    }

    @Test func contentInTheIndexFolderIsAnError() throws {
        let (root, report) = try build(Self.pages.merging(["content/docgen-search/_index.md": "---\ntitle: Mine\n---\n"]) { a, _ in a })
        defer { try? FileManager.default.removeItem(atPath: root) }
        #expect(report.diagnostics.map { $0.description.replacingOccurrences(of: root, with: "SITE") } == [
            "SITE/content/docgen-search/_index.md:1:1: error: 'docgen-search/index.html' lies in docgen-search/, where docgen writes the search index: "
                + "move that page or file, or switch search off with 'search: false' in docgen.yaml",
        ])
        #expect(!FileManager.default.fileExists(atPath: root + "/public"))
    }

    @Test func aRebuildOverThePreviousSiteEqualsAFreshBuild() throws {
        let (root, first) = try build(Self.pages)
        defer { try? FileManager.default.removeItem(atPath: root) }
        #expect(first.succeeded)
        // Two builds later the first's site is the spare the next build starts from.
        #expect(SiteBuilder.build(config(source: root, destination: root + "/public")).succeeded)
        try FileManager.default.removeItem(atPath: root + "/content/docs/storage.md")
        #expect(SiteBuilder.build(config(source: root, destination: root + "/public")).succeeded)
        #expect(SiteBuilder.build(config(source: root, destination: root + "/fresh")).succeeded)
        let rebuilt = snapshot(root + "/public").filter { $0.key.hasPrefix("docgen-search/") }
        let fresh = snapshot(root + "/fresh").filter { $0.key.hasPrefix("docgen-search/") }
        #expect(rebuilt.keys.sorted() == fresh.keys.sorted())
        #expect(rebuilt == fresh)
        #expect(fresh["docgen-search/f/2.json"] == nil)
    }

    @Test func theServedSiteHasTheIndexToo() throws {
        let root = try siteFolder(Self.pages, label: "docgen-search")
        defer { try? FileManager.default.removeItem(atPath: root) }
        let built = SiteBuilder.buildInMemory(BuildRequest(config: config(source: root, destination: root + "/public")))
        let files = built.site?.files ?? [:]
        #expect(files["docgen-search/meta.json"] == .bytes(Array(#"{"version":1,"pages":3,"sections":4,"cap":200,"chunks":["a"],"shards":["a","b","c","d","h","l","s","w"]}"#.utf8)))
        #expect(files.keys.filter { $0.hasPrefix("docgen-search/") }.count == 13)
    }
}
