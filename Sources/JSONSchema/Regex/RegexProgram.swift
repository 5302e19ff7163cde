import Basics
import Foundation

/// A regex compiled to instructions for a Pike VM: every possible match position advances in
/// lock step, so matching takes time linear in the input (no catastrophic backtracking) and
/// needs no NSString bridging. Only answers "is there a match?", which is all `pattern` needs.
struct RegexProgram: Sendable {
    enum Instruction: Sendable {
        case scalar(UInt32)
        case set(Int)
        case split(Int, Int)
        case jump(Int)
        case assertStart
        case assertEnd
        case match
    }

    private let instructions: [Instruction]
    private let sets: [CompiledSet]
    private let shortcut: Shortcut?
    /// Starts with ^: no point starting new attempts after the first position.
    private let anchored: Bool
    /// The ASCII scalars a match can start with, when a match cannot be empty: while no attempt
    /// is alive, positions starting with any other ASCII scalar are skipped outright.
    private let firstASCII: (low: UInt64, high: UInt64)?

    /// Programs beyond this size (from large counted repetitions) go to NSRegularExpression.
    static let maxInstructions = 4_000

    init(_ pattern: String) throws {
        var parser = RegexParser(pattern)
        let tree = try parser.parse()
        var builder = Builder()
        try builder.emit(tree)
        builder.code.append(.match)
        instructions = builder.code
        sets = builder.sets.map(CompiledSet.init)
        if case .assertStart = builder.code[0] { anchored = true } else { anchored = false }
        firstASCII = Self.firstScalars(builder.code, sets)
        shortcut = Shortcut(tree)
    }

    /// Shapes so common in schemas that they get a direct test instead of the VM.
    private enum Shortcut: Sendable {
        /// ^[class]{min,max}$ (also + and *): every scalar in the class, count in range.
        case classRun(CompiledSet, min: Int, max: Int?)
        /// literal$: the text ends with these bytes.
        case suffix([UInt8])

        init?(_ tree: RegexNode) {
            guard case .concat(let items) = tree else { return nil }
            if items.count == 3, case .start = items[0], case .end = items[2],
               case .repetition(let inner, let min, let max) = items[1], case .set(let set) = inner {
                self = .classRun(CompiledSet(set), min: min, max: max)
                return
            }
            guard items.count >= 2, case .end = items[items.count - 1] else { return nil }
            var literal = ""
            for item in items.dropLast() {
                guard case .scalar(let s) = item else { return nil }
                literal.unicodeScalars.append(s)
            }
            self = .suffix(Array(literal.utf8))
        }

        func matches(_ utf8: UnsafeBufferPointer<UInt8>) -> Bool {
            switch self {
            case .classRun(let set, let min, let max):
                var count = 0
                var offset = 0
                while offset < utf8.count {
                    let (scalar, length) = RegexProgram.decode(utf8, at: offset)
                    guard set.contains(scalar) else { return false }
                    offset += length
                    count += 1
                }
                return count >= min && (max == nil || count <= max!)
            case .suffix(let bytes):
                guard utf8.count >= bytes.count else { return false }
                return bytes.withUnsafeBufferPointer { suffix in
                    memcmp(utf8.baseAddress! + (utf8.count - bytes.count), suffix.baseAddress!, bytes.count) == 0
                }
            }
        }
    }

    /// One scalar of valid UTF-8 (String storage always is) and its length in bytes.
    @inline(__always)
    static func decode(_ utf8: UnsafeBufferPointer<UInt8>, at offset: Int) -> (UInt32, Int) {
        var scalar = UInt32(utf8[offset])
        if scalar < 0x80 { return (scalar, 1) }
        let length = scalar >= 0xF0 ? 4 : (scalar >= 0xE0 ? 3 : 2)
        scalar &= length == 2 ? 0x1F : (length == 3 ? 0x0F : 0x07)
        for k in 1..<length { scalar = scalar << 6 | UInt32(utf8[offset + k] & 0x3F) }
        return (scalar, length)
    }

