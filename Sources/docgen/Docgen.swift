import ArgumentParser

@main
struct Docgen: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "docgen",
        abstract: "Build Hugo-style documentation sites from Markdown, front matter, shortcodes and templates.",
        discussion: """
        Start with `docgen build` in a folder that holds content/ (Markdown pages) and, optionally, \
        templates/, static/ and docgen.yaml. The site is written to public/.

        Exit codes: 0 success, 1 problems found in the content, 2 usage or I/O errors.
        """,
        subcommands: [Build.self, Check.self, Validate.self, Schema.self]
    )
}
