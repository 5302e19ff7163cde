import ArgumentParser
import Foundation

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
        version: Docgen.version,
        subcommands: [Build.self, Serve.self, Check.self, Validate.self, Schema.self]
    )

    /// Raised with each release; `docgen --version` prints it.
    static let version = "0.14.0"

    static func main() async {
        var arguments = Array(CommandLine.arguments.dropFirst())
        if arguments.first == "validate", let files = Validate.plainOperands(arguments.dropFirst()) {
            do { try Validate.run(files: files, schema: nil, format: .text) } catch { exitUsage(error) }
        }
        // swift-argument-parser takes quadratic time in the number of arguments; a shell glob
        // can name 10,000 configs, so `validate` takes its file operands aside first.
        if arguments.first == "validate" {
            (arguments, Validate.operands) = Validate.splitOperands(arguments)
        }
        do {
            var command = try parseAsRoot(arguments)
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            exitUsage(error)
        }
    }

    /// Exits as swift-argument-parser would, except that usage errors exit with 2, as every
    /// docgen command documents, instead of the parser's 64 (EX_USAGE).
    static func exitUsage(_ error: Error) -> Never {
        guard exitCode(for: error) == .validationFailure else { exit(withError: error) }
        printError(fullMessage(for: error))
        Foundation.exit(2)
    }
}
