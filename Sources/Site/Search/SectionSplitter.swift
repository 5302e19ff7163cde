import Basics
import LinkCheck

/// Cuts a page's rendered content into search sections at its h2–h4 headings that carry an id,
/// as plain text: tags are dropped, character references decoded, runs of white space made one space.
/// It reads the content HTML docgen made, not arbitrary HTML, so a byte scan is enough.
enum SectionSplitter {
    static func sections(of html: String) -> [SearchSection] {
        var html = html
        return html.withUTF8 { bytes in
            // The text is never longer than the HTML: each space written stands for at least one
            // byte of white space or tag dropped. So both buffers are allocated once, at that size.
            let text = UnsafeMutablePointer<UInt8>.allocate(capacity: bytes.count + 1)
            let heading = UnsafeMutablePointer<UInt8>.allocate(capacity: bytes.count + 1)
            defer {
                text.deallocate()
                heading.deallocate()
            }
            var scan = Scan(bytes: bytes, text: Written(base: text), heading: Written(base: heading))
            scan.run()
            return scan.sections
        }
    }

    /// Bytes written through a pointer into room known to be enough: no capacity or uniqueness
    /// check per byte, which an array append makes.
    private struct Written {
        let base: UnsafeMutablePointer<UInt8>
        var count = 0

