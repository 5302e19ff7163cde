import ArgumentParser
import Diagnostics
import Foundation
import Site

func printError(_ line: String) {
    FileHandle.standardError.write(Data((line + "\n").utf8))
}

func printDiagnostics(_ diagnostics: [Diagnostic]) {
    guard !diagnostics.isEmpty else { return }
    printError(diagnostics.map(\.description).joined(separator: "\n"))
}

/// A site folder or content folder that is not there is a usage mistake (exit 2), found before
/// anything is built.
func requireSiteFolders(source: String, config: SiteConfig) throws {
    var isDirectory: ObjCBool = false
    guard FileManager.default.fileExists(atPath: source, isDirectory: &isDirectory), isDirectory.boolValue else {
        printError("docgen: error: site folder '\(source)' does not exist")
        throw ExitCode(2)
    }
    guard FileManager.default.fileExists(atPath: config.contentPath, isDirectory: &isDirectory), isDirectory.boolValue else {
        printError("docgen: error: there is no content folder at '\(config.contentPath)': put your pages there, "
            + "or name their folder with --contentDir or contentDir in docgen.yaml")
        throw ExitCode(2)
    }
}
