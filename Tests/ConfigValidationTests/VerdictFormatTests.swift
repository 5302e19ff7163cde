import Testing
import JSON
@testable import ConfigValidation

/// The three output formats of `docgen validate`, for verdicts built by hand.
@Suite struct VerdictFormatTests {
    static let verdicts = [
        FileVerdict(file: "a.json", problems: [
            ConfigProblem(file: "a.json", line: 3, column: 15, pointer: "/resource", keyword: "pattern", message: "bad name; found 'My_Bucket'", label: "Bucket name"),
            ConfigProblem(file: "a.json", line: 1, column: 1, pointer: "/key", keyword: "required", message: "missing: key"),
        ], unreadable: false),
        FileVerdict(file: "ok.yaml", problems: [], unreadable: false),
        FileVerdict(file: "b.json", problems: [
            ConfigProblem(file: "b.json", line: 2, column: 7, pointer: "", keyword: "parse", message: "expected a value, found other text"),
        ], unreadable: false),
    ]

    @Test func text() {
        #expect(VerdictFormat.text.render(Self.verdicts) == """
        a.json:3:15: error: Bucket name (/resource): bad name; found 'My_Bucket'
        a.json:1:1: error: /key: missing: key
        b.json:2:7: error: expected a value, found other text
        docgen: 2 of 3 configs invalid (3 problems)

        """)
        #expect(VerdictFormat.text.render([Self.verdicts[1]]) == "docgen: 1 config valid\n")
        #expect(VerdictFormat.text.render([Self.verdicts[1], Self.verdicts[1]]) == "docgen: 2 configs valid\n")
        #expect(VerdictFormat.text.render([Self.verdicts[2]]) == "b.json:2:7: error: expected a value, found other text\ndocgen: 1 of 1 config invalid (1 problem)\n")
    }

    @Test func json() throws {
        let output = VerdictFormat.json.render(Self.verdicts)
        #expect(output.hasSuffix("}\n"))
        let root = try JSONDocument(text: output).root
        #expect(root["summary"] == ["files": 3, "valid": 1, "invalid": 2])
        let files = try #require(root["files"]?.arrayValue)
        #expect(files.map { $0["file"] } == ["a.json", "ok.yaml", "b.json"])
        #expect(files.map { $0["valid"] } == [false, true, false])
        #expect(files[0]["errors"]?.arrayValue?.first == [
            "pointer": "/resource", "label": "Bucket name", "line": 3, "column": 15, "keyword": "pattern", "message": "bad name; found 'My_Bucket'",
        ])
        #expect(files[0]["errors"]?.arrayValue?.last?["label"] == .null)  // a key with no label in the form
        #expect(files[1]["errors"] == [])
        #expect(files[2]["errors"]?.arrayValue?.first?["keyword"] == "parse")
        // An unreadable file is invalid even with no problems listed.
        let unreadable = try JSONDocument(text: VerdictFormat.json.render([FileVerdict(file: "x", problems: [], unreadable: true)])).root
        #expect(unreadable["summary"]?["invalid"] == 1)
    }

    @Test func github() {
        #expect(VerdictFormat.github.render(Self.verdicts) == """
        ::error file=a.json,line=3,col=15,title=docgen validate::Bucket name (/resource): bad name; found 'My_Bucket'
        ::error file=a.json,line=1,col=1,title=docgen validate::/key: missing: key
        ::error file=b.json,line=2,col=7,title=docgen validate::expected a value, found other text

        """)
        #expect(VerdictFormat.github.render([Self.verdicts[1]]) == "")
        // Workflow-command escaping: % CR LF everywhere, and : , in properties too.
        let odd = FileVerdict(file: "C:\\dir,1/50%.json", problems: [
            ConfigProblem(file: "C:\\dir,1/50%.json", line: 1, column: 2, pointer: "/a", keyword: "type", message: "100% wrong\r\nnext: line"),
        ], unreadable: false)
        #expect(VerdictFormat.github.render([odd])
                == "::error file=C%3A\\dir%2C1/50%25.json,line=1,col=2,title=docgen validate::/a: 100%25 wrong%0D%0Anext: line\n")
    }
}
