/// Reads RFC 8259 JSON from UTF-8 bytes into `JSONValue`, recording where every value starts.
///
/// The parser keeps its own stack of open arrays and objects instead of recursing, so deeply
/// nested input cannot overflow the thread's stack; nesting beyond `maxDepth` is reported as an
/// error, which also protects everything that later walks the value recursively.
struct JSONParser {
    private let bytes: UnsafeBufferPointer<UInt8>
    private let maxDepth: Int
    private var i = 0
    private(set) var table = PositionTable()

    // Open containers, innermost last. Arrays and objects live on separate stacks so appending
    // to the innermost one mutates it in place instead of copying it out of an enum.
    private var kinds: [Kind] = []
    private var arrays: [[JSONValue]] = []
    private var objects: [JSONObject] = []
    private var pendingKeys: [(key: String, offset: Int)] = []
    private var openEntries: [Int] = []

    private enum Kind { case array, object }

    init(bytes: UnsafeBufferPointer<UInt8>, maxDepth: Int) {
        self.bytes = bytes
        self.maxDepth = maxDepth
    }

    // MARK: - Driver

    mutating func parse() throws(JSONParseError) -> JSONValue {
        guard bytes.count < Int(Int32.max) else {
            throw error(.fileTooLarge, at: 0, "file is too large (the reader handles up to 2 GiB)")
        }
        if bytes.count >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { i = 3 }
        skipWhitespace()
        if i == bytes.count { throw error(.emptyFile, at: 0, "file is empty") }

        var keyOffset = -1
        while true {
            // Expecting a value.
            skipWhitespace()
            var value: JSONValue
            let start = i
            guard i < bytes.count else {
                throw error(.unexpectedEndOfFile, at: i, "expected a value, found end of file")
            }
            let c = bytes[i]
            let entry = table.entries.count
            table.entries.append(.init(valueOffset: Int32(start), keyOffset: Int32(keyOffset), end: Int32(entry + 1)))
            switch c {
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                guard kinds.count < maxDepth else {
                    throw error(.nestingTooDeep, at: i,
                                "nesting is too deep: more than \(maxDepth) levels of arrays and objects")
                }
                i += 1
                openEntries.append(entry)
                if c == UInt8(ascii: "[") {
                    kinds.append(.array)
                    arrays.append([])
                    skipWhitespace()
                    if i < bytes.count, bytes[i] == UInt8(ascii: "]") {
                        i += 1
                        value = closeArray()
                    } else {
                        keyOffset = -1
                        continue
                    }
                } else {
                    kinds.append(.object)
                    objects.append(JSONObject())
                    skipWhitespace()
                    if i < bytes.count, bytes[i] == UInt8(ascii: "}") {
                        i += 1
                        value = closeObject()
                    } else {
                        keyOffset = try readKey(after: "'{'", closer: "'}'")
                        continue
                    }
                }
            case UInt8(ascii: "\""):
                value = .string(try readString())
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                value = try readNumber()
            case UInt8(ascii: "t"):
                try expectLiteral("true"); value = .bool(true)
            case UInt8(ascii: "f"):
                try expectLiteral("false"); value = .bool(false)
            case UInt8(ascii: "n"):
                try expectLiteral("null"); value = .null
            default:
                throw unexpected(expected: "a value")
            }

            // A value is complete: hand it to the enclosing container, closing containers as
            // their closing brackets arrive, until the next value is expected.
            while true {
                guard let kind = kinds.last else {
                    skipWhitespace()
                    if i < bytes.count {
                        if let bad = invalidUTF8(at: i) { throw bad }
                        throw error(.trailingCharacters, at: i,
                                    "unexpected \(describeFound()) after the end of the JSON value")
                    }
                    return value
                }
                switch kind {
                case .array:
                    arrays[arrays.count - 1].append(value)
                    skipWhitespace()
                    if i < bytes.count, bytes[i] == UInt8(ascii: ",") {
                        i += 1
                        keyOffset = -1
                    } else if i < bytes.count, bytes[i] == UInt8(ascii: "]") {
                        i += 1
                        value = closeArray()
                        continue
                    } else {
                        throw unexpected(expected: "',' or ']' after an array item")
                    }
                case .object:
                    let pending = pendingKeys.removeLast()
                    if !objects[objects.count - 1].appendNewMember(pending.key, value) {
                        throw error(.duplicateKey, at: pending.offset, "duplicate key '\(pending.key)' in object")
                    }
                    skipWhitespace()
                    if i < bytes.count, bytes[i] == UInt8(ascii: ",") {
                        i += 1
                        keyOffset = try readKey(after: "','", closer: nil)
                    } else if i < bytes.count, bytes[i] == UInt8(ascii: "}") {
                        i += 1
                        value = closeObject()
                        continue
                    } else {
                        throw unexpected(expected: "',' or '}' after an object member")
                    }
                }
                break
            }
        }
    }

