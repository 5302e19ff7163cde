import Foundation
@testable import LinkCheck

/// A throwaway folder of files, removed when the test drops it.
final class TempSite {
    let root: String

    init(_ files: [String: String]) throws {
        root = NSTemporaryDirectory() + "linkcheck-" + UUID().uuidString
        for (path, text) in files { try write(path, text) }
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
    }

    func write(_ path: String, _ text: String) throws {
        let url = URL(fileURLWithPath: root + "/" + path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    deinit { try? FileManager.default.removeItem(atPath: root) }
}

/// The fields the tests compare, in a form `#expect` prints readably on failure.
struct Seen: Hashable, CustomStringConvertible {
    var page: String
    var link: String
    var kind: LinkFinding.Kind
    var line: Int
    var column: Int

    init(_ page: String, _ link: String, _ kind: LinkFinding.Kind, _ line: Int, _ column: Int) {
        (self.page, self.link, self.kind, self.line, self.column) = (page, link, kind, line, column)
    }

    init(_ f: LinkFinding) { self.init(f.page, f.link, f.kind, f.line, f.column) }

    var description: String { "\(page):\(line):\(column) \(kind.rawValue) \(link)" }
}
