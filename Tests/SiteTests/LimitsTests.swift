import Diagnostics
import Rendering
import Foundation
import Testing
@testable import Site

/// Each limit of `Limits` (the README's "Limits"): input just inside it builds, input past it
/// gets one error at its file, line and column, and nothing crashes or runs away.
struct LimitsTests {
    /// Builds a one-page site whose page body is `body`; the errors as "line:col: message".
    func build(_ body: String, frontMatter: String = "title: Hostile\n") throws -> (succeeded: Bool, errors: [String], html: String) {
        let site = temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: site) }
        try FileManager.default.createDirectory(atPath: site + "/content", withIntermediateDirectories: true)
        try ("---\n" + frontMatter + "---\n" + body).write(toFile: site + "/content/a.md", atomically: false, encoding: .utf8)
        let report = SiteBuilder.build(config(source: site, destination: site + "/public"))
        let html = (try? String(contentsOfFile: site + "/public/a/index.html", encoding: .utf8)) ?? ""
        let errors = report.diagnostics.filter { $0.severity == .error }.map { "\($0.location.line):\($0.location.column): \($0.message)" }
        return (report.succeeded, errors, html)
    }

    func nestedAlerts(_ depth: Int) -> String {
        String(repeating: "{{% alert %}}\n", count: depth) + "deep\n" + String(repeating: "{{% /alert %}}\n", count: depth)
    }

    @Test func shortcodesNestUpToTheLimit() throws {
        let inside = try build(nestedAlerts(Limits.shortcodeNesting))
        #expect(inside.succeeded, "\(inside.errors)")
        #expect(inside.html.components(separatedBy: "class=\"alert").count - 1 == Limits.shortcodeNesting)
        // Past it: one message at the first tag too deep, however many there are; no crash.
        for depth in [Limits.shortcodeNesting + 1, 5_000] {
            let past = try build(nestedAlerts(depth))
            #expect(past.errors == ["\(Limits.shortcodeNesting + 4):1: shortcodes are nested more than 64 deep here; close some before opening more"])
        }
    }

    @Test func blockNestingOnOneLine() throws {
        #expect(try build(String(repeating: ">", count: Limits.markdownNesting) + " quoted\n").succeeded)
        let quotes = try build("text\n\n" + String(repeating: "> ", count: 100_000) + "x\n")
        #expect(quotes.errors == ["6:200001: block quotes and lists are nested more than 100 deep on this line; use fewer '>' or list markers"])
        let lists = try build(String(repeating: "- ", count: 50_000) + "x\n")
        #expect(lists.errors.first?.hasPrefix("4:100001: block quotes and lists are nested more than 100 deep") == true)
        let ordered = try build(String(repeating: "1. ", count: 200) + "x\n")
        #expect(ordered.errors.first?.hasPrefix("4:") == true)
        // A rule drawn with many dashes is not a list.
        #expect(try build("text\n\n" + String(repeating: "- ", count: 300) + "\n").succeeded)
    }

    /// Through indentation, nesting is bounded by the page size (each level indents further);
    /// 2,000 levels take cmark-gfm milliseconds and docgen's own walk keeps no recursion.
    @Test func deepListsThroughIndentationBuild() throws {
        let list = (0..<2_000).map { String(repeating: "  ", count: $0) + "- item\n" }.joined() + "\n## After\n"
        let result = try build(list)
        #expect(result.succeeded, "\(result.errors)")
        #expect(result.html.contains("<h2 id=\"after\">After</h2>"))
    }

    @Test func tableRowsAndCells() throws {
        let row = { (cells: Int) in "|" + String(repeating: " a |", count: cells) + "\n" }
        let rule = { (cells: Int) in "|" + String(repeating: "---|", count: cells) + "\n" }
        #expect(try build(row(Limits.tablePipesPerLine - 1) + rule(Limits.tablePipesPerLine - 1) + "| x |\n").succeeded)
        let wide = try build("intro\n\n" + row(5_000) + rule(5_000))
        #expect(wide.errors == ["6:1: this line has 5001 '|' characters, more than the 256 a table row may have; split the table"])
        // 200 columns: every short row is filled up to 200 cells, so 1,000 rows make 200,000.
        let padded = try build(row(200) + rule(200) + String(repeating: "| x |\n", count: 1_000))
        #expect(padded.errors == ["1004:1: the tables of this page have more than 200000 cells (short rows are filled up to the header's width); split them or use fewer columns"])
        #expect(try build(row(200) + rule(200) + String(repeating: "| x |\n", count: 900)).succeeded)
    }

    @Test func manyEqualHeadingsAreNumberedInLinearTime() throws {
        let result = try build(String(repeating: "## Same\n\n", count: 20_000))
        #expect(result.succeeded)
        #expect(result.html.contains("<h2 id=\"same\">Same</h2>"))
        #expect(result.html.contains("<h2 id=\"same-19999\">Same</h2>"))
        var ids = HeadingIDGenerator()
        ids.reserve("x-2")
        #expect(["x", "x", "x", "x"].map { ids.next(for: $0) } == ["x", "x-1", "x-3", "x-4"])
    }

    @Test func pagesPastTheSizeLimitAreNotRead() throws {
        let site = temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: site) }
        try FileManager.default.createDirectory(atPath: site + "/content", withIntermediateDirectories: true)
        FileManager.default.createFile(atPath: site + "/content/huge.md", contents: nil)
        #expect(truncate(site + "/content/huge.md", off_t(Limits.pageFileBytes + 1)) == 0)
        let report = SiteBuilder.build(config(source: site, destination: site + "/public"))
        #expect(report.diagnostics.map(\.description) == [
            "\(site)/content/huge.md: error: the page is 8.0 MiB; pages may be at most 8 MiB: split it into several pages",
        ])
    }

    @Test func yamlAliasBombsAndDeepBrackets() throws {
        var bomb = ["title: x", #"a0: &a0 ["lol","lol","lol","lol","lol","lol","lol","lol","lol","lol"]"#]
        for i in 1..<10 { bomb.append("a\(i): &a\(i) [" + Array(repeating: "*a\(i - 1)", count: 10).joined(separator: ",") + "]") }
        let exploded = try build("x\n", frontMatter: bomb.joined(separator: "\n") + "\n")
        #expect(exploded.errors.count == 1)
        #expect(exploded.errors.first?.contains("front matter: this YAML holds more than 100000 values once its aliases (*name) are expanded") == true)
        let deep = try build("x\n", frontMatter: "title: x\nk: " + String(repeating: "[", count: 100_000) + "\n")
        #expect(deep.errors == ["3:204: front matter: YAML brackets are nested more than 200 deep here; write the value with less nesting"])
        // Brackets in quoted text and comments are text; a few aliases are fine.
        let quoted = "title: \"" + String(repeating: "[", count: 300) + "\"\n# " + String(repeating: "{", count: 300)
            + "\nnote: 'it''s " + String(repeating: "[", count: 300) + "'\nlist: &l [1, 2]\nagain: *l\n"
        let quotedResult = try build("x\n", frontMatter: quoted)
        #expect(quotedResult.succeeded, "\(quotedResult.errors)")
        #expect(try build("x\n", frontMatter: "title: x\nk: " + String(repeating: "[", count: 150) + String(repeating: "]", count: 150) + "\n").succeeded)
    }
}

