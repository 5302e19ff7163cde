import Foundation
import Testing
@testable import Site

/// A site's own shortcode declares its parameters at the top of its template, and is then checked
/// as strictly as the built-in ones; without a declaration, arguments it never reads are warnings.
@Suite struct ShortcodeDeclarationTests {
    let note = """
        {{! parameters:
          title: {type: text, default: Note}
          kind: [info, warning]
          count: number
          open: boolean
          0: {required: true, about: the note's subject}
        }}
        <div class="note {{args.kind}}"><b>{{args.title}}</b> {{args.0}} {{args.count}}</div>

        """

    @Test func theDeclarationIsReadWithKindsDefaultsAndPositions() {
        let (parameters, problems) = ShortcodeDeclaration.parse(note, file: "note.html")
        #expect(problems.isEmpty)
        #expect(parameters?.named["title"] == ShortcodeParameter(kind: .text, defaultValue: "Note"))
        #expect(parameters?.named["kind"] == ShortcodeParameter(kind: .oneOf(["info", "warning"])))
        #expect(parameters?.named["count"]?.kind == .number)
        #expect(parameters?.named["open"]?.kind == .boolean)
        #expect(parameters?.positional == [ShortcodeParameter(required: true, about: "the note's subject")])
    }

    @Test func aTemplateWithoutADeclarationHasNone() {
        #expect(ShortcodeDeclaration.parse("<b>{{args.0}}</b>\n", file: "x.html").0 == nil)
        #expect(ShortcodeDeclaration.parse("{{! just a comment }}\n<b/>\n", file: "x.html").0 == nil)
        #expect(ShortcodeDeclaration.parse("\n{{! parameters:\n  a: text\n}}\n", file: "x.html").0?.named.keys.sorted() == ["a"])
    }

    @Test func mistakesInTheDeclarationArePositionedInTheTemplate() {
        let (_, problems) = ShortcodeDeclaration.parse("""
            {{! parameters:
              a: strng
              b: {type: number, default: x}
              c: {requird: true}
              d: {values: yes}
            }}

            """, file: "bad.html")
        #expect(problems.map(\.description) == [
            "bad.html:2:6: error: parameter 'a': 'strng' is not a kind of value: write text, number, boolean, or a list of the values it takes, as in [info, warning]",
            "bad.html:3:30: error: parameter 'b': its default: b=\"x\" must be a number, such as b=\"3\"",
            "bad.html:4:7: error: parameter 'c': 'requird' is not something a parameter declares: did you mean required? use type, values, default, required and about",
            "bad.html:5:15: error: parameter 'd': values must be a list, as in [info, warning]",
        ])
        let (_, gap) = ShortcodeDeclaration.parse("{{! parameters:\n  1: text\n}}\n", file: "gap.html")
        #expect(gap.map(\.description) == ["gap.html:2:3: error: unnamed arguments are declared as 0, 1, 2, … in order, and 0 is missing"])
        let (_, yaml) = ShortcodeDeclaration.parse("{{! parameters:\n  a: [text\n}}\n", file: "y.html")
        #expect(yaml.first?.message.hasPrefix("the parameters declared at the top of this shortcode template do not read as YAML: ") == true)
    }

    func build(_ page: String, shortcodes: [String: String]) throws -> (problems: [String], html: String) {
        var files = ["content/_index.md": "---\ntitle: Home\n---\n" + page]
        for (name, text) in shortcodes { files["templates/shortcodes/\(name).html"] = text }
        let root = try siteFolder(files, label: "docgen-declared")
        defer { try? FileManager.default.removeItem(atPath: root) }
        let report = SiteBuilder.build(config(source: root, destination: root + "/public"), defaults: EmbeddedTemplates.files)
        return (report.diagnostics.map { $0.description.replacingOccurrences(of: root + "/", with: "") },
                (try? String(contentsOfFile: root + "/public/index.html", encoding: .utf8)) ?? "")
    }

    @Test func aDeclaredShortcodeIsCheckedLikeABuiltInOne() throws {
        let (problems, _) = try build("""
            {{< note titel="x" kind="warn" count="many" open="yes" >}}

            {{< note "A" "B" >}}

            """, shortcodes: ["note": note])
        #expect(problems == [
            "content/_index.md:4:1: error: note has no parameter 'titel': did you mean title=? it takes count, kind, open and title",
            "content/_index.md:4:1: error: note needs the note's subject as its unnamed argument 1",
            "content/_index.md:4:1: error: note: count=\"many\" must be a number, such as count=\"3\"",
            "content/_index.md:4:1: error: note: kind=\"warn\" is not one of the values it takes: did you mean 'warning'? use one of info and warning",
            "content/_index.md:4:1: error: note: open=\"yes\" must be true or false",
            "content/_index.md:6:1: error: note takes at most 1 unnamed argument (the note's subject), found more: \"B\"",
        ])
    }

    @Test func defaultsReachTheTemplate() throws {
        let (problems, html) = try build("{{< note \"Disks\" >}}\n", shortcodes: ["note": note])
        #expect(problems == [])
        #expect(html.contains("<div class=\"note \"><b>Note</b> Disks </div>"), "\(html)")
    }

    @Test func anUndeclaredShortcodeWarnsOfArgumentsItsTemplateNeverReads() throws {
        let (problems, html) = try build("{{< badge label=\"new\" color=\"red\" >}}\n",
                                         shortcodes: ["badge": "<span class=\"{{args.colour}}\">{{args.label}}</span>\n"])
        #expect(problems == ["content/_index.md:4:1: warning: badge: templates/shortcodes/badge.html never reads 'color', so it has no effect: "
            + "did you mean colour=? declare the shortcode's parameters at the top of its template to make such mistakes errors"])
        #expect(html.contains("<span class=\"\">new</span>"))
    }
}
