/// The subset of ECMA-262 regular expressions that schemas use day to day: literals, `.`,
/// classes, the \d \w \s escapes, groups, alternation, greedy and lazy quantifiers, ^ and $.
/// Anything else (backreferences, lookaround, \b, \p{…}) is reported as unsupported, and the
/// pattern goes to NSRegularExpression instead.
indirect enum RegexNode {
    case empty
    case scalar(Unicode.Scalar)
    case set(ScalarSet)
    case concat([RegexNode])
    case alternation([RegexNode])
    case repetition(RegexNode, min: Int, max: Int?)
    case start
    case end
}

/// A character class: ranges plus built-in classes, possibly negated.
struct ScalarSet: Sendable {
    var ranges: [ClosedRange<UInt32>] = []
    var builtins: [Builtin] = []
    var negatedBuiltins: [Builtin] = []
    var negated = false

    enum Builtin: Sendable {
        case digit, word, space, dot

        func contains(_ v: UInt32) -> Bool {
            switch self {
            case .digit: return v >= 0x30 && v <= 0x39
            case .word: return (v >= 0x30 && v <= 0x39) || (v >= 0x41 && v <= 0x5A) || (v >= 0x61 && v <= 0x7A) || v == 0x5F
            case .space: return ScalarSet.isECMAWhiteSpace(v)
            // `.` is everything but line terminators.
            case .dot: return v != 0x0A && v != 0x0D && v != 0x2028 && v != 0x2029
            }
        }
    }

    func contains(_ v: UInt32) -> Bool {
        var found = false
        for r in ranges where r.contains(v) { found = true; break }
        if !found { for b in builtins where b.contains(v) { found = true; break } }
        if !found { for b in negatedBuiltins where !b.contains(v) { found = true; break } }
        return found != negated
    }

    /// WhiteSpace and LineTerminator of ECMA-262.
    static func isECMAWhiteSpace(_ v: UInt32) -> Bool {
        switch v {
        case 0x09...0x0D, 0x20, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000, 0xFEFF:
            return true
        default:
            return false
        }
    }
}

struct UnsupportedRegex: Error {}

/// Recursive-descent parser over the pattern's scalars. Nesting depth is bounded so a hostile
/// pattern cannot overflow the stack.
struct RegexParser {
    private var scalars: [Unicode.Scalar]
    private var i = 0
    private var depth = 0

    init(_ pattern: String) {
        scalars = Array(pattern.unicodeScalars)
    }

    mutating func parse() throws -> RegexNode {
        let node = try parseAlternation()
        guard i == scalars.count else { throw UnsupportedRegex() }
        return node
    }

    private var peek: Unicode.Scalar? { i < scalars.count ? scalars[i] : nil }

    private mutating func parseAlternation() throws -> RegexNode {
        depth += 1
        defer { depth -= 1 }
        guard depth < 100 else { throw UnsupportedRegex() }
        var branches = [try parseConcat()]
        while peek == "|" {
            i += 1
            branches.append(try parseConcat())
        }
        return branches.count == 1 ? branches[0] : .alternation(branches)
    }

    private mutating func parseConcat() throws -> RegexNode {
        var items: [RegexNode] = []
        while let c = peek, c != "|", c != ")" {
            var atom = try parseAtom()
            if let (min, max) = try parseQuantifier() {
                if case .start = atom { throw UnsupportedRegex() }
                if case .end = atom { throw UnsupportedRegex() }
                atom = .repetition(atom, min: min, max: max)
            }
            items.append(atom)
        }
        return items.count == 1 ? items[0] : (items.isEmpty ? .empty : .concat(items))
    }

    private mutating func parseQuantifier() throws -> (Int, Int?)? {
        guard let c = peek else { return nil }
        var result: (Int, Int?)
        switch c {
        case "*": result = (0, nil); i += 1
        case "+": result = (1, nil); i += 1
        case "?": result = (0, 1); i += 1
        case "{":
            i += 1
            let min = try parseNumber()
            var max: Int? = min
            if peek == "," {
                i += 1
                max = peek == "}" ? nil : try parseNumber()
            }
            guard peek == "}" else { throw UnsupportedRegex() }
            i += 1
            if let max, max < min { throw UnsupportedRegex() }
            result = (min, max)
        default:
            return nil
        }
        // Laziness changes which match is found, not whether one exists.
        if peek == "?" { i += 1 }
        if let q = peek, q == "*" || q == "+" || q == "?" || q == "{" { throw UnsupportedRegex() }
        return result
    }

    private mutating func parseNumber() throws -> Int {
        var value = 0
        var digits = 0
        while let c = peek, c.value >= 0x30 && c.value <= 0x39 {
            value = value * 10 + Int(c.value - 0x30)
            digits += 1
            i += 1
            guard value <= 1000 else { throw UnsupportedRegex() }
        }
        guard digits > 0 else { throw UnsupportedRegex() }
        return value
    }

