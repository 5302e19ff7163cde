import Testing
import Diagnostics

/// Positions counted sixteen bytes at a time must equal a count made one character at a time.
@Suite struct LineCounterTests {
    /// Line and column (in Unicode scalars) of a byte offset, the plain way.
    private func expected(_ bytes: [UInt8], _ target: Int) -> (Int, Int) {
        var line = 1, column = 1
        for byte in bytes[..<target] {
            if byte == 0x0A {
                line += 1
                column = 1
            } else if byte & 0xC0 != 0x80 {
                column += 1
            }
        }
        return (line, column)
    }

    @Test func randomTextAndOffsets() {
        var generator = SystemRandomNumberGenerator()
        let pieces = ["a", "<a href=x>", "\n", "\n\n", "é", "日本", "😀", " ", String(repeating: "x", count: 40), "\r\n"]
        for _ in 0..<300 {
            var text = ""
            for _ in 0..<Int.random(in: 0...80, using: &generator) { text += pieces.randomElement(using: &generator)! }
            let bytes = Array(text.utf8)
            // Offsets at scalar starts, in order, some repeated, as links arrive.
            let starts = bytes.indices.filter { bytes[$0] & 0xC0 != 0x80 } + [bytes.count]
            let targets = starts.filter { _ in Int.random(in: 0..<4, using: &generator) == 0 }.flatMap { [$0, $0] }
            bytes.withUnsafeBufferPointer { buffer in
                var counter = LineCounter(buffer)
                for target in targets {
                    let position = counter.position(of: target)
                    #expect(position == expected(bytes, target), "offset \(target) of \(text.debugDescription)")
                }
            }
        }
    }

    @Test func longLinesAndManyNewlines() {
        let text = String(repeating: "é", count: 300) + "\n" + String(repeating: "\n", count: 600) + String(repeating: "ab", count: 500)
        let bytes = Array(text.utf8)
        bytes.withUnsafeBufferPointer { buffer in
            var counter = LineCounter(buffer)
            for target in [0, 17, 599, 600, 601, 700, 1201, 1202, 1500, bytes.count] {
                #expect(counter.position(of: target) == expected(bytes, target))
            }
        }
    }

    /// Questions in any order, as the shortcode scanner asks after abandoning a broken tag.
    @Test func offsetsInAnyOrder() {
        let text = "ab\nçd\n\n日本語\nlast line é"
        let bytes = Array(text.utf8)
        bytes.withUnsafeBufferPointer { buffer in
            var counter = LineCounter(buffer)
            for target in [9, 3, 0, bytes.count, 5, 5, 14, 1, bytes.count] {
                #expect(counter.position(of: target) == expected(bytes, target), "offset \(target)")
            }
            // Past the end counts as the end.
            #expect(counter.position(of: bytes.count + 10) == expected(bytes, bytes.count))
        }
    }

    /// A counter that starts at a known line start gives the same answers from there on.
    @Test func startingAtALine() {
        let text = "one\ntwo é\nthree\nfour"
        let bytes = Array(text.utf8)
        let lineStarts = [0] + bytes.indices.filter { bytes[$0] == 0x0A }.map { $0 + 1 }
        bytes.withUnsafeBufferPointer { buffer in
            for (n, start) in lineStarts.enumerated() {
                for target in start...bytes.count {
                    var counter = LineCounter(buffer, offset: start, line: n + 1)
                    #expect(counter.position(of: target) == expected(bytes, target))
                }
            }
        }
    }
}
