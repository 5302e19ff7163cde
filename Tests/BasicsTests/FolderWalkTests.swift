import Foundation
import Testing
import Basics

/// The walk against FileManager's enumerator, the plain definition of "every file under a folder".
@Suite struct FolderWalkTests {
    @Test func sameFilesAsFoundation() throws {
        let root = NSTemporaryDirectory() + "docgen-walk-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: root) }
        let files = ["a.md", "b/c.md", "b/d/e.txt", "b/d/f g.md", "é/ü.md", "z/.hidden", ".git/config", "b/.cache/x"]
        for file in files {
            let path = root + "/" + file
            try FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try Data(file.utf8).write(to: URL(fileURLWithPath: path))
        }
        try FileManager.default.createDirectory(atPath: root + "/empty", withIntermediateDirectories: true)

        var expected: [String] = []
        let enumerator = FileManager.default.enumerator(atPath: root)!
        while let path = enumerator.nextObject() as? String {
            if path.split(separator: "/").contains(where: { $0.hasPrefix(".") }) { continue }
            var isFolder: ObjCBool = false
            FileManager.default.fileExists(atPath: root + "/" + path, isDirectory: &isFolder)
            if !isFolder.boolValue { expected.append(path) }
        }
        let walk = FolderWalk(allowedRoots: [root]).files(under: root)
        #expect(walk.problems.isEmpty)
        #expect(walk.files == expected.sorted())
        #expect(walk.files.count == 5)

        let entries = folderEntries(root)!.map(\.name).sorted()
        #expect(entries == (try FileManager.default.contentsOfDirectory(atPath: root)).sorted())
        #expect(folderEntries(root + "/missing") == nil)
    }

    /// Many entries with names of every length: glibc packs them into its buffer by their real
    /// size, and reading past the last one is what AddressSanitizer reports (`make test-sanitize`).
    @Test func manyEntriesOfEveryNameLength() throws {
        let root = NSTemporaryDirectory() + "docgen-entries-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: root) }
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
        var names: [String] = []
        for n in 1...255 {
            // n bytes: "é" is two.
            let name = String(repeating: "é", count: n / 2) + String(repeating: "x", count: n % 2)
            names.append(name)
            FileManager.default.createFile(atPath: root + "/" + name, contents: nil)
        }
        for n in 1...300 { names.append("f\(n)"); FileManager.default.createFile(atPath: root + "/f\(n)", contents: nil) }
        let entries = try #require(folderEntries(root))
        #expect(entries.map(\.name).sorted() == names.sorted())
        #expect(entries.allSatisfy { !$0.isFolder && !$0.isLink })
    }
}