    private mutating func parseAtom() throws -> RegexNode {
        let c = scalars[i]
        i += 1
        switch c {
        case "^": return .start
        case "$": return .end
        case ".": return .set(ScalarSet(builtins: [.dot]))
        case "(":
            if peek == "?" {
                // Only non-capturing and named groups; lookaround is unsupported.
                i += 1
                if peek == ":" {
                    i += 1
                } else if peek == "<", i + 1 < scalars.count, scalars[i + 1] != "=", scalars[i + 1] != "!" {
                    i += 1
                    while let n = peek, n != ">" { i += 1 }
                    guard peek == ">" else { throw UnsupportedRegex() }
                    i += 1
                } else {
                    throw UnsupportedRegex()
                }
            }
            let inner = try parseAlternation()
            guard peek == ")" else { throw UnsupportedRegex() }
            i += 1
            return inner
        case "[": return .set(try parseClass())
        case "\\": return try parseEscape(inClass: false).node
        case "*", "+", "?", "{", "}", ")", "]":
            throw UnsupportedRegex()
        default:
            return .scalar(c)
        }
    }

    private mutating func parseClass() throws -> ScalarSet {
        var set = ScalarSet()
        if peek == "^" { set.negated = true; i += 1 }
        while let c = peek, c != "]" {
            i += 1
            var low: UInt32
            if c == "\\" {
                let escape = try parseEscape(inClass: true)
                guard let scalar = escape.scalar else {
                    if case .set(let builtin) = escape.node {
                        if builtin.negated { set.negatedBuiltins += builtin.builtins } else { set.builtins += builtin.builtins }
                    }
                    continue
                }
                low = scalar.value
            } else if c == "[" {
                throw UnsupportedRegex()
            } else {
                low = c.value
            }
            // A range a-b; "-" first, last or after a class escape is literal.
            if peek == "-", i + 1 < scalars.count, scalars[i + 1] != "]" {
                i += 1
                let d = scalars[i]
                i += 1
                var high: UInt32
                if d == "\\" {
                    guard let scalar = try parseEscape(inClass: true).scalar else { throw UnsupportedRegex() }
                    high = scalar.value
                } else {
                    high = d.value
                }
                guard low <= high else { throw UnsupportedRegex() }
                set.ranges.append(low...high)
            } else {
                set.ranges.append(low...low)
            }
        }
        guard peek == "]" else { throw UnsupportedRegex() }
        i += 1
        return set
    }

    /// After a backslash: either one scalar or a built-in class.
    private mutating func parseEscape(inClass: Bool) throws -> (node: RegexNode, scalar: Unicode.Scalar?) {
        guard let c = peek else { throw UnsupportedRegex() }
        i += 1
        func single(_ v: UInt32) throws -> (RegexNode, Unicode.Scalar?) {
            guard let s = Unicode.Scalar(v) else { throw UnsupportedRegex() }
            return (.scalar(s), s)
        }
        switch c {
        case "d": return (.set(ScalarSet(builtins: [.digit])), nil)
        case "D": return (.set(ScalarSet(builtins: [.digit], negated: true)), nil)
        case "w": return (.set(ScalarSet(builtins: [.word])), nil)
        case "W": return (.set(ScalarSet(builtins: [.word], negated: true)), nil)
        case "s": return (.set(ScalarSet(builtins: [.space])), nil)
        case "S": return (.set(ScalarSet(builtins: [.space], negated: true)), nil)
        case "t": return try single(0x09)
        case "n": return try single(0x0A)
        case "v": return try single(0x0B)
        case "f": return try single(0x0C)
        case "r": return try single(0x0D)
        case "0":
            if let n = peek, n.value >= 0x30 && n.value <= 0x39 { throw UnsupportedRegex() }
            return try single(0)
        case "x": return try single(try hex(count: 2))
        case "u":
            if peek == "{" {
                i += 1
                var v: UInt32 = 0
                var digits = 0
                while let h = peek, h != "}" {
                    guard let d = UInt32(String(h), radix: 16) else { throw UnsupportedRegex() }
                    v = v * 16 + d
                    digits += 1
                    i += 1
                    guard digits <= 6 else { throw UnsupportedRegex() }
                }
                guard peek == "}", digits > 0 else { throw UnsupportedRegex() }
                i += 1
                return try single(v)
            }
            let v = try hex(count: 4)
            // A surrogate pair written as two escapes is one scalar.
            if (0xD800...0xDBFF).contains(v), i + 1 < scalars.count, scalars[i] == "\\", scalars[i + 1] == "u" {
                let save = i
                i += 2
                if let low = try? hex(count: 4), (0xDC00...0xDFFF).contains(low) {
                    return try single(0x10000 + ((v - 0xD800) << 10) + (low - 0xDC00))
                }
                i = save
            }
            return try single(v)
        case "-" where inClass:
            return try single(0x2D)
        default:
            // Identity escapes of syntax characters only; letters and digits have meanings
            // (backreferences, \b, \p, \c, …) this subset leaves to NSRegularExpression.
            if "^$\\.*+?()[]{}|/".unicodeScalars.contains(c) { return (.scalar(c), c) }
            throw UnsupportedRegex()
        }
    }

    private mutating func hex(count: Int) throws -> UInt32 {
        guard i + count <= scalars.count else { throw UnsupportedRegex() }
        var v: UInt32 = 0
        for _ in 0..<count {
            guard let d = UInt32(String(scalars[i]), radix: 16) else { throw UnsupportedRegex() }
            v = v * 16 + d
            i += 1
        }
        return v
    }
}
