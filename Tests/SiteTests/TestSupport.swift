import Foundation
import Basics
@testable import Site

enum Fixtures {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures").path
    static func path(_ name: String) -> String { root + "/" + name }

    /// `../shared` beside the repository, which CI provides; tests that need it skip without it.
    static let shared = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../../shared").standardizedFileURL.path
    static var sharedAvailable: Bool { FileManager.default.fileExists(atPath: shared + "/seeds") }
}

/// A fresh folder under the system temporary folder, removed by the caller.
func temporaryFolder(_ label: String = "docgen-test") -> String {
    let path = NSTemporaryDirectory() + "\(label)-\(UUID().uuidString)"
    try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
}

/// A site folder holding these files (paths from the site root); removed by the caller.
func siteFolder(_ files: [String: String], label: String = "docgen-site") throws -> String {
    let root = temporaryFolder(label)
    for (path, text) in files {
        let file = root + "/" + path
        try FileManager.default.createDirectory(atPath: (file as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        try text.write(toFile: file, atomically: true, encoding: .utf8)
    }
    return root
}

/// A copy of a fixture site at `parent/site`, for tests that change it; returns its path.
func copyOfFixture(_ name: String, in parent: String) throws -> String {
    let site = parent + "/site"
    try FileManager.default.copyItem(atPath: Fixtures.path(name), toPath: site)
    return site
}

/// Every file under a folder (hidden ones too) with its contents, for comparing whole sites.
/// Bytes rather than `Data`: LeakSanitizer cannot follow the pointer a large `Data` keeps in its
/// packed representation, so a `Data` still alive when the test process exits is reported as a
/// 2 MB leak (a 3-line program shows the same).
func snapshot(_ folder: String) -> [String: [UInt8]] {
    var result: [String: [UInt8]] = [:]
    for path in FolderWalk(allowedRoots: [folder], includeHidden: true).files(under: folder).files {
        result[path] = try? readFile(folder + "/" + path).get()
    }
    return result
}

func config(source: String, destination: String) -> SiteConfig {
    var (config, problems) = SiteConfig.load(source: source)
    precondition(problems.isEmpty, "\(problems)")
    config.destination = destination
    // Most test sites have no address, which leaves the sitemap out with a warning; the tests of
    // that warning (SitemapTests) build with it on, the others without the noise.
    if !config.hasAbsoluteBase { config.sitemap = false }
    return config
}
