import ArgumentParser
import LinkCheck

/// `--format`, shared by `build` and `check`: how every problem of the run is printed.
struct ReportFormatOption: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("How problems are printed: text, json, github (workflow annotations) or junit (a test report; with build only together with --check).", valueName: "format"))
    var format: LinkReportFormat = .text
}

extension LinkReportFormat: ExpressibleByArgument {}
