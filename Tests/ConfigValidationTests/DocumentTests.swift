import Testing
@testable import ConfigValidation

/// Positions of problems in YAML configs, and of parse errors in JSON and YAML.
@Suite struct DocumentTests {
    static let yaml = """
    # A comment first, so nothing is on the line it would be on by accident.
    provider_type: AWS_S3_BUCKET
    resource: My_Bucket
    display_name: 12345
    credentials_type: ANONYMOUS_ACCESS
    specific_attributes: "region=eu&prefix=/x"
    manifests:
      - ok.jsonl
      - ../up.jsonl

    """

    @Test func yamlProblemsHaveLineAndColumn() {
        let problems = Support.problems(Self.yaml, file: "c.yaml")
        #expect(Support.located(problems) == [
            "3:11 /resource pattern",             // "Frames": one capital, one message
            "4:15 /display_name type",
            "6:22 /specific_attributes not",      // at the opening quote
            "9:5 /manifests/1 not",
        ])
        // YAML 1.2 core types: a plain 12345 is a number, not text.
        #expect(problems.first { $0.pointer == "/display_name" }?.message == "must be text in double quotes, even a number: write \"12345\"; found the number 12345")
        #expect(problems.allSatisfy { $0.file == "c.yaml" })
    }

    @Test func yamlMissingFieldIsReportedAtTheMapping() {
        let problems = Support.problems("# no type\nprovider_type: AZURE_CONTAINER\nresource: frames\ndisplay_name: F\n", file: "m.yml")
        #expect(Support.located(problems) == ["2:1 /credentials_type required"])
        #expect(Support.problems("provider_type: \"AZURE_CONTAINER\"\nresource: frames\ndisplay_name: F\ncredentials_type: ANONYMOUS_ACCESS\naccount_name: cvatstore01\n",
                                 file: "ok.yaml").isEmpty)
    }

    /// An unknown key in JSON is reported at the key; YAML does the same (it once gave the value's column).
    @Test func yamlUnknownKeyIsReportedAtTheKey() {
        let problems = Support.problems("provider_type: AWS_S3_BUCKET\nresource: frames\ndisplay_name: F\ncredentials_type: ANONYMOUS_ACCESS\nsecret_access_key: abc\n", file: "k.yaml")
        #expect(Support.located(problems) == ["5:1 /secret_access_key additionalProperties"])
    }

    @Test func yamlParseErrorsHavePositions() {
        let duplicate = Support.problems("provider_type: AWS_S3_BUCKET\nresource: a\nresource: b\n", file: "d.yaml")
        #expect(Support.located(duplicate) == ["3:1  parse"])
        #expect(duplicate.first?.message == "key 'resource' appears twice")

        let badIndent = Support.problems("provider_type: AWS_S3_BUCKET\n  resource: a\n", file: "i.yaml")
        #expect(Support.located(badIndent) == ["2:11  parse"])
        #expect(badIndent.first?.message == "a colon followed by a space inside a value starts a new key, which YAML does not allow here: put the whole value in quotes, for example title: \"Setup: the basics\"; if the line is a key of its own, indent it like the keys above it (YAML: mapping values are not allowed in this context)")

        #expect(Support.described(Support.problems("  \n\n", file: "e.yaml")) == [" parse: file is empty"])
        // At 1:1, never 0:0 (a vertical tab alone, found by fuzzing: Fuzz/regressions/validate).
        #expect(Support.located(Support.problems("\u{0B}", file: "vt.yaml")) == ["1:1  parse"])
        #expect(Support.described(Support.problems([0x61, 0x3A, 0x20, 0xFF], file: "u.yaml")) == [" parse: file is not valid UTF-8 from here on: save it as UTF-8 (it was probably saved in another encoding, such as Latin-1 or UTF-16)"])
    }

    @Test func malformedJSONReportsWhereItBroke() {
        func parse(_ text: String) -> String? {
            Support.problems(text, file: "j.json").first.map { "\($0.line):\($0.column) \($0.keyword): \($0.message)" }
        }
        #expect(parse("{\n  \"provider_type\": \"AWS_S3_BUCKET\",\n}\n") == "3:1 parse: expected a string key after ',', found '}'")
        #expect(parse("{\"provider_type\": \"AWS_S3_BUCKET\"") == "1:34 parse: expected ',' or '}' after an object member, found end of file")
        #expect(parse("") == "1:1 parse: file is empty")
        #expect(parse("{\n  \"resource\": \"a\",\n  \"resource\": \"b\"\n}") == "3:3 parse: duplicate key 'resource' in object")
        #expect(parse("{\"n\": NaN}") == "1:7 parse: expected a value, found other text")
        #expect(parse("// comment\n{}") == "1:1 parse: expected a value, found other text")
        // Columns count characters, not bytes: "ü" is two bytes, one column.
        #expect(parse("{\"display_name\": \"ü\" \"x\"}") == "1:22 parse: expected ',' or '}' after an object member, found '\"'")
        // The top level must be an object.
        #expect(Support.described(Support.problems("[1, 2]", file: "a.json")) == [" type: must be an object of keys and values in braces, { … }; found a list"])
    }
}
