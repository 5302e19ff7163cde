import Testing
@testable import Shortcodes

@Suite("Text around shortcodes")
struct TextPassThroughTests {
    @Test func plainTextIsOneSegment() {
        let body = "# Title\n\nSome *text* with { braces } and }} and {{."
        let (doc, diagnostics) = parse(body)
        #expect(diagnostics.isEmpty)
        #expect(doc.segments == [.text(0..<body.utf8.count)])
    }

    @Test func emptyBody() {
        let (doc, diagnostics) = parse("")
        #expect(doc.segments.isEmpty)
        #expect(diagnostics.isEmpty)
    }

    @Test func goTemplateAndMustacheTextStayText() {
        let body = "Title: {{ .Title }} and {{name}} and {{{raw}}} and {{- trim -}}"
        let (doc, diagnostics) = parse(body)
        #expect(diagnostics.isEmpty)
        #expect(doc.segments == [.text(0..<body.utf8.count)])
    }

    @Test func tripleBraceBeforeTagStillFindsTheTag() {
        let body = "{{{< x >}}"
        let (doc, diagnostics) = parse(body)
        #expect(diagnostics.isEmpty)
        #expect(outline(doc.segments, in: body) == #"text("{") sc(x)"#)
    }

    @Test func whitespaceBetweenBracesAndMarker() {
        let body = "{{ < x >}} {{\t% y %}}"
        let (doc, diagnostics) = parse(body)
        #expect(diagnostics.isEmpty)
        #expect(doc.shortcodes.map(\.name) == ["x", "y"])
    }

    @Test func shortcodesInFencedCodeAreProcessed() {
        let body = """
        ```go
        {{ .Title }}
        {{< param "version" >}}
        ```
        """
        let (doc, diagnostics) = parse(body)
        #expect(diagnostics.isEmpty)
        #expect(outline(doc.segments, in: body)
            == #"text("```go\n{{ .Title }}\n") sc(param) text("\n```")"#)
        #expect(doc.single?.location.line == 3)
    }

    @Test func segmentsCoverTheWholeBodyInOrder() {
        let body = "a{{< x >}}b{{</* y */>}}c{{% z %}}d{{% /z %}}e"
        let (doc, _) = parse(body)
        var covered: [Range<Int>] = []
        for segment in doc.segments {
            switch segment {
            case .text(let r): covered.append(r)
            case .escaped(_, let r): covered.append(r)
            case .shortcode(let s): covered.append(s.range)
            }
        }
        #expect(covered.first?.lowerBound == 0)
        #expect(covered.last?.upperBound == body.utf8.count)
        #expect(zip(covered, covered.dropFirst()).allSatisfy { $0.upperBound == $1.lowerBound })
    }
}
