import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Builds the site in a staging folder beside the destination and swaps it in only when the
/// whole build succeeded, so a failed or interrupted build leaves the old site as it was.
struct OutputFolder {
    let destination: String
    let staging: String

    enum Failure: Error, CustomStringConvertible {
        case io(path: String, message: String)
        case unsafePath(String)

        var description: String {
            switch self {
            case .io(let path, let message): return "\(path): \(message)"
            case .unsafePath(let path): return "'\(path)' would be written outside the output folder"
            }
        }
    }

    static func create(destination: String) throws -> OutputFolder {
        let url = URL(fileURLWithPath: destination).standardizedFileURL
        let parent = url.deletingLastPathComponent().path
        let name = url.lastPathComponent
        try makeDirectory(parent)
        // Hidden and beside the destination: same file system, so the final rename is atomic.
        removeAbandonedStaging(in: parent, name: name)
        let staging = parent + "/.\(name).building-\(getpid())"
        try? FileManager.default.removeItem(atPath: staging)
        try makeDirectory(staging)
        return OutputFolder(destination: url.path, staging: staging)
    }

    /// An interrupted build leaves its staging folder behind; the next build removes it once the
    /// process that made it is gone.
    private static func removeAbandonedStaging(in parent: String, name: String) {
        let prefix = ".\(name).building-"
        for entry in (try? FileManager.default.contentsOfDirectory(atPath: parent)) ?? [] where entry.hasPrefix(prefix) {
            guard let pid = Int32(entry.dropFirst(prefix.count)), kill(pid, 0) != 0 else { continue }
            try? FileManager.default.removeItem(atPath: parent + "/" + entry)
        }
    }

    func path(for relative: String) throws -> String {
        guard let safe = SafePath.relative(relative) else { throw Failure.unsafePath(relative) }
        return staging + "/" + safe
    }

    func write(_ text: String, to relative: String) throws {
        let target = try path(for: relative)
        try Self.makeDirectory((target as NSString).deletingLastPathComponent)
        guard FileManager.default.createFile(atPath: target, contents: Data(text.utf8)) else {
            throw Failure.io(path: target, message: "cannot write file")
        }
    }

    func copy(from source: String, to relative: String) throws {
        let target = try path(for: relative)
        try Self.makeDirectory((target as NSString).deletingLastPathComponent)
        try? FileManager.default.removeItem(atPath: target)
        do {
            try FileManager.default.copyItem(atPath: source, toPath: target)
        } catch {
            throw Failure.io(path: source, message: "cannot copy: \(error.localizedDescription)")
        }
    }

    /// Puts the staging folder in place of the destination.
    func commit() throws {
        let fm = FileManager.default
        guard fm.fileExists(atPath: destination) else {
            try rename(staging, destination)
            return
        }
        #if os(Linux)
        // One atomic exchange: there is no moment at which the destination is missing.
        if exchangePaths(staging, destination) == 0 {
            try? fm.removeItem(atPath: staging)
            return
        }
        #endif
        let old = destination + ".old-\(getpid())"
        try rename(destination, old)
        do {
            try rename(staging, destination)
        } catch {
            try? rename(old, destination)
            throw error
        }
        try? fm.removeItem(atPath: old)
    }

    func discard() {
        try? FileManager.default.removeItem(atPath: staging)
    }

    private func rename(_ from: String, _ to: String) throws {
        if Foundation.rename(from, to) != 0 {
            throw Failure.io(path: to, message: String(cString: strerror(errno)))
        }
    }

    static func makeDirectory(_ path: String) throws {
        do {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        } catch {
            throw Failure.io(path: path, message: "cannot create folder: \(error.localizedDescription)")
        }
    }
}

#if os(Linux)
// glibc's renameat2 (2.28+) is not in Swift's Glibc module; RENAME_EXCHANGE is 2, AT_FDCWD -100.
@_silgen_name("renameat2")
private func renameat2(_ olddirfd: Int32, _ oldpath: UnsafePointer<CChar>, _ newdirfd: Int32,
                       _ newpath: UnsafePointer<CChar>, _ flags: UInt32) -> Int32

private func exchangePaths(_ a: String, _ b: String) -> Int32 {
    renameat2(-100, a, -100, b, 2)
}
#endif
