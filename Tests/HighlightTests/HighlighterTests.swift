import Testing
@testable import Highlight

/// What the highlighter writes for each kind of code, checked against Prism 1.29's own output
/// for the same text (which `PrismAgreementTests` compares over the whole CVAT manual).
@Suite struct HighlighterTests {
    let highlighter = Highlighter()

    @Test func bash() {
        #expect(highlighter.highlight("# list\nls -la \"$HOME\" | grep -v '^d'\n", language: "bash").html == """
            <span class="token comment"># list</span>
            <span class="token function">ls</span> <span class="token parameter variable">-la</span> <span class="token string">"<span class="token environment constant">$HOME</span>"</span> \
            <span class="token operator">|</span> <span class="token function">grep</span> <span class="token parameter variable">-v</span> <span class="token string">'^d'</span>

            """)
    }

    @Test func python() {
        #expect(highlighter.highlight("def add(a, b=1):\n    return a + b  # sum\n", language: "python").html == """
            <span class="token keyword">def</span> <span class="token function">add</span><span class="token punctuation">(</span>a<span class="token punctuation">,</span> \
            b<span class="token operator">=</span><span class="token number">1</span><span class="token punctuation">)</span><span class="token punctuation">:</span>
                <span class="token keyword">return</span> a <span class="token operator">+</span> b  <span class="token comment"># sum</span>

            """)
    }

    @Test func yamlAndJSONCarryPrismsAliasesAsClasses() {
        #expect(highlighter.highlight("key: value\nlist:\n  - true\n", language: "yaml").html == """
            <span class="token key atrule">key</span><span class="token punctuation">:</span> value
            <span class="token key atrule">list</span><span class="token punctuation">:</span>
              <span class="token punctuation">-</span> <span class="token boolean important">true</span>

            """)
        #expect(highlighter.highlight("{\"a\": [1, null]}", language: "json").html == """
            <span class="token punctuation">{</span><span class="token property">"a"</span><span class="token operator">:</span> \
            <span class="token punctuation">[</span><span class="token number">1</span><span class="token punctuation">,</span> \
            <span class="token null keyword">null</span><span class="token punctuation">]</span><span class="token punctuation">}</span>
            """)
    }

    @Test func markupEscapesAndTitlesEntitiesAsPrismDoes() {
        // Prism escapes & and < only; its markup grammar gives entities a title with their text.
        #expect(highlighter.highlight("<p class=\"x\">&lt;</p>", language: "html").html == """
            <span class="token tag"><span class="token tag"><span class="token punctuation">&lt;</span>p</span> \
            <span class="token attr-name">class</span><span class="token attr-value"><span class="token punctuation attr-equals">=</span>\
            <span class="token punctuation">"</span>x<span class="token punctuation">"</span></span><span class="token punctuation">></span></span>\
            <span class="token entity named-entity" title="&lt;">&amp;lt;</span><span class="token tag"><span class="token tag">\
            <span class="token punctuation">&lt;/</span>p</span><span class="token punctuation">></span></span>
            """)
    }

    @Test func textOutsideASCIIKeepsItsCharactersAndANoBreakSpaceBecomesASpace() {
        // Offsets count UTF-16 units, as in JavaScript: the emoji is two of them.
        #expect(highlighter.highlight("echo \"héllo 😀\"\u{A0}# café & <b>\n", language: "bash").html == """
            <span class="token builtin class-name">echo</span> <span class="token string">"héllo 😀"</span> \
            <span class="token comment"># café &amp; &lt;b></span>

            """)
    }

    @Test(arguments: [("sh", "bash"), ("shell", "bash"), ("console", "bash"), ("Bash", "bash"), ("yml", "yaml"), ("py", "python"),
                      ("jsonl", "json"), ("xml", "markup"), ("html", "markup"), ("svg", "markup"), ("ps1", "powershell"),
                      ("powershell", "powershell"), ("sql", "sql"), ("diff", "diff")])
    func aliasesNameTheirGrammar(alias: String, grammar: String) {
        let code = "echo 'x' # y\n"
        let highlighted = highlighter.highlight(code, language: alias)
        #expect(highlighted.grammar == grammar)
        #expect(highlighted.html == highlighter.highlight(code, language: grammar).html)
    }

    @Test(arguments: ["", "text", "nosuchlanguage", "c++"])
    func otherLanguagesArePlainEscapedText(language: String) {
        let highlighted = highlighter.highlight("if a < b && c > d { \"q\" }\n", language: language)
        #expect(highlighted == HighlightedCode(html: "if a &lt; b &amp;&amp; c > d { \"q\" }\n", grammar: nil, failure: nil))
    }

    // MARK: limits: a block that is too much is plain text, with the reason

    @Test func aSearchPastTheMatchLimitLeavesTheBlockPlain() {
        var limits = HighlightLimits()
        limits.matchLimit = 1  // every search of any pattern is past it, deterministically
        let highlighted = Highlighter(limits: limits).highlight("echo <hi>\n", language: "bash")
        #expect(highlighted == HighlightedCode(html: "echo &lt;hi>\n", grammar: nil, failure: .matchLimit))
        #expect(highlighted.failure?.message.contains("match limit") == true)
    }

    @Test func aPatternThatBacktracksWithoutEndStopsAtTheDefaultMatchLimit() throws {
        // The classic exponential pattern: each extra 'a' doubles the work until PCRE2 gives up.
        let regex = try PrismRegex(source: "(a+)+$", flags: "")
        let text = Array((String(repeating: "a", count: 40) + "!").utf16)
        let scratch = MatchScratch(matchLimit: HighlightLimits().matchLimit, depthLimit: HighlightLimits().depthLimit)
        let outcome = text.withUnsafeBufferPointer { regex.firstMatch(in: $0, from: 0, scratch: scratch) }
        #expect(outcome == .limit)
    }

    @Test func aBlockLargerThanTheLimitIsNotTokenized() {
        let code = String(repeating: "echo hello world\n", count: 400_000)  // 6.8 MB
        let highlighted = highlighter.highlight(code, language: "bash")
        #expect(highlighted.failure == .size(code.utf8.count))
        #expect(highlighted.html == code)
    }

    @Test func searchesAndNestingHaveBudgetsToo() {
        var few = HighlightLimits()
        few.matchesPerBlock = 10
        #expect(Highlighter(limits: few).highlight("ls -la\n", language: "bash").failure == .budget)
        var shallow = HighlightLimits()
        shallow.nesting = 1  // a string's variable is a token inside a token
        #expect(Highlighter(limits: shallow).highlight("echo \"$HOME\"\n", language: "bash").failure == .nesting)
    }

    @Test func javascriptRegexFeaturesCompileAsInJavaScript() throws {
        let scratch = MatchScratch(matchLimit: 1000, depthLimit: 1000)
        func first(_ source: String, _ flags: String, _ text: String, from: Int = 0) throws -> PrismRegex.Outcome {
            let units = Array(text.utf16)
            return try units.withUnsafeBufferPointer { try PrismRegex(source: source, flags: flags).firstMatch(in: $0, from: from, scratch: scratch) }
        }
        #expect(try first("[^]+", "", "a\nb") == .found(start: 0, end: 3, group1Length: 0))  // [^] is any character
        #expect(try first("\\u0041", "", "zA") == .found(start: 1, end: 2, group1Length: 0))
        #expect(try first("a$", "", "a\n") == .none)                                            // $ is the very end
        #expect(try first("^b", "m", "a\nb") == .found(start: 2, end: 3, group1Length: 0))
        #expect(try first("(x)?\\1y", "", "y") == .found(start: 0, end: 1, group1Length: 0))  // unset group: empty
        #expect(try first("a.c", "", "a\rc") == .none)                                          // . stops at CR
        #expect(try first("^a", "", "ba", from: 1) == .none)                                   // ^ is the text's start
        #expect(try first("(=)b", "", "a=b") == .found(start: 1, end: 3, group1Length: 1))
    }
}
