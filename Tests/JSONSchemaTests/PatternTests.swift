import Testing
@testable import JSONSchema

/// The built-in matcher against NSRegularExpression on patterns both understand alike.
@Suite struct PatternTests {
    static let patterns = [
        "^[a-z0-9.-]{3,63}$", "^[a-z0-9]([a-z0-9-]*[a-z0-9])?$", "\\.jsonl$", "^(foo|bar)+baz?$",
        "a*", "^$", "^\\d{2,4}-\\w+\\s?$", "[^a-c]x", "(?:ab|cd){2}", "^[A-Za-z_][-A-Za-z0-9._]*$",
        "^([a-z_]+=[^&]*)?(&[a-z_]+=[^&]*)*$", "x{0,2}y", "^a.c$", "[\\d.]+", "^\\S+$", "é+", "^.{2}$",
        "^(a|ab)(c|bcd)(d*)$", "a+?b", "^[\\]\\-x]+$",
    ]
    static let inputs = [
        "", "a", "abc", "my-bucket.data", "MyBucket", "ab", "foobarbaz", "foofooba", "12-ab", "1234-x_y ",
        "region=eu&zone=b", "region=eu&&", "xxy", "xxxy", "a\nc", "a c", "1.2.3", "abcdcd", "éé", "😀x",
        "abcd", "aaab", "]-x", "manifest.jsonl", "manifest.jsonl\n", "-abc-", "a-b",
    ]

    @Test func builtInMatcherAgreesWithFoundation() throws {
        for source in Self.patterns {
            let builtIn = try Pattern(source)
            let foundation = try Pattern(foundationOnly: source)
            #expect(builtIn.usesBuiltInMatcher, "\(source) should use the built-in matcher")
            for input in Self.inputs {
                #expect(builtIn.matches(input) == foundation.matches(input), "\(source) on \(input.debugDescription)")
            }
        }
    }

    @Test func ecmaScriptSemantics() throws {
        // \d is ASCII only, $ does not match before a final newline.
        #expect(try !Pattern("^\\d$").matches("\u{0660}"))
        #expect(try !Pattern("^abc$").matches("abc\n"))
        #expect(try Pattern("^\\s$").matches("\u{FEFF}"))
        #expect(try Pattern("^\\u{1F600}$").matches("😀"))
        #expect(try Pattern("^\\ud83d\\ude00$").matches("😀"))
    }

    @Test func unsupportedSyntaxFallsBackToFoundation() throws {
        for source in ["(a)\\1", "(?=a)a", "\\bword\\b", "\\p{L}+"] {
            let pattern = try Pattern(source)
            #expect(!pattern.usesBuiltInMatcher, "\(source)")
        }
        #expect(try Pattern("\\p{Lu}").matches("É"))
    }
}
