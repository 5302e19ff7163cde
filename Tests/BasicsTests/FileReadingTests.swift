import Foundation
import Testing
import Basics

/// `readFile` must give exactly the bytes Foundation reads, and each failure as its own value.
@Suite struct FileReadingTests {
    private func withFolder(_ body: (String) throws -> Void) rethrows {
        let folder = NSTemporaryDirectory() + "docgen-read-\(UUID().uuidString)"
        try! FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try body(folder)
    }

    @Test func sameBytesAsFoundation() throws {
        try withFolder { folder in
            for size in [0, 1, 4095, 4096, 65_537, 1_000_003] {
                let bytes = (0..<size).map { UInt8(truncatingIfNeeded: $0 &* 2_654_435_761 >> 13) }
                let path = folder + "/f\(size)"
                try Data(bytes).write(to: URL(fileURLWithPath: path))
                #expect(try readFile(path).get() == bytes, "size \(size)")
            }
        }
    }

    /// Files under /proc report size 0 and still have content: the reader must not trust fstat.
    @Test(.enabled(if: FileManager.default.fileExists(atPath: "/proc/self/status")))
    func fileLargerThanItsReportedSize() throws {
        let text = try readTextFile("/proc/self/status").get()
        #expect(text.contains("Name:"))
        #expect(text.utf8.count > 100)
    }

    @Test func failuresAreValues() throws {
        try withFolder { folder in
            #expect(readFile(folder + "/missing") == .failure(.cannotOpen(errno: ENOENT)))
            #expect(readFile(folder) == .failure(.notAFile))
            try Data(repeating: 0x61, count: 100).write(to: URL(fileURLWithPath: folder + "/big"))
            #expect(readFile(folder + "/big", limit: 99) == .failure(.tooLarge(bytes: 100, limit: 99)))
            #expect(try readFile(folder + "/big", limit: 100).get().count == 100)
            try Data([0x61, 0xFF, 0x62]).write(to: URL(fileURLWithPath: folder + "/latin1"))
            #expect(readTextFile(folder + "/latin1") == .failure(.notUTF8(line: 1, column: 2)))
            // The bad byte's place: after two lines, and after a two-byte character on its line.
            try Data(Array("one\ntwo\nçx".utf8) + [0xC3, 0x28]).write(to: URL(fileURLWithPath: folder + "/bad"))
            #expect(readTextFile(folder + "/bad") == .failure(.notUTF8(line: 3, column: 3)))
            #expect(invalidUTF8Position(Array("fine".utf8)) == (1, 5))
            #expect(FileReadError.tooLarge(bytes: 100 << 20, limit: 8 << 20).message == "the file is 100 MiB; at most 8 MiB is read")
            #expect(FileReadError.cannotOpen(errno: ENOENT).message == "cannot read the file: No such file or directory")
        }
    }
}
