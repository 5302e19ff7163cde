#if canImport(Glibc)
import Glibc
#endif

/// A piece of tokenized code: text as it was (offsets into the code's UTF-16), or a token.
indirect enum Piece {
    case text(Int, Int)
    case token(name: String, aliases: [String], content: [Piece])
}

/// Prism 1.29's `tokenize` and `matchGrammar` (prism-core.js), step for step, so that every
/// grammar finds the same tokens as in a browser: the patterns of each token are tried in turn
/// on the text between tokens found so far; a greedy pattern is matched against the whole text
/// and may swallow tokens found before, after which the tokens behind it are matched again
/// ("rematch") up to as far as the change reaches. Positions are UTF-16 offsets into `code`.
struct Tokenizer {
    let code: UnsafeBufferPointer<UInt16>
    let grammars: PrismGrammars
    let scratch: MatchScratch
    let limits: HighlightLimits
    /// Why tokenizing stopped; once set, every loop returns and the block is shown as plain text.
    private(set) var failure: HighlightFailure?
    private var matches = 0
    private let deadline: Double

    init(code: UnsafeBufferPointer<UInt16>, grammars: PrismGrammars, limits: HighlightLimits) {
        self.code = code
        self.grammars = grammars
        self.limits = limits
        scratch = MatchScratch(matchLimit: limits.matchLimit, depthLimit: limits.depthLimit)
        deadline = Self.now() + limits.seconds
    }

    mutating func tokenize(_ text: Range<Int>, grammar: Int, depth: Int = 0) -> [Piece] {
        guard depth < limits.nesting else {
            failure = .nesting
            return [.text(text.lowerBound, text.upperBound)]
        }
        var list = TokenList()
        list.add(after: TokenList.head, .text(text.lowerBound, text.upperBound), length: text.count)
        matchGrammar(text, &list, grammar, depth: depth, startNode: TokenList.head, startPos: text.lowerBound, rematch: nil)
        return list.pieces()
    }

    /// Prism's rematch options: a greedy match swallowed tokens, so the grammar is run again
    /// from there, up to the pattern that caused it and up to `reach`.
    private final class Rematch {
        let cause: (token: Int, pattern: Int)
        var reach: Int
        init(cause: (Int, Int), reach: Int) {
            self.cause = cause
            self.reach = reach
        }
    }

    private mutating func matchGrammar(_ text: Range<Int>, _ list: inout TokenList, _ grammarIndex: Int, depth: Int,
                                       startNode: Int, startPos: Int, rematch: Rematch?) {
        let grammar = grammars.grammars[grammarIndex]
        for (t, token) in grammar.tokens.enumerated() {
            for (j, pattern) in token.patterns.enumerated() {
                if let rematch, rematch.cause == (t, j) { return }
                var currentNode = list.next[startNode]
                var pos = startPos
                scan: while currentNode != TokenList.tail {
                    step: do {
                        if failure != nil { return }
                        if let rematch, pos >= rematch.reach { break scan }
                        // Prism's own guard: more pieces than characters means something went wrong.
                        if list.count > text.count { return }
                        guard case .text(let start, let end) = list.values[currentNode] else { break step }
                        var removeCount = 1
                        var str = start..<end
                        let from: Int, to: Int
                        if pattern.greedy {
                            guard let found = match(pattern, in: text, from: pos), found.lowerBound < text.upperBound else { break scan }
                            (from, to) = (found.lowerBound, found.upperBound)
                            var p = pos + list.lengths[currentNode]
                            while from >= p {
                                currentNode = list.next[currentNode]
                                p += list.lengths[currentNode]
                            }
                            p -= list.lengths[currentNode]
                            pos = p
                            // A match that starts inside a token is no match.
                            if case .token = list.values[currentNode] { break step }
                            var k = currentNode
                            while k != TokenList.tail && (p < to || list.isText(k)) {
                                removeCount += 1
                                p += list.lengths[k]
                                k = list.next[k]
                            }
                            removeCount -= 1
                            str = pos..<p
                        } else {
                            guard let found = match(pattern, in: str, from: str.lowerBound) else { break step }
                            (from, to) = (found.lowerBound, found.upperBound)
                        }
                        let reach = pos + str.count
                        if let rematch, reach > rematch.reach { rematch.reach = reach }
                        var removeFrom = list.prev[currentNode]
                        if from > str.lowerBound {
                            removeFrom = list.add(after: removeFrom, .text(str.lowerBound, from), length: from - str.lowerBound)
                            pos += from - str.lowerBound
                        }
                        list.remove(after: removeFrom, count: removeCount)
                        let content = pattern.inside.map { tokenize(from..<to, grammar: $0, depth: depth + 1) } ?? [.text(from, to)]
                        currentNode = list.add(after: removeFrom, .token(name: token.name, aliases: pattern.aliases, content: content),
                                               length: to - from)
                        if to < str.upperBound { list.add(after: currentNode, .text(to, str.upperBound), length: str.upperBound - to) }
                        if removeCount > 1 {
                            let nested = Rematch(cause: (t, j), reach: reach)
                            matchGrammar(text, &list, grammarIndex, depth: depth, startNode: list.prev[currentNode], startPos: pos,
                                         rematch: nested)
                            if let rematch, nested.reach > rematch.reach { rematch.reach = nested.reach }
                        }
                    }
                    pos += list.lengths[currentNode]
                    currentNode = list.next[currentNode]
                }
            }
        }
    }

