import Testing
@testable import Shortcodes

@Suite("Arguments")
struct ArgumentTests {
    @Test func positionalBareAndQuoted() throws {
        let (doc, diagnostics) = parse(#"{{< figure a "b c" 42 true >}}"#)
        #expect(diagnostics.isEmpty)
        let sc = try #require(doc.single)
        #expect(sc.name == "figure")
        #expect(sc.arguments.positional == ["a", "b c", "42", "true"])
        #expect(sc.arguments.named.isEmpty)
        #expect(sc.arguments[0] == "a")
        #expect(sc.arguments[3] == "true")
        #expect(sc.arguments[4] == nil)
        #expect(sc.arguments[-1] == nil)
    }

    @Test func namedInSourceOrder() throws {
        let (doc, diagnostics) = parse(#"{{< img src="/a.png" width=300 alt=`x "y"` >}}"#)
        #expect(diagnostics.isEmpty)
        let args = try #require(doc.single).arguments
        #expect(args.positional.isEmpty)
        #expect(args.named.map(\.key) == ["src", "width", "alt"])
        #expect(args.named.map(\.value) == ["/a.png", "300", #"x "y""#])
        #expect(args["width"] == "300")
        #expect(args["missing"] == nil)
    }

    @Test func repeatedKeyLastValueWinsInSubscript() throws {
        let (doc, _) = parse(#"{{< x k="1" k="2" >}}"#)
        let args = try #require(doc.single).arguments
        #expect(args.named.count == 2)
        #expect(args["k"] == "2")
    }

    @Test func spacesAroundEqualsAreAllowed() throws {
        let (doc, diagnostics) = parse("{{< x a = \"b\" c= d >}}")
        #expect(diagnostics.isEmpty)
        let args = try #require(doc.single).arguments
        #expect(args.named.map(\.key) == ["a", "c"])
        #expect(args.named.map(\.value) == ["b", "d"])
    }

    @Test func bareNamedValueRunsToWhitespaceKeepingEquals() throws {
        let (doc, diagnostics) = parse("{{< link url=/search?q=a&b=c title=x >}}")
        #expect(diagnostics.isEmpty)
        let args = try #require(doc.single).arguments
        #expect(args["url"] == "/search?q=a&b=c")
        #expect(args["title"] == "x")
    }

    @Test func bareValueStopsAtTerminatorWithoutSpace() {
        let (doc, diagnostics) = parse("{{< x a=b>}}{{< y c>}}")
        #expect(diagnostics.isEmpty)
        #expect(doc.shortcodes.count == 2)
        #expect(doc.shortcodes[0].arguments["a"] == "b")
        #expect(doc.shortcodes[1].arguments.positional == ["c"])
    }

    @Test func noArguments() throws {
        let (doc, _) = parse("{{< toc >}}")
        let sc = try #require(doc.single)
        #expect(sc.arguments.isEmpty)
        #expect(sc.arguments == ShortcodeArguments())
    }

    @Test func argumentsEqualityIsOrderSensitive() {
        let a = ShortcodeArguments(named: [(key: "a", value: "1"), (key: "b", value: "2")])
        let b = ShortcodeArguments(named: [(key: "b", value: "2"), (key: "a", value: "1")])
        let c = ShortcodeArguments(named: [(key: "a", value: "1"), (key: "b", value: "2")])
        #expect(a != b)
        #expect(a == c)
        #expect(ShortcodeArguments(positional: ["x"]) != ShortcodeArguments(positional: ["y"]))
    }

    @Test func nameForms() {
        let (doc, diagnostics) = parse("{{<toc>}} {{< blocks/cover >}} {{< my-alert_2 >}} {{< 引用 >}} {{< tip.inline >}}")
        #expect(diagnostics.isEmpty)
        #expect(doc.shortcodes.map(\.name) == ["toc", "blocks/cover", "my-alert_2", "引用", "tip.inline"])
    }

    @Test func quoteRightAfterNameStartsAnArgument() {
        let (doc, diagnostics) = parse(#"{{< x"a" >}}"#)
        #expect(diagnostics.isEmpty)
        #expect(doc.single?.name == "x")
        #expect(doc.single?.arguments.positional == ["a"])
    }
}
