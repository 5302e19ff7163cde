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

    static func main() async {
        // swift-argument-parser takes quadratic time in the number of arguments; a shell glob
        // can name 10,000 configs, so `validate` takes its file operands aside first.
        var arguments = Array(CommandLine.arguments.dropFirst())
        if arguments.first == "validate" {
            (arguments, Validate.operands) = Validate.splitOperands(arguments)
        }
        await main(arguments)
    }
}
