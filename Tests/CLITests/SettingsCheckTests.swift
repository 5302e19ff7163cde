import Foundation
import Testing

/// Mistakes in how docgen is called or set up: each is named, with the fix, before anything is built.
@Suite struct SettingsCheckTests {
    let cli = BuildCommandTests()

    func site(_ files: [String: String]) throws -> String {
        let root = NSTemporaryDirectory() + "docgen-settings-\(UUID().uuidString)"
        for (path, text) in files {
            let file = root + "/" + path
            try FileManager.default.createDirectory(atPath: (file as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try text.write(toFile: file, atomically: true, encoding: .utf8)
        }
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        return root
    }

    @Test func aMissingContentFolderIsAUsageError() throws {
        let root = try site(["docgen.yaml": "title: x\n"])
        defer { try? FileManager.default.removeItem(atPath: root) }
        for command in ["build", "serve"] {
            let result = try cli.run([command, "--source", root])
            #expect(result.status == 2, "\(command)")
            #expect(result.err.contains("there is no content folder at '\(root)/content'"), "\(command): \(result.err)")
            #expect(result.err.contains("--contentDir"))
        }
    }

    @Test func aContentFolderWithoutPagesIsAUsageError() throws {
        let root = try site(["content/notes.txt": "not a page\n", "content/docs/later.md": "---\ntitle: Later\ndraft: true\n---\n"])
        defer { try? FileManager.default.removeItem(atPath: root) }
        let result = try cli.run(["build", "--source", root])
        #expect(result.status == 2)
        #expect(result.err.contains("docgen: error: there are no pages in \(root)/content: put Markdown (.md) or HTML files there"), "\(result.err)")
        #expect(result.err.contains("build with --drafts"))
        #expect(!FileManager.default.fileExists(atPath: root + "/public"))
        #expect(try cli.run(["build", "--source", root, "--drafts"]).status == 0)
    }

    @Test func badFlagValuesPointAtTheCommandsOwnHelp() throws {
        let result = try cli.run(["build", "--heading-ids", "hugo-99"])
        #expect(result.status == 2)
        #expect(result.err.contains("--heading-ids must be one of: hugo-0.110, hugo-current; 'hugo-99' is none of them"), "\(result.err)")
        #expect(result.err.contains("See 'docgen build --help'"), "\(result.err)")
    }

    @Test func linkCheckFlagsWithoutCheckAreRefused() throws {
        let one = try cli.run(["build", "--external"])
        #expect(one.status == 2)
        #expect(one.err.contains("--external applies to the link check, which runs only with --check: add --check, or leave it out"), "\(one.err)")
        let two = try cli.run(["build", "--format", "junit", "--exclude", "x"])
        #expect(two.status == 2)
        #expect(two.err.contains("--exclude, --format junit apply to the link check"), "\(two.err)")
    }

    /// Content errors reach every format, with or without a link check, and stdout holds only the report.
    @Test func everyFormatCarriesContentErrors() throws {
        let root = try site(["content/_index.md": "---\ntitle: Home\nweight: abc\n---\n[gone](nothing/)\n",
                             "docgen.yaml": "baseURL: https://docs.example.com/\n"])
        defer { try? FileManager.default.removeItem(atPath: root) }
        let out = root + "/out"
        let github = try cli.run(["build", "--source", root, "--destination", out, "--format", "github"])
        #expect(github.status == 1)
        #expect(github.out == "::error file=\(root)/content/_index.md,line=3,col=9,title=docgen build::front matter: 'weight' must be a whole number, found 'abc'\n", "\(github.out)")
        let json = try cli.run(["build", "--source", root, "--destination", out, "--format", "json", "--check"])
        #expect(json.status == 1)
        let object = try JSONSerialization.jsonObject(with: Data(json.out.utf8)) as! [String: Any]
        #expect((object["diagnostics"] as! [[String: Any]]).map { $0["line"] as? Int } == [3])
        #expect((object["findings"] as! [[String: Any]]).map { $0["kind"] as? String } == ["missing-page"])
        #expect(json.err.contains("build failed with 2 errors"), "\(json.err)")
        let text = try cli.run(["build", "--source", root, "--destination", out, "--check"])
        #expect(text.out == "")
        #expect(text.err.contains("\(root)/content/_index.md:5:8: error: missing page /nothing/\n"), "\(text.err)")
    }

    @Test func versionAndSingularCounts() throws {
        let version = try cli.run(["--version"])
        #expect(version.status == 0)
        #expect(version.out.range(of: #"^\d+\.\d+\.\d+\n$"#, options: .regularExpression) != nil, "\(version.out)")
        // Without search the theme's only file is its stylesheet: one file.
        let root = try site(["content/_index.md": "---\ntitle: Home\n---\nHello.\n", "docgen.yaml": "search: false\n"])
        defer { try? FileManager.default.removeItem(atPath: root) }
        let built = try cli.run(["build", "--source", root])
        #expect(built.out.range(of: #"^docgen: built 1 page, 0 aliases, 3 files copied into .+ in \d+ ms\n$"#, options: .regularExpression) != nil, "\(built.out)")
    }

    @Test func checkLooksWhereTheBuildWrote() throws {
        let root = try site(["content/_index.md": "---\ntitle: Home\n---\nHello.\n", "docgen.yaml": "destination: out\n"])
        defer { try? FileManager.default.removeItem(atPath: root) }
        #expect(try cli.run(["build", "--source", root]).status == 0)
        #expect(try cli.run(["check", "--source", root]).status == 0)
        // A broken link in the built site: a check of out/ finds it (public/ does not exist at all).
        let page = root + "/out/index.html"
        try (try String(contentsOfFile: page, encoding: .utf8)).replacingOccurrences(of: "</body>", with: "<a href=\"/nowhere/\">x</a></body>")
            .write(toFile: page, atomically: true, encoding: .utf8)
        let checked = try cli.run(["check", "--source", root])
        #expect(checked.status == 1, "\(checked.out)\(checked.err)")
        #expect(checked.out.contains("/nowhere/"), "\(checked.out)")
    }

    @Test func aStaticFileThatReplacesAPageIsAWarningNamingBoth() throws {
        let root = try site(["content/faq/_index.md": "---\ntitle: FAQ\n---\nQuestions.\n", "static/faq/index.html": "<p>old</p>\n"])
        defer { try? FileManager.default.removeItem(atPath: root) }
        let result = try cli.run(["build", "--source", root])
        #expect(result.status == 0)
        #expect(result.err.contains("\(root)/static/faq/index.html: warning: this file is copied to faq/index.html, where the page /faq/ (\(root)/content/faq/_index.md) is written, and replaces it"), "\(result.err)")
    }

    @Test func aBaseURLWithoutSchemeOrHostIsRefused() throws {
        let flag = try cli.run(["build", "--baseURL", "example.com/docs/"])
        #expect(flag.status == 2)
        #expect(flag.err.contains("baseURL 'example.com/docs/' has no scheme, so every link would start with /example.com/docs/: write https://example.com/docs/"), "\(flag.err)")
        let root = try site(["content/_index.md": "---\ntitle: Home\n---\nHello.\n", "docgen.yaml": "title: T\nbaseURL: \"https:///docs/\"\n"])
        defer { try? FileManager.default.removeItem(atPath: root) }
        let file = try cli.run(["build", "--source", root])
        #expect(file.status == 1)
        #expect(file.err.contains("docgen.yaml:2:10: error: baseURL 'https:///docs/' names no host"), "\(file.err)")
        #expect(try cli.run(["build", "--source", root, "--baseURL", "/docs/"]).status == 1, "the file's mistake is reported even when the flag wins")
    }
}
