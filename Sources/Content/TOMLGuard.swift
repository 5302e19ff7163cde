import Diagnostics

/// Finds the TOML that toml++ cannot take: on it, one of its internal assertions
/// fails and aborts the whole process instead of reporting an error. Four kinds were found by
/// fuzzing toml++ directly (798 crashing inputs in two runs of three minutes, every one of them one
/// of these): a table header without a name (`[`, `[{`, `[é]`), a date-time whose time does not
/// start with a digit (`2024-05-01T~10:00`) or is one digit (`2024-05-01 2`), and an array with a
/// `}` where a value goes (`[1, }]`). The scan
/// passes over strings and comments and tells keys from values; it is not a TOML parser, and
/// everything it lets through is still parsed, and checked, by toml++.
enum TOMLGuard {
    struct Problem: Equatable {
        var line: Int
        var column: Int
        var message: String
    }

    static func firstProblem(_ bytes: [UInt8]) -> Problem? {
        var i = 0
        // Open `[` (arrays) and `{` (inline tables) of the value being read, innermost last.
        var open: [UInt8] = []
        var atStatement = true, inValue = false
        // Set after an array's `[` or `,`: a value (or the array's end) comes next.
        var expectingArrayItem = false
        func problem(_ at: Int, _ message: String) -> Problem {
            // A byte-order mark is invisible in editors, so it is not a column (as in JSON errors).
            let bom = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
            let (line, column) = bytes.withUnsafeBufferPointer { buffer in
                var counter = LineCounter(buffer, offset: bom)
                return counter.position(of: at)
            }
            return Problem(line: line, column: column, message: message)
        }
        func isSpace(_ b: UInt8) -> Bool { b == UInt8(ascii: " ") || b == UInt8(ascii: "\t") || b == UInt8(ascii: "\r") }
        func isTerminator(_ b: UInt8) -> Bool {
            isSpace(b) || b == UInt8(ascii: "\n") || b == UInt8(ascii: "]") || b == UInt8(ascii: "}") || b == UInt8(ascii: ",") || b == UInt8(ascii: "#")
        }
        func isDigit(_ at: Int) -> Bool { at < bytes.count && bytes[at] >= UInt8(ascii: "0") && bytes[at] <= UInt8(ascii: "9") }
        func isBareKey(_ b: UInt8) -> Bool {
            (b >= UInt8(ascii: "a") && b <= UInt8(ascii: "z")) || (b >= UInt8(ascii: "A") && b <= UInt8(ascii: "Z"))
                || (b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9")) || b == UInt8(ascii: "_") || b == UInt8(ascii: "-")
        }
        func starts(_ pattern: [UInt8], at index: Int) -> Bool {
            index + pattern.count <= bytes.count && bytes[index..<(index + pattern.count)].elementsEqual(pattern)
        }
        // toml++ passes over a byte-order mark at the start.
        if starts([0xEF, 0xBB, 0xBF], at: 0) { i = 3 }
        while i < bytes.count {
            let byte = bytes[i]
            if byte == UInt8(ascii: "\n") {
                if open.isEmpty { atStatement = true; inValue = false }
                i += 1
                continue
            }
            if isSpace(byte) { i += 1; continue }
            if byte == UInt8(ascii: "#") {
                while i < bytes.count && bytes[i] != UInt8(ascii: "\n") { i += 1 }
                continue
            }
            if atStatement && byte == UInt8(ascii: "[") {
                var j = i + 1
                while j < bytes.count && isSpace(bytes[j]) && bytes[j] != UInt8(ascii: "\r") { j += 1 }
                let spaceAfterFirst = j > i + 1
                var secondBracket = false
                if j < bytes.count && bytes[j] == UInt8(ascii: "[") && !spaceAfterFirst {
                    secondBracket = true
                    j += 1
                    while j < bytes.count && isSpace(bytes[j]) && bytes[j] != UInt8(ascii: "\r") { j += 1 }
                }
                // `[ [a]]` is toml++'s to report: it says the brackets must touch.
                let named = j < bytes.count && (isBareKey(bytes[j]) || bytes[j] == UInt8(ascii: "\"") || bytes[j] == UInt8(ascii: "'")
                    || bytes[j] == UInt8(ascii: "]") || (bytes[j] == UInt8(ascii: "[") && spaceAfterFirst && !secondBracket))
                if !named {
                    return problem(j < bytes.count ? j : i,
                                   "a TOML table header needs a name after '[': a bare name (letters, digits, '_', '-') or a quoted one")
                }
                atStatement = false
                while i < bytes.count && bytes[i] != UInt8(ascii: "\n") { i += 1 }  // a header is one line
                continue
            }
            atStatement = false
            if expectingArrayItem {
                expectingArrayItem = false
                if byte == UInt8(ascii: "}") { return problem(i, "a TOML array needs a value here, or ']' to end it") }
            }
            switch byte {
            case UInt8(ascii: "\""), UInt8(ascii: "'"):
                let quote = byte
                let fence = [quote, quote, quote]
                let triple = starts(fence, at: i)
                i += triple ? 3 : 1
                while i < bytes.count {
                    let b = bytes[i]
                    if b == UInt8(ascii: "\\") && quote == UInt8(ascii: "\"") { i += 2; continue }
                    if b == UInt8(ascii: "\n") {
                        if !triple { break }  // an unclosed one-line string: toml++ reports it
                    }
                    if b == quote && (!triple || starts(fence, at: i)) {
                        i += triple ? 3 : 1
                        break
                    }
                    i += 1
                }
                continue
            case UInt8(ascii: "="):
                inValue = true
            case UInt8(ascii: "["):
                if inValue {
                    open.append(byte)
                    expectingArrayItem = true
                }
            case UInt8(ascii: "{"):
                if inValue { open.append(byte) }
            case UInt8(ascii: "]"), UInt8(ascii: "}"):
                _ = open.popLast()
            case UInt8(ascii: ","):
                if open.last == UInt8(ascii: "[") { expectingArrayItem = true }
            default:
                // YYYY-MM-DD, a space and one digit: toml++ reads on as a time and assumes more follows.
                if inValue, isDigit(i), i > 0, [UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "="), UInt8(ascii: "["),
                                              UInt8(ascii: ","), UInt8(ascii: "{")].contains(bytes[i - 1]) {
                    var end = i
                    while end < bytes.count && !isTerminator(bytes[end]) { end += 1 }
                    if end - i == 10, bytes[i + 4] == UInt8(ascii: "-"), bytes[i + 7] == UInt8(ascii: "-"),
                       end + 2 < bytes.count, bytes[end] == UInt8(ascii: " "), isDigit(end + 1), isTerminator(bytes[end + 2]) {
                        return problem(i, "a TOML date and time need the whole time after the space, such as 2024-05-01 10:00:00")
                    }
                }
                // YYYY-MM-DD followed by T: toml++ reads a time next and assumes it starts with a digit.
                if inValue, isDigit(i), (i == 0 || !isDigit(i - 1)), i + 10 < bytes.count,
                   isDigit(i + 1), isDigit(i + 2), isDigit(i + 3), bytes[i + 4] == UInt8(ascii: "-"), isDigit(i + 5), isDigit(i + 6),
                   bytes[i + 7] == UInt8(ascii: "-"), isDigit(i + 8), isDigit(i + 9),
                   bytes[i + 10] == UInt8(ascii: "T") || bytes[i + 10] == UInt8(ascii: "t"), !isDigit(i + 11) {
                    return problem(i, "a TOML date-time needs a time after the 'T', such as 2024-05-01T10:00:00Z")
                }
            }
            i += 1
        }
        return nil
    }
}
