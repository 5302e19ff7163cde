import Diagnostics

/// The sink that writes each page into the staging folder.
struct StagingWriter: PageSink {
    let output: OutputFolder

    func receive(_ page: FinishedPage) -> Diagnostic? {
        output.write(page.html, to: page.outputPath)?.diagnostic(destination: output.destination)
    }

    func receiveSite(files: [String], otherHTML: [String: String], unrendered: Set<String>) {}
}
