#if canImport(Glibc)
import Glibc
#endif

/// A piece of tokenized code: text as it was, or a token, by its UTF-16 offsets into the code.
/// Plain values in one array (`Tokenizer.arena`), so tokenizing allocates no object per token.
struct Piece {
    var start: Int32
    var end: Int32
    /// The pattern that matched, in `PrismGrammars.patterns`; -1 for text.
    var pattern: Int32 = -1
    /// A token's content when its pattern has an `inside` grammar: pieces of `arena`. Without
    /// one (`childCount` -1), its content is its text.
    var children: Int32 = 0
    var childCount: Int32 = -1

    var isText: Bool { pattern < 0 }
    var length: Int { Int(end - start) }
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
    /// Every piece made, top-level and inside tokens; `tokenize` returns where its own are.
    private(set) var arena: [Piece] = []
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

    /// Tokenizes `text` with grammar `grammar`; the pieces are `arena[result]`.
    mutating func tokenize(_ text: Range<Int>, grammar: Int, depth: Int = 0) -> Range<Int> {
        guard depth < limits.nesting else {
            failure = .nesting
            return 0..<0
        }
        var list = TokenList()
        list.add(after: TokenList.head, Piece(start: Int32(text.lowerBound), end: Int32(text.upperBound)))
        matchGrammar(text, &list, grammar, depth: depth, startNode: TokenList.head, startPos: text.lowerBound, rematch: nil)
        let first = arena.count
        list.append(to: &arena)
        return first..<arena.count
    }

    /// Prism's rematch options: a greedy match swallowed tokens, so the grammar is run again
    /// from there, up to the pattern that caused it and up to `reach`.
    private final class Rematch {
        let cause: Int32
        var reach: Int
        init(cause: Int32, reach: Int) {
            self.cause = cause
            self.reach = reach
        }
    }

    private mutating func matchGrammar(_ text: Range<Int>, _ list: inout TokenList, _ grammarIndex: Int, depth: Int,
                                       startNode: Int, startPos: Int, rematch: Rematch?) {
        for t in grammars.grammars[grammarIndex] {
            for j in grammars.tokens[Int(t)].patterns {
                if let rematch, rematch.cause == j { return }
                let pattern = grammars.patterns[Int(j)]
                var currentNode = list.next[startNode]
                var pos = startPos
                scan: while currentNode != TokenList.tail {
                    step: do {
                        if failure != nil { return }
                        if let rematch, pos >= rematch.reach { break scan }
                        // Prism's own guard: more pieces than characters means something went wrong.
                        if list.count > text.count { return }
                        let node = list.values[currentNode]
                        guard node.isText else { break step }
                        var removeCount = 1
                        var str = Int(node.start)..<Int(node.end)
                        let from: Int, to: Int
                        if pattern.greedy {
                            guard let found = match(pattern, in: text, from: pos), found.lowerBound < text.upperBound else { break scan }
                            (from, to) = (found.lowerBound, found.upperBound)
                            var p = pos + list.values[currentNode].length
                            while from >= p {
                                currentNode = list.next[currentNode]
                                p += list.values[currentNode].length
                            }
                            p -= list.values[currentNode].length
                            pos = p
                            // A match that starts inside a token is no match.
                            if !list.values[currentNode].isText { break step }
                            var k = currentNode
                            while k != TokenList.tail && (p < to || list.values[k].isText) {
                                removeCount += 1
                                p += list.values[k].length
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
                            removeFrom = list.add(after: removeFrom, Piece(start: Int32(str.lowerBound), end: Int32(from)))
                            pos += from - str.lowerBound
                        }
                        list.remove(after: removeFrom, count: removeCount)
                        var token = Piece(start: Int32(from), end: Int32(to), pattern: j)
                        if pattern.inside >= 0 {
                            let content = tokenize(from..<to, grammar: Int(pattern.inside), depth: depth + 1)
                            (token.children, token.childCount) = (Int32(content.lowerBound), Int32(content.count))
                        }
                        currentNode = list.add(after: removeFrom, token)
                        if to < str.upperBound { list.add(after: currentNode, Piece(start: Int32(to), end: Int32(str.upperBound))) }
                        if removeCount > 1 {
                            let nested = Rematch(cause: j, reach: reach)
                            matchGrammar(text, &list, grammarIndex, depth: depth, startNode: list.prev[currentNode], startPos: pos,
                                         rematch: nested)
                            if let rematch, nested.reach > rematch.reach { rematch.reach = nested.reach }
                        }
                    }
                    pos += list.values[currentNode].length
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
    var values: [Piece] = [Piece(start: 0, end: 0), Piece(start: 0, end: 0)]
    var next: [Int] = [tail, tail]
    var prev: [Int] = [head, head]
    /// Nodes between head and tail.
    private(set) var count = 0

    @discardableResult
    mutating func add(after node: Int, _ value: Piece) -> Int {
        let new = values.count
        let following = next[node]
        values.append(value)
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

    /// The pieces in order, appended to `out`.
    func append(to out: inout [Piece]) {
        var node = next[Self.head]
        while node != Self.tail {
            out.append(values[node])
            node = next[node]
        }
    }
}