    /// Follows jumps and splits from the start to the instructions that consume the first
    /// scalar; nil when a match could be empty or begin with an assertion.
    private static func firstScalars(_ code: [Instruction], _ sets: [CompiledSet]) -> (low: UInt64, high: UInt64)? {
        var low: UInt64 = 0, high: UInt64 = 0
        var seen = Set<Int>()
        var pending = [0]
        while let pc = pending.popLast() {
            guard seen.insert(pc).inserted else { continue }
            switch code[pc] {
            case .jump(let target): pending.append(target)
            case .split(let a, let b): pending.append(a); pending.append(b)
            case .assertStart, .assertEnd, .match: return nil
            case .scalar(let v):
                if v < 64 { low |= 1 << UInt64(v) } else if v < 128 { high |= 1 << UInt64(v - 64) }
            case .set(let s):
                low |= sets[s].low
                high |= sets[s].high
            }
        }
        return (low, high)
    }

    private struct Builder {
        var code: [Instruction] = []
        var sets: [ScalarSet] = []

        mutating func emit(_ node: RegexNode) throws {
            guard code.count < RegexProgram.maxInstructions else { throw UnsupportedRegex() }
            switch node {
            case .empty:
                break
            case .scalar(let s):
                code.append(.scalar(s.value))
            case .set(let set):
                sets.append(set)
                code.append(.set(sets.count - 1))
            case .start:
                code.append(.assertStart)
            case .end:
                code.append(.assertEnd)
            case .concat(let items):
                for item in items { try emit(item) }
            case .alternation(let branches):
                // split L1, next; L1: branch; jump end; next: split …
                var jumps: [Int] = []
                for (k, branch) in branches.enumerated() {
                    if k < branches.count - 1 {
                        let split = code.count
                        code.append(.split(split + 1, 0))
                        try emit(branch)
                        jumps.append(code.count)
                        code.append(.jump(0))
                        code[split] = .split(split + 1, code.count)
                    } else {
                        try emit(branch)
                    }
                }
                for j in jumps { code[j] = .jump(code.count) }
            case .repetition(let inner, let min, let max):
                for _ in 0..<min { try emit(inner) }
                if let max {
                    // Optional copies: split over each, all skipping to the end.
                    var splits: [Int] = []
                    for _ in min..<max {
                        splits.append(code.count)
                        code.append(.split(0, 0))
                        try emit(inner)
                    }
                    for s in splits { code[s] = .split(s + 1, code.count) }
                } else {
                    let loop = code.count
                    code.append(.split(0, 0))
                    try emit(inner)
                    code.append(.jump(loop))
                    code[loop] = .split(loop + 1, code.count)
                }
            }
        }
    }

    /// Whether the pattern matches anywhere in `text` (patterns are unanchored in JSON Schema).
    func matches(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { utf8 in
            if let shortcut { return shortcut.matches(utf8) }
            return instructions.withUnsafeBufferPointer { code in
                run(code, utf8)
            }
        }
    }

