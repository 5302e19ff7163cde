import Testing
import Highlight
import Rendering

/// Code blocks in Hugo 0.111's markup (checked against `hugo` on the same fences) with Prism's
/// tokens inside, and fences in Markdown turned into them.
@Suite struct CodeBlockHTMLTests {
    func block(_ code: String, _ language: String, _ options: String = "") -> String {
        CodeBlockHTML.html(code: code, language: language, options: HighlightOptions.parse(options).0, highlighter: Highlighter()).html
    }

    @Test func aBlockWithoutOptionsIsPrismsHTMLInHugosWrapper() {
        #expect(block("ls\n", "sh") == """
            <div class="highlight"><pre tabindex="0" class="chroma"><code class="language-sh" data-lang="sh"><span class="token function">ls</span>
            </code></pre></div>

            """)
        #expect(block("a <b>\n", "") == "<pre tabindex=\"0\"><code>a &lt;b>\n</code></pre>\n")
    }

    @Test func tableLineNumbersStartWhereAskedAndHighlightedLinesCountFromOne() {
        #expect(block("echo a\necho b\n", "bash", "linenos=table,hl_lines=2,linenostart=9") == """
            <div class="highlight"><div class="chroma">
            <table class="lntable"><tr><td class="lntd">
            <pre tabindex="0" class="chroma"><code><span class="lnt"> 9
            </span><span class="hl"><span class="lnt">10
            </span></span></code></pre></td>
            <td class="lntd">
            <pre tabindex="0" class="chroma"><code class="language-bash" data-lang="bash"><span class="line"><span class="cl"><span class="token builtin class-name">echo</span> a
            </span></span><span class="line hl"><span class="cl"><span class="token builtin class-name">echo</span> b
            </span></span></code></pre></td></tr></table>
            </div>
            </div>

            """)
    }

    @Test func inlineLineNumbersAndATokenOverALineBreak() {
        // diff's line tokens end with their line break: each line closes and reopens them.
        #expect(block("-old\n+new", "diff", "linenos=inline,hl_lines=1") == """
            <div class="highlight"><pre tabindex="0" class="chroma"><code class="language-diff" data-lang="diff">\
            <span class="line hl"><span class="ln">1</span><span class="cl"><span class="token deleted-sign deleted">\
            <span class="token prefix deleted">-</span><span class="token line">old
            </span></span></span></span><span class="line"><span class="ln">2</span><span class="cl"><span class="token inserted-sign inserted">\
            <span class="token prefix inserted">+</span><span class="token line">new</span></span></span></span></code></pre></div>

            """)
    }

    @Test func linesSplitAtEveryBreakAndKeepTheirTokensOpen() {
        #expect(CodeLines.split("<span class=\"token string\">\"a\nb\"</span>\nc\n") == [
            "<span class=\"token string\">\"a\n</span>", "<span class=\"token string\">b\"</span>\n", "c\n",
        ])
        #expect(CodeLines.split("") == [""])
    }

    @Test func fencesAreHighlightedWithTheirOptions() {
        var ids = HeadingIDGenerator()
        let rendered = MarkdownRenderer().render("""
            Text.

            ```yml {hl_lines=[1]}
            a: 1
            ```

            ```
            plain
            ```

            """, ids: &ids)
        #expect(rendered.html == """
            <p>Text.</p>
            <div class="highlight"><pre tabindex="0" class="chroma"><code class="language-yml" data-lang="yml"><span class="line hl"><span class="cl">\
            <span class="token key atrule">a</span><span class="token punctuation">:</span> <span class="token number">1</span>
            </span></span></code></pre></div>
            <pre tabindex="0"><code>plain
            </code></pre>

            """)
        #expect(rendered.codeProblems == [])
    }

    @Test func switchedOffFencesStayAsCmarkWritesThem() {
        var settings = MarkupSettings()
        settings.highlight = false
        var ids = HeadingIDGenerator()
        let rendered = MarkdownRenderer(settings: settings).render("```bash {linenos=true}\nls\n```\n", ids: &ids)
        #expect(rendered.html == "<pre><code class=\"language-bash\">ls\n</code></pre>\n")
    }

    @Test func aFenceThatHighlightingGivesUpOnIsPlainWithAWarningAtItsLine() {
        var renderer = MarkdownRenderer()
        renderer.highlighter.limits.matchLimit = 1
        var ids = HeadingIDGenerator()
        let rendered = renderer.render("# T\n\n```bash {linenos=maybe}\nls <x>\n```\n", ids: &ids)
        #expect(rendered.html.contains("<code class=\"language-bash\" data-lang=\"bash\">ls &lt;x>\n</code>"))
        #expect(rendered.codeProblems == [
            CodeProblem(severity: .error, line: 3, message: "highlight: linenos=maybe must be table, inline, true or false"),
            CodeProblem(severity: .warning, line: 3, message: "bash code: " + HighlightFailure.matchLimit.message),
        ])
    }
}
