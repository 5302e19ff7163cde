import Basics
import Foundation
import Site

enum Fixtures {
    static let siteFixtures = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../SiteTests/Fixtures").standardizedFileURL.path
    static func path(_ name: String) -> String { siteFixtures + "/" + name }

    /// `../shared` beside the repository, which CI provides; tests that need it skip without it.
    static let shared = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../../shared").standardizedFileURL.path
    static var sharedAvailable: Bool { FileManager.default.fileExists(atPath: shared + "/corpus/cvat") }
}

func temporaryFolder(_ label: String) -> String {
    let path = NSTemporaryDirectory() + "\(label)-\(UUID().uuidString)"
    try! FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
}

/// Every file under a folder with its bytes, but docgen's ownership marker.
func snapshot(_ folder: String) -> [String: [UInt8]] {
    var result: [String: [UInt8]] = [:]
    for path in FolderWalk(allowedRoots: [folder], includeHidden: true).files(under: folder).files where path != ".docgen-output" {
        result[path] = try? readFile(folder + "/" + path).get()
    }
    return result
}

/// Every file of a site built in memory with its bytes, as `docgen serve` would send them
/// (without the live-reload script, which it adds on the way out).
func served(_ site: MemorySite) -> [String: [UInt8]] {
    site.files.mapValues { file in
        switch file {
        case .text(let text): return Array(text.utf8)
        case .bytes(let bytes): return bytes
        case .copy(let source): return (try? readFile(source).get()) ?? []
        }
    }
}

func write(_ text: String, to path: String) throws {
    try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
    try text.write(toFile: path, atomically: true, encoding: .utf8)
}

func replace(_ old: String, with new: String, in path: String) throws {
    let text = try String(contentsOfFile: path, encoding: .utf8)
    precondition(text.contains(old), "\(path) does not hold «\(old)»")
    try write(text.replacingOccurrences(of: old, with: new), to: path)
}

func append(_ text: String, to path: String) throws {
    try write(try String(contentsOfFile: path, encoding: .utf8) + text, to: path)
}
