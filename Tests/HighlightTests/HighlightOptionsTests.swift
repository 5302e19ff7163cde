import Testing
import Highlight

/// The options of Hugo's highlight shortcode and of a fence's braces, read by one parser.
@Suite struct HighlightOptionsTests {
    @Test func shortcodeOptionsAreRead() {
        let (options, problems) = HighlightOptions.parse(" linenos=inline, hl_lines=1 4-6 ,LineNoStart=3,noclasses=false")
        #expect(problems == [])
        #expect(options.lineNumbers == .inline)
        #expect(options.highlightedLines == [1...1, 4...6])
        #expect(options.lineNumberStart == 3)
        #expect(options.others == ["noclasses": "false"])
    }

    @Test func fenceAttributesAreReadAsTheSameOptions() {
        let (fence, problems) = HighlightOptions.parseFence("linenos=true hl_lines=[2,\"4-5\"] linenostart=5")
        #expect(problems == [])
        var expected = HighlightOptions()
        expected.lineNumbers = .table
        expected.highlightedLines = [2...2, 4...5]
        expected.lineNumberStart = 5
        #expect(fence == expected)
        #expect(HighlightOptions.parseFence("linenos=table, hl_lines=[2,4-5], linenostart=5").0 == expected)
        #expect(HighlightOptions.parse("linenos=table,hl_lines=2 4-5,linenostart=5").0 == expected)
        #expect(HighlightOptions.parseFence("hl_lines=\"2 4-5\" linenos='true' linenostart=5").0 == expected)
    }

    @Test func fenceAttributeProblemsAreTheShortcodesProblems() {
        let (_, problems) = HighlightOptions.parseFence("linenoss=true hl_lines=[x] .wide")
        #expect(problems == [
            "highlight: there is no option 'linenoss': did you mean 'linenos'? the options are anchorlinenos, codefences, guesssyntax, "
                + "hl_inline, hl_lines, lineanchors, linenos, linenostart, linenumbersintable, noclasses, nohl, style and tabwidth",
            "highlight: hl_lines=x must be line numbers and ranges separated by spaces, as in hl_lines=2 5-7",
            "highlight: fence attribute '.wide' must be name=value, as in {linenos=true hl_lines=[2,3]}",
        ])
    }
}