extension LimitsTests {
    /// A partial that includes itself inside a section whose value every level finds (Mustache
    /// looks names up in the enclosing values) would recurse until the stack overflows; the
    /// stack guard stops it and the page gets an error.
    @Test func runawayTemplateRecursionIsStopped() throws {
        let site = temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: site) }
        try FileManager.default.createDirectory(atPath: site + "/content", withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: site + "/templates/partials", withIntermediateDirectories: true)
        try "---\ntitle: A\n---\nx\n".write(toFile: site + "/content/a.md", atomically: false, encoding: .utf8)
        try "{{#page}}<div>{{> partials/loop}}</div>{{/page}}".write(toFile: site + "/templates/partials/loop.html", atomically: false, encoding: .utf8)
        try "<html>{{> partials/loop}}</html>".write(toFile: site + "/templates/single.html", atomically: false, encoding: .utf8)
        let report = SiteBuilder.build(config(source: site, destination: site + "/public"))
        let errors = report.diagnostics.filter { $0.severity == .error }
        #expect(errors.count == 1)
        #expect(errors.first?.location.file == site + "/content/a.md")
        #expect(errors.first?.message.hasPrefix("a template included itself so deeply while rendering this page that docgen stopped it") == true)
        #expect(!FileManager.default.fileExists(atPath: site + "/public"))
    }
}

extension LimitsTests {
    @Test func foldersNestUpToTheLimit() throws {
        let site = temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: site) }
        let deepest = site + "/content/" + Array(repeating: "d", count: Limits.folderNesting).joined(separator: "/")
        try FileManager.default.createDirectory(atPath: deepest, withIntermediateDirectories: true)
        try "---\ntitle: Deep\n---\nx\n".write(toFile: deepest + "/page.md", atomically: false, encoding: .utf8)
        #expect(SiteBuilder.build(config(source: site, destination: site + "/public")).succeeded)
        try FileManager.default.createDirectory(atPath: deepest + "/d", withIntermediateDirectories: true)
        try "---\ntitle: Deeper\n---\nx\n".write(toFile: deepest + "/d/page.md", atomically: false, encoding: .utf8)
        let report = SiteBuilder.build(config(source: site, destination: site + "/public"))
        #expect(report.diagnostics.map(\.description) == ["\(deepest)/d: error: folders are nested more than 32 deep here; what is inside is left out: move it up"])
    }
}