    private func run(_ code: UnsafeBufferPointer<Instruction>, _ utf8: UnsafeBufferPointer<UInt8>) -> Bool {
        let count = code.count
        return withUnsafeTemporaryAllocation(of: Int.self, capacity: count * 5 + 2) { memory in
            // Two thread lists (pcs waiting for the next scalar), a "seen at step" stamp per pc,
            // and a stack for following splits without recursion.
            var current = UnsafeMutableBufferPointer(rebasing: memory[0..<count])
            var next = UnsafeMutableBufferPointer(rebasing: memory[count..<(2 * count)])
            let stamp = UnsafeMutableBufferPointer(rebasing: memory[(2 * count)..<(3 * count)])
            let stack = UnsafeMutableBufferPointer(rebasing: memory[(3 * count)..<(5 * count + 2)])
            stamp.initialize(repeating: -1)
            var currentCount = 0
            var nextCount = 0
            var step = 0
            var offset = 0
            let end = utf8.count

            // Adds pc and everything reachable from it without consuming input; true when
            // that reaches `match`.
            func addThread(_ pc: Int, to list: UnsafeMutableBufferPointer<Int>, _ listCount: inout Int,
                           step: Int, atStart: Bool, atEnd: Bool) -> Bool {
                var top = 0
                stack[top] = pc
                top += 1
                while top > 0 {
                    top -= 1
                    let p = stack[top]
                    if stamp[p] == step { continue }
                    stamp[p] = step
                    switch code[p] {
                    case .jump(let target):
                        stack[top] = target; top += 1
                    case .split(let a, let b):
                        stack[top] = b; top += 1
                        stack[top] = a; top += 1
                    case .assertStart:
                        if atStart { stack[top] = p + 1; top += 1 }
                    case .assertEnd:
                        if atEnd { stack[top] = p + 1; top += 1 }
                    case .match:
                        return true
                    case .scalar, .set:
                        list[listCount] = p
                        listCount += 1
                    }
                }
                return false
            }

            while true {
                if currentCount == 0 && !anchored, let first = firstASCII {
                    // Nothing alive: jump to the next byte that could start a match (non-ASCII
                    // lead bytes always qualify, since only the ASCII part is mapped).
                    let from = offset
                    while offset < end {
                        let b = utf8[offset]
                        if b >= 0x80 { break }
                        if b < 64 ? first.low & (1 << UInt64(b)) != 0 : first.high & (1 << UInt64(b - 64)) != 0 { break }
                        offset += 1
                    }
                    if offset == end { return false }
                    // Stamps from before the jump must not block threads at the new position.
                    if offset != from { step += 1 }
                }
                let atStart = offset == 0
                let atEnd = offset == end
                // Start a new attempt at every position (unanchored search).
                if atStart || !anchored {
                    if addThread(0, to: current, &currentCount, step: step, atStart: atStart, atEnd: atEnd) { return true }
                }
                if atEnd || currentCount == 0 && anchored { return false }
                let (scalar, length) = Self.decode(utf8, at: offset)
                offset += length
                step += 1
                nextCount = 0
                let nextAtEnd = offset == end
                for k in 0..<currentCount {
                    let p = current[k]
                    let accepted: Bool
                    switch code[p] {
                    case .scalar(let v): accepted = v == scalar
                    case .set(let s): accepted = sets[s].contains(scalar)
                    default: accepted = false
                    }
                    if accepted, addThread(p + 1, to: next, &nextCount, step: step, atStart: false, atEnd: nextAtEnd) {
                        return true
                    }
                }
                swap(&current, &next)
                currentCount = nextCount
            }
        }
    }
}

/// A class with its ASCII members precomputed as a 128-bit map, since nearly all text that
/// schemas constrain is ASCII.
private struct CompiledSet: Sendable {
    let low: UInt64
    let high: UInt64
    let set: ScalarSet

    init(_ set: ScalarSet) {
        // The ASCII bitmap is built from the ranges and classes directly: testing all 128
        // scalars one by one made up half the time of compiling a pattern.
        var low: UInt64 = 0, high: UInt64 = 0
        for range in set.ranges where range.lowerBound < 128 {
            for v in range.lowerBound...min(range.upperBound, 127) {
                if v < 64 { low |= 1 << UInt64(v) } else { high |= 1 << UInt64(v - 64) }
            }
        }
        for builtin in set.builtins {
            let (l, h) = Self.asciiBits(builtin)
            low |= l; high |= h
        }
        for builtin in set.negatedBuiltins {
            let (l, h) = Self.asciiBits(builtin)
            low |= ~l; high |= ~h
        }
        self.low = set.negated ? ~low : low
        self.high = set.negated ? ~high : high
        self.set = set
    }

    private static let builtinBits: [(UInt64, UInt64)] = [ScalarSet.Builtin.digit, .word, .space, .dot].map { builtin in
        var low: UInt64 = 0, high: UInt64 = 0
        for v in UInt32(0)..<128 where builtin.contains(v) {
            if v < 64 { low |= 1 << UInt64(v) } else { high |= 1 << UInt64(v - 64) }
        }
        return (low, high)
    }

    private static func asciiBits(_ builtin: ScalarSet.Builtin) -> (UInt64, UInt64) {
        switch builtin {
        case .digit: return builtinBits[0]
        case .word: return builtinBits[1]
        case .space: return builtinBits[2]
        case .dot: return builtinBits[3]
        }
    }

    @inline(__always)
    func contains(_ v: UInt32) -> Bool {
        if v < 64 { return low & (1 << UInt64(v)) != 0 }
        if v < 128 { return high & (1 << UInt64(v - 64)) != 0 }
        return set.contains(v)
    }
}