    /// Prism's `matchPattern`: the first match in `subject` from `from`, without the text of
    /// the lookbehind group. Nil when there is none, or when a limit stopped the search (then
    /// `failure` says which).
    private mutating func match(_ pattern: PrismPattern, in subject: Range<Int>, from: Int) -> Range<Int>? {
        matches += 1
        if matches > limits.matchesPerBlock { failure = .budget }
        if matches & 255 == 0 && Self.now() > deadline { failure = .time }
        if failure != nil { return nil }
        let view = UnsafeBufferPointer(rebasing: code[subject])
        switch pattern.regex.firstMatch(in: view, from: from - subject.lowerBound, scratch: scratch) {
        case .none:
            return nil
        case .limit:
            failure = .matchLimit
            return nil
        case .found(let start, let end, let group1):
            let skip = pattern.lookbehind ? group1 : 0
            return (subject.lowerBound + start + skip)..<(subject.lowerBound + end)
        }
    }

    private static func now() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }
}

/// Prism's `LinkedList` of pieces, in arrays: node 0 is the head, node 1 the tail, and removed
/// nodes are only unlinked.
private struct TokenList {
    static let head = 0, tail = 1
    var values: [Piece] = [.text(0, 0), .text(0, 0)]
    var lengths: [Int] = [0, 0]
    var next: [Int] = [tail, tail]
    var prev: [Int] = [head, head]
    /// Nodes between head and tail.
    private(set) var count = 0

    func isText(_ node: Int) -> Bool {
        if case .text = values[node] { return true }
        return false
    }

    @discardableResult
    mutating func add(after node: Int, _ value: Piece, length: Int) -> Int {
        let new = values.count
        let following = next[node]
        values.append(value)
        lengths.append(length)
        next.append(following)
        prev.append(node)
        next[node] = new
        prev[following] = new
        count += 1
        return new
    }

    /// Unlinks up to `count` nodes after `node`.
    mutating func remove(after node: Int, count: Int) {
        var following = next[node]
        var removed = 0
        while removed < count && following != Self.tail {
            following = next[following]
            removed += 1
        }
        next[node] = following
        prev[following] = node
        self.count -= removed
    }

    func pieces() -> [Piece] {
        var out: [Piece] = []
        var node = next[Self.head]
        while node != Self.tail {
            out.append(values[node])
            node = next[node]
        }
        return out
    }
}