    private mutating func closeArray() -> JSONValue {
        kinds.removeLast()
        table.entries[openEntries.removeLast()].end = Int32(table.entries.count)
        return .array(arrays.removeLast())
    }

    private mutating func closeObject() -> JSONValue {
        kinds.removeLast()
        table.entries[openEntries.removeLast()].end = Int32(table.entries.count)
        return .object(objects.removeLast())
    }

    /// Reads `"key"` and the colon after it; returns the key's offset for the position table.
    private mutating func readKey(after what: String, closer: String?) throws(JSONParseError) -> Int {
        skipWhitespace()
        guard i < bytes.count, bytes[i] == UInt8(ascii: "\"") else {
            let expected = closer.map { "a string key or \($0)" } ?? "a string key"
            throw unexpected(expected: "\(expected) after \(what)")
        }
        let offset = i
        let key = try readString()
        skipWhitespace()
        guard i < bytes.count, bytes[i] == UInt8(ascii: ":") else {
            throw unexpected(expected: "':' after the key")
        }
        i += 1
        pendingKeys.append((key, offset))
        return offset
    }

    // MARK: - Whitespace

    private mutating func skipWhitespace() {
        while i < bytes.count {
            switch bytes[i] {
            case UInt8(ascii: " "), UInt8(ascii: "\t"), UInt8(ascii: "\r"):
                i += 1
            case UInt8(ascii: "\n"):
                i += 1
                table.lineStarts.append(Int32(i))
            default:
                return
            }
        }
    }

    // MARK: - Literals

    private mutating func expectLiteral(_ word: StaticString) throws(JSONParseError) {
        let start = i
        let text = word.withUTF8Buffer { Array($0) }
        for (k, expected) in text.enumerated() {
            guard i < bytes.count, bytes[i] == expected else {
                if k == 0 { throw unexpected(expected: "a value") }
                i = start
                throw unexpected(expected: "a value (did you mean '\(word)'?)")
            }
            i += 1
        }
        if i < bytes.count, isIdentifierByte(bytes[i]) {
            i = start
            throw unexpected(expected: "a value")
        }
    }