        var bytes: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(start: base, count: count) }
    }

    /// The tag names the cut treats specially, packed into a number as `Scan` reads them:
    /// lower-cased, first letter in the lowest byte.
    enum TagNames {
        /// Elements whose content is not text.
        static let skippedNames = ["script", "style", "template"]

        /// Tags inside a run of text: they do not part words ("<code>x</code>s" is "xs").
        static let inlineNames = ["a", "abbr", "b", "code", "em", "i", "kbd", "mark", "s", "samp", "small", "span",
                                  "strong", "sub", "sup", "u", "var", "del", "ins", "q"]

        // Switches on the packed names (the test `tagNamesArePackedAsTheSwitchesSay` checks them
        // against the lists above): a table read through `swift_once` and scanned was a fifth
        // of the cut's time, as every tag of a highlighted code block asks.
        static func isSkipped(_ name: UInt64) -> Bool {
            switch name {
            case 0x7470_6972_6373: return true  // script
            case 0x65_6c79_7473: return true  // style
            case 0x6574_616c_706d_6574: return true  // template
            default: return false
            }
        }

        static func isInline(_ name: UInt64) -> Bool {
            switch name {
            case 0x6e61_7073: return true  // span
            case 0x6564_6f63: return true  // code
            case 0x61: return true  // a
            case 0x6d65: return true  // em
            case 0x676e_6f72_7473: return true  // strong
            case 0x69: return true  // i
            case 0x62: return true  // b
            case 0x64_626b: return true  // kbd
            case 0x7262_6261: return true  // abbr
            case 0x6b72_616d: return true  // mark
            case 0x73: return true  // s
            case 0x706d_6173: return true  // samp
            case 0x6c_6c61_6d73: return true  // small
            case 0x62_7573: return true  // sub
            case 0x70_7573: return true  // sup
            case 0x75: return true  // u
            case 0x72_6176: return true  // var
            case 0x6c_6564: return true  // del
            case 0x73_6e69: return true  // ins
            case 0x71: return true  // q
            default: return false
            }
        }

        static func packed(_ name: String) -> UInt64 {
            name.utf8.enumerated().reduce(0) { $0 | UInt64($1.element) << (8 * UInt64($1.offset)) }
        }
    }

    /// The high bit of each of eight bytes (first in the lowest) that is at most 0x20 or '<',
    /// the bytes that may end a run of text, by the usual tricks for "has a byte less than n"
    /// and "has a zero byte". The lowest bit set is exact; those above it may not be, and
    /// are not read.
    static func specialBytes(_ block: UInt64) -> UInt64 {
        let ones: UInt64 = 0x0101_0101_0101_0101, highs: UInt64 = 0x8080_8080_8080_8080
        let low = (block &- ones &* 0x21) & ~block & highs
        let angles = block ^ (ones &* UInt64(UInt8(ascii: "<")))
        return low | (angles &- ones) & ~angles & highs
    }

    private struct Scan {
        let bytes: UnsafeBufferPointer<UInt8>
        var sections = [SearchSection(heading: "", anchor: "", text: "")]
        var text: Written
        var heading: Written
        /// The level of the heading whose text is being read, or 0.
        var inHeading: UInt8 = 0
        var spaceDue = false
        /// Read once per page: a static table costs a `swift_once` check at every use.
        let kinds = Scan.kinds

        mutating func run() {
            var i = 0
            let n = bytes.count
            while i < n {
                if bytes[i] == UInt8(ascii: "<") {
                    i = tag(at: i)
                } else if inHeading > 0 {
                    i = Self.copyText(bytes, from: i, into: &heading, space: &spaceDue, kinds: kinds)
                } else {
                    i = Self.copyText(bytes, from: i, into: &text, space: &spaceDue, kinds: kinds)
                }
            }
            close()
        }

        /// Copies the text up to the next tag, white space collapsed; returns where the tag starts.
        /// A run of ordinary bytes is copied eight at a time (`specialBytes` finds where it ends);
        /// a byte that may end it goes through the table, one at a time.
        static func copyText(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, into target: inout Written, space: inout Bool,
                             kinds: UnsafeBufferPointer<UInt8>) -> Int {
            let out = target.base
            let base = bytes.baseAddress!
            var count = target.count, i = start, pending = space
            let n = bytes.count
            while i < n {
                // Eight bytes stored at once even when fewer are kept: the text is never longer
                // than the HTML read (see `sections(of:)`), so `count + 8 <= i + 8 <= n` bytes fit.
                while !pending, i + 8 <= n {
                    let block = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self)
                    UnsafeMutableRawPointer(out + count).storeBytes(of: block, as: UInt64.self)
                    let special = SectionSplitter.specialBytes(block)
                    if special == 0 {
                        i += 8
                        count += 8
                    } else {
                        let run = special.trailingZeroBitCount / 8
                        i += run
                        count += run
                        break
                    }
                }
                guard i < n else { break }
                let byte = bytes[i]
                let kind = kinds[Int(byte)]
                if kind == ordinary {
                    if pending {
                        if count > 0 {
                            out[count] = 0x20
                            count += 1
                        }
                        pending = false
                    }
                    out[count] = byte
                    count += 1
                } else if kind == white {
                    pending = true
                } else {
                    break
                }
                i += 1
            }
            target.count = count
            space = pending
            return i
        }

        private static let ordinary: UInt8 = 0, white: UInt8 = 1, tagStart: UInt8 = 2
        private static let kinds = immortalTable((0..<256).map { byte in
            isSpace(UInt8(byte)) ? white : byte == Int(UInt8(ascii: "<")) ? tagStart : ordinary
        })

        static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D }

        mutating func close() {
            sections[sections.count - 1].text = decodingCharacterReferences(text.bytes)
            text.count = 0
        }

        /// Handles the tag at `start`; returns where reading goes on.
        mutating func tag(at start: Int) -> Int {
            let n = bytes.count
            if match("<!--", at: start) { return find("-->", from: start + 4).map { $0 + 3 } ?? n }
            guard let end = index(of: UInt8(ascii: ">"), from: start) else { return n }
            var i = start + 1
            let closing = i < end && bytes[i] == UInt8(ascii: "/")
            if closing { i += 1 }
            let nameStart = i
            // The name, lower-cased, packed into a number (names longer than eight letters are
            // neither headings nor inline): one comparison per known name, nothing allocated.
            var name: UInt64 = 0
            while i < end, isNameByte(bytes[i]) {
                if i - nameStart < 8 { name |= UInt64(bytes[i] | 0x20) << (8 * UInt64(i - nameStart)) }
                i += 1
            }
            if i - nameStart > 8 { name = 0 }
            if !closing, TagNames.isSkipped(name) {
                let closer = Array("</".utf8) + bytes[nameStart..<i].map { $0 | 0x20 }
                return find(closer, from: end).flatMap { at in index(of: UInt8(ascii: ">"), from: at) }.map { $0 + 1 } ?? n
            }
            let second = UInt8(truncatingIfNeeded: name >> 8)
            let level: UInt8 = name >> 16 == 0 && name & 0xFF == UInt64(UInt8(ascii: "h")) && (UInt8(ascii: "2")...UInt8(ascii: "4")).contains(second)
                ? second - UInt8(ascii: "0") : 0
            if level > 0, !closing, inHeading == 0, let id = attribute("id", in: start..<end) {
                close()
                sections.append(SearchSection(heading: "", anchor: id, text: ""))
                inHeading = level
                spaceDue = false
            } else if level > 0, closing, level == inHeading {
                sections[sections.count - 1].heading = decodingCharacterReferences(heading.bytes)
                heading.count = 0
                inHeading = 0
                spaceDue = false
            } else if !TagNames.isInline(name) {
                spaceDue = true
            }
            return end + 1
        }

        func index(of byte: UInt8, from start: Int) -> Int? { byteIndex(of: byte, in: bytes, from: start) }

        func isNameByte(_ byte: UInt8) -> Bool {
            (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z") || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9"))
        }

        func match(_ literal: StaticString, at i: Int) -> Bool {
            let count = literal.utf8CodeUnitCount
            guard i + count <= bytes.count else { return false }
            let pattern = literal.utf8Start
            for k in 0..<count where bytes[i + k] != pattern[k] { return false }
            return true
        }

        func find(_ literal: String, from i: Int) -> Int? { find(Array(literal.utf8), from: i) }

        /// The pattern from `start`, its letters matched in either case. Its first byte is not a
        /// letter ('<' or '-'), so `memchr` finds the candidates.
        func find(_ pattern: [UInt8], from start: Int) -> Int? {
            var i = start
            while i + pattern.count <= bytes.count, let at = index(of: pattern[0], from: i) {
                guard at + pattern.count <= bytes.count else { return nil }
                var k = 1
                while k < pattern.count, bytes[at + k] | (pattern[k] >= 0x61 ? 0x20 : 0) == pattern[k] { k += 1 }
                if k == pattern.count { return at }
                i = at + 1
            }
            return nil
        }

        /// A double-quoted attribute's value, as docgen writes them (` id="…"`).
        func attribute(_ name: String, in range: Range<Int>) -> String? {
            let key = Array(" \(name)=\"".utf8)
            guard let at = find(key, from: range.lowerBound), at < range.upperBound else { return nil }
            let valueStart = at + key.count
            guard let close = bytes[valueStart..<range.upperBound].firstIndex(of: UInt8(ascii: "\"")) else { return nil }
            return decodingCharacterReferences(UnsafeBufferPointer(rebasing: bytes[valueStart..<close]))
        }
    }
}
