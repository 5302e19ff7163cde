import Foundation
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

/// A copy of a fixture site at `parent/site`, for tests that change it; returns its path.
func copyOfFixture(_ name: String, in parent: String) throws -> String {
    let site = parent + "/site"
    try FileManager.default.copyItem(atPath: Fixtures.path(name), toPath: site)
    return site
}

/// Every file under a folder with its contents, for comparing whole sites.
func snapshot(_ folder: String) -> [String: Data] {
    var result: [String: Data] = [:]
    guard let enumerator = FileManager.default.enumerator(atPath: folder) else { return result }
    while let path = enumerator.nextObject() as? String {
        var isDirectory: ObjCBool = false
        FileManager.default.fileExists(atPath: folder + "/" + path, isDirectory: &isDirectory)
        if !isDirectory.boolValue { result[path] = FileManager.default.contents(atPath: folder + "/" + path) }
    }
    return result
}

func config(source: String, destination: String) -> SiteConfig {
    var (config, problems) = SiteConfig.load(source: source)
    precondition(problems.isEmpty, "\(problems)")
    config.destination = destination
    return config
}