    private func isIdentifierByte(_ b: UInt8) -> Bool {
        (b >= UInt8(ascii: "a") && b <= UInt8(ascii: "z")) || (b >= UInt8(ascii: "A") && b <= UInt8(ascii: "Z"))
            || (b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9")) || b == UInt8(ascii: "_")
    }

    // MARK: - Numbers

    private mutating func readNumber() throws(JSONParseError) -> JSONValue {
        let start = i
        let negative = bytes[i] == UInt8(ascii: "-")
        if negative { i += 1 }
        guard i < bytes.count, isDigit(bytes[i]) else {
            throw unexpected(expected: "a digit after '-'", kind: .invalidNumber)
        }
        // Accumulate negatively so that Int.min fits.
        var magnitude = 0
        var fits = true
        if bytes[i] == UInt8(ascii: "0") {
            i += 1
            if i < bytes.count, isDigit(bytes[i]) {
                throw error(.invalidNumber, at: start, "numbers must not have leading zeros")
            }
        } else {
            while i < bytes.count, isDigit(bytes[i]) {
                let digit = Int(bytes[i] &- UInt8(ascii: "0"))
                if fits {
                    let (m, o1) = magnitude.multipliedReportingOverflow(by: 10)
                    let (s, o2) = m.subtractingReportingOverflow(digit)
                    if o1 || o2 { fits = false } else { magnitude = s }
                }
                i += 1
            }
        }
        var integral = true
        if i < bytes.count, bytes[i] == UInt8(ascii: ".") {
            integral = false
            i += 1
            guard i < bytes.count, isDigit(bytes[i]) else {
                throw unexpected(expected: "a digit after the decimal point", kind: .invalidNumber)
            }
            while i < bytes.count, isDigit(bytes[i]) { i += 1 }
        }
        if i < bytes.count, bytes[i] == UInt8(ascii: "e") || bytes[i] == UInt8(ascii: "E") {
            integral = false
            i += 1
            if i < bytes.count, bytes[i] == UInt8(ascii: "+") || bytes[i] == UInt8(ascii: "-") { i += 1 }
            guard i < bytes.count, isDigit(bytes[i]) else {
                throw unexpected(expected: "a digit in the exponent", kind: .invalidNumber)
            }
            while i < bytes.count, isDigit(bytes[i]) { i += 1 }
        }
        if integral && fits {
            if negative { return .integer(magnitude) }
            if magnitude != Int.min { return .integer(-magnitude) }
        }
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<i]), as: UTF8.self)
        guard let d = Double(text), d.isFinite else {
            throw error(.invalidNumber, at: start, "number is too large to represent")
        }
        return .number(d)
    }

    private func isDigit(_ b: UInt8) -> Bool { b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9") }

    // MARK: - Strings

    /// Reads a string starting at its opening quote. Plain runs are decoded straight from the
    /// input; only strings with escapes go through a scratch buffer.
    private mutating func readString() throws(JSONParseError) -> String {
        i += 1
        let start = i
        var ascii = true
        while i < bytes.count {
            let b = bytes[i]
            if b == UInt8(ascii: "\"") {
                let slice = UnsafeBufferPointer(rebasing: bytes[start..<i])
                i += 1
                return ascii ? String(decoding: slice, as: Unicode.ASCII.self) : String(decoding: slice, as: UTF8.self)
            }
            if b == UInt8(ascii: "\\") { return try readEscapedString(from: start) }
            if b < 0x20 { throw controlCharacter(b) }
            if b >= 0x80 {
                ascii = false
                i += try utf8SequenceLength(at: i)
            } else {
                i += 1
            }
        }
        throw error(.unexpectedEndOfFile, at: i, "unterminated string: expected '\"', found end of file")
    }

    private mutating func readEscapedString(from start: Int) throws(JSONParseError) -> String {
        var buffer = Array(UnsafeBufferPointer(rebasing: bytes[start..<i]))
        while i < bytes.count {
            let b = bytes[i]
            switch b {
            case UInt8(ascii: "\""):
                i += 1
                return String(decoding: buffer, as: UTF8.self)
            case UInt8(ascii: "\\"):
                let escapeStart = i
                i += 1
                guard i < bytes.count else { break }
                let e = bytes[i]
                i += 1
                switch e {
                case UInt8(ascii: "\""): buffer.append(UInt8(ascii: "\""))
                case UInt8(ascii: "\\"): buffer.append(UInt8(ascii: "\\"))
                case UInt8(ascii: "/"): buffer.append(UInt8(ascii: "/"))
                case UInt8(ascii: "b"): buffer.append(0x08)
                case UInt8(ascii: "f"): buffer.append(0x0C)
                case UInt8(ascii: "n"): buffer.append(0x0A)
                case UInt8(ascii: "r"): buffer.append(0x0D)
                case UInt8(ascii: "t"): buffer.append(0x09)
                case UInt8(ascii: "u"):
                    var scalar = try readHex4(escapeStart: escapeStart)
                    if (0xD800...0xDBFF).contains(scalar) {
                        guard i + 1 < bytes.count, bytes[i] == UInt8(ascii: "\\"), bytes[i + 1] == UInt8(ascii: "u") else {
                            throw error(.invalidString, at: escapeStart, "unpaired surrogate in \\u escape")
                        }
                        i += 2
                        let low = try readHex4(escapeStart: escapeStart)
                        guard (0xDC00...0xDFFF).contains(low) else {
                            throw error(.invalidString, at: escapeStart, "unpaired surrogate in \\u escape")
                        }
                        scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                    } else if (0xDC00...0xDFFF).contains(scalar) {
                        throw error(.invalidString, at: escapeStart, "unpaired surrogate in \\u escape")
                    }
                    buffer.append(contentsOf: Unicode.UTF8.encode(Unicode.Scalar(scalar)!)!)
                default:
                    i = escapeStart
                    throw error(.invalidString, at: escapeStart,
                                "invalid escape sequence; expected one of \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX")
                }
            default:
                if b < 0x20 { throw controlCharacter(b) }
                let n = b >= 0x80 ? try utf8SequenceLength(at: i) : 1
                buffer.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[i..<(i + n)]))
                i += n
            }
        }
        throw error(.unexpectedEndOfFile, at: i, "unterminated string: expected '\"', found end of file")
    }

    private mutating func readHex4(escapeStart: Int) throws(JSONParseError) -> UInt32 {
        var value: UInt32 = 0
        for _ in 0..<4 {
            guard i < bytes.count else {
                throw error(.unexpectedEndOfFile, at: i, "expected 4 hex digits after \\u, found end of file")
            }
            let b = bytes[i]
            let digit: UInt32
            switch b {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = UInt32(b - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = UInt32(b - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = UInt32(b - UInt8(ascii: "A") + 10)
            default: throw unexpected(expected: "4 hex digits after \\u", kind: .invalidString)
            }
            value = value << 4 | digit
            i += 1
        }
        return value
    }

    private func controlCharacter(_ b: UInt8) -> JSONParseError {
        let name: String
        switch b {
        case 0x0A: name = "newline"
        case 0x0D: name = "carriage return"
        case 0x09: name = "tab"
        default: name = "control character U+" + hex4(UInt32(b))
        }
        return error(.invalidString, at: i, "unescaped \(name) in string; write it as an escape sequence")
    }

    // MARK: - UTF-8

    /// Length of the valid UTF-8 sequence starting at `at`, or the invalid-UTF-8 error.
    private func utf8SequenceLength(at p: Int) throws(JSONParseError) -> Int {
        if let n = Self.validSequenceLength(bytes, at: p) { return n }
        throw error(.invalidUTF8, at: p, "invalid UTF-8 byte sequence")
    }

    /// Applies the table of well-formed sequences (Unicode 15, table 3-7), which also rules out
    /// overlong forms and encoded surrogates.
    static func validSequenceLength(_ bytes: UnsafeBufferPointer<UInt8>, at p: Int) -> Int? {
        let b0 = bytes[p]
        if b0 < 0x80 { return 1 }
        var lower: UInt8 = 0x80, upper: UInt8 = 0xBF
        let count: Int
        switch b0 {
        case 0xC2...0xDF: count = 2
        case 0xE0: count = 3; lower = 0xA0
        case 0xE1...0xEC, 0xEE...0xEF: count = 3
        case 0xED: count = 3; upper = 0x9F
        case 0xF0: count = 4; lower = 0x90
        case 0xF1...0xF3: count = 4
        case 0xF4: count = 4; upper = 0x8F
        default: return nil
        }
        guard p + count <= bytes.count else { return nil }
        let b1 = bytes[p + 1]
        guard b1 >= lower && b1 <= upper else { return nil }
        for k in 2..<max(2, count) where bytes[p + k] & 0xC0 != 0x80 { return nil }
        return count
    }

    private func invalidUTF8(at p: Int) -> JSONParseError? {
        Self.validSequenceLength(bytes, at: p) == nil ? error(.invalidUTF8, at: p, "invalid UTF-8 byte sequence") : nil
    }

    // MARK: - Errors

    private func unexpected(expected: String, kind: JSONParseError.Kind = .unexpectedCharacter) -> JSONParseError {
        if i >= bytes.count {
            return error(.unexpectedEndOfFile, at: i, "expected \(expected), found end of file")
        }
        if let bad = invalidUTF8(at: i) { return bad }
        return error(kind, at: i, "expected \(expected), found \(describeFound())")
    }

    /// The character at the current position, quoted, or a name for invisible ones.
    private func describeFound() -> String {
        let b = bytes[i]
        switch b {
        case 0x0A: return "a newline"
        case 0x0D: return "a carriage return"
        case 0x09: return "a tab"
        case 0x20...0x7E: return "'\(Character(Unicode.Scalar(b)))'"
        case 0..<0x20, 0x7F: return "control character U+" + hex4(UInt32(b))
        default:
            let n = Self.validSequenceLength(bytes, at: i) ?? 1
            let s = String(decoding: UnsafeBufferPointer(rebasing: bytes[i..<(i + n)]), as: UTF8.self)
            return "'\(s)'"
        }
    }

    private func hex4(_ v: UInt32) -> String {
        let h = String(v, radix: 16, uppercase: true)
        return String(repeating: "0", count: max(0, 4 - h.count)) + h
    }

    func error(_ kind: JSONParseError.Kind, at offset: Int, _ message: String) -> JSONParseError {
        // Lines after the error have not been scanned, but the error lies before them.
        let position = LineColumn.position(of: offset, in: bytes, lineStarts: table.lineStarts)
        return JSONParseError(kind: kind, offset: offset, line: position.line, column: position.column, message: message)
    }
}
