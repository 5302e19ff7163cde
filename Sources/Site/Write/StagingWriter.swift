import Diagnostics

/// The sink that writes each page into the staging folder.
struct StagingWriter: PageSink {
    let output: OutputFolder

    func receive(_ page: FinishedPage) -> Diagnostic? {
        do {
            try output.write(page.html, to: page.outputPath)
            return nil
        } catch {
            return Diagnostic(.error, at: SourceLocation(file: output.destination + "/" + page.outputPath, line: 0, column: 0), "\(error)")
        }
    }

    func receiveSite(files: [String], otherHTML: [String: String]) {}
}
