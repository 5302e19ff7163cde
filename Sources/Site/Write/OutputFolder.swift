import Diagnostics
import Basics
import Content
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Builds the site in a staging folder beside the destination and swaps it in only when the
/// whole build succeeded, so a failed or interrupted build leaves the old site as it was.
///
/// The site that a build replaces is kept beside the destination as a hidden spare (`.public.spare`
/// for `public`), and the next build starts from it: folders that exist need not be made again and
/// files whose content is unchanged need not be written again, which on many file systems is most
/// of a rebuild's cost. Files are never changed in place (static files may be hard links shared
/// with the live site); a file that differs is removed and written anew.
struct OutputFolder: Sendable {
    let destination: String
    let staging: String
    /// The staging folder is the previous build's spare, with content to be checked and reused.
    let reused: Bool

    /// What went wrong, as a value: every operation returns one or nil.
    enum Failure: Error, Equatable, CustomStringConvertible {
        case io(path: String, message: String)
        case unsafePath(String)
        /// The destination is not docgen's to replace (see `OutputOwnership`); nothing was touched.
        case refused(String)

        var description: String {
            switch self {
            case .io(let path, let message): return "\(path): \(message)"
            case .unsafePath(let path): return "'\(path)' would be written outside the output folder"
            case .refused(let reason): return reason
            }
        }

        /// The failure as a diagnostic about the file or folder it concerns (there is no line).
        func diagnostic(destination: String) -> Diagnostic {
            switch self {
            case .io(let path, let message): return .error(path, message)
            case .unsafePath: return .error(destination, description)
            case .refused(let reason): return .error(destination, reason)
            }
        }
    }

    /// `siteRoot` and `sources` are the folders the build reads, which the destination must stay
    /// clear of (see `OutputOwnership.refusal`).
    static func create(destination: String, siteRoot: String, sources: [(name: String, path: String)]) -> Result<OutputFolder, Failure> {
        if let reason = OutputOwnership.refusal(destination: destination, siteRoot: siteRoot, sources: sources) {
            return .failure(.refused(reason))
        }
        let url = URL(fileURLWithPath: destination).standardizedFileURL
        let parent = url.deletingLastPathComponent().path
        let name = url.lastPathComponent
        if let failure = makeDirectory(parent) { return .failure(failure) }
        // Hidden and beside the destination: same file system, so the final rename is atomic.
        removeAbandonedStaging(in: parent, name: name)
        let staging = parent + "/.\(name).building-\(getpid())"
        if OutputOwnership.isMarked(staging) { removeTree(staging) }
        // Taking the spare is one rename, so two builds at once cannot both have it. A folder of
        // that name that docgen did not mark is someone else's and stays where it is.
        let spare = spare(of: url.path)
        if OutputOwnership.isMarked(spare), Foundation.rename(spare, staging) == 0 {
            return .success(OutputFolder(destination: url.path, staging: staging, reused: true))
        }
        if mkdir(staging, 0o755) != 0 {
            return .failure(.io(path: staging, message: "cannot create folder: \(String(cString: strerror(errno)))"))
        }
        guard OutputOwnership.mark(staging) else {
            return .failure(.io(path: staging, message: "cannot write \(OutputOwnership.markerName): \(String(cString: strerror(errno)))"))
        }
        return .success(OutputFolder(destination: url.path, staging: staging, reused: false))
    }

    static func spare(of destination: String) -> String {
        let url = URL(fileURLWithPath: destination)
        return url.deletingLastPathComponent().path + "/.\(url.lastPathComponent).spare"
    }

    /// An interrupted build leaves its staging folder behind; the next build removes it once the
    /// process that made it is gone.
    private static func removeAbandonedStaging(in parent: String, name: String) {
        let prefix = ".\(name).building-"
        for entry in (folderEntries(parent) ?? []).map(\.name) where entry.hasPrefix(prefix) {
            let owner = entry.dropFirst(prefix.count).prefix { $0.isNumber }
            guard let pid = Int32(owner), kill(pid, 0) != 0, OutputOwnership.isMarked(parent + "/" + entry) else { continue }
            removeTree(parent + "/" + entry)
        }
    }

    func path(for relative: String) -> Result<String, Failure> {
        guard let safe = SafePath.relative(relative) else { return .failure(.unsafePath(relative)) }
        return .success(staging + "/" + safe)
    }

    /// Creates every folder the given output paths need, once, before files are written in
    /// parallel; asking the file system about each file's folder again costs more than the writes.
    /// In a reused staging folder, everything that is not part of the new site goes first.
    /// `later` names a folder whose files are known only once the pages are rendered (the search
    /// index): it is left as it is, for `addFolders` and `prune` to finish.
    func prepareFolders(for relatives: [String], later: String? = nil) -> Failure? {
        var files: Set<String> = [staging + "/" + OutputOwnership.markerName]
        for relative in relatives {
            guard case .success(let path) = path(for: relative) else { return .unsafePath(relative) }
            files.insert(path)
        }
        let folders = folders(holding: files)
        if reused { removeStale(files: files, folders: folders, later: later.map { staging + "/" + $0 }) }
        return makeFolders(folders)
    }

    /// Creates the folders of outputs known only once the pages are rendered (the search index),
    /// after `prepareFolders`, without removing anything.
    func addFolders(for relatives: [String]) -> Failure? {
        var paths: [String] = []
        for relative in relatives {
            guard case .success(let path) = path(for: relative) else { return .unsafePath(relative) }
            paths.append(path)
        }
        return makeFolders(folders(holding: paths))
    }

    /// Every folder below the staging folder that holds one of these paths, as full paths. Paths
    /// are cut as bytes: this runs for every file of the site.
    private func folders(holding paths: some Sequence<String>) -> Set<String> {
        var folders: Set<String> = []
        let root = staging.utf8.count
        for var path in paths {
            while let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")), path.utf8.count > root {
                path = String(path[..<slash])
                guard folders.insert(path).inserted else { break }
            }
        }
        return folders
    }

    private func makeFolders(_ folders: Set<String>) -> Failure? {
        let root = staging.utf8.count
        // Parents first: a parent's path is shorter than its children's.
        for folder in folders.sorted(by: { $0.utf8.count < $1.utf8.count }) where folder.utf8.count > root {
            if mkdir(folder, 0o755) != 0 && errno != EEXIST {
                return .io(path: folder, message: "cannot create folder: \(String(cString: strerror(errno)))")
            }
        }
        return nil
    }

    /// Removes from the folder that `prepareFolders` left for later what the new site does not
    /// have, once its files are known.
    func prune(_ folder: String, keeping relatives: [String]) {
        let files = Set(relatives.compactMap { try? path(for: $0).get() })
        let folders = folders(holding: files)
        let top = staging + "/" + folder
        if folders.contains(top) { removeStale(files: files, folders: folders, under: top) } else { Self.removeTree(top) }
    }

    /// Writes files on all cores into folders that exist; one problem per file that failed.
    func write(_ files: [(path: String, bytes: [UInt8])]) -> [Diagnostic] {
        parallelMap(files) { file in file.bytes.withUnsafeBufferPointer { write($0, to: file.path) } }
            .compactMap { $0?.diagnostic(destination: destination) }
    }

    /// Removes what the new site does not have from a reused staging folder: files it does not
    /// write, folders it does not need, and anything of the wrong kind (a file where a folder goes).
    /// The tree is read a level at a time, the folders of each level on all cores.
    private func removeStale(files: Set<String>, folders: Set<String>, later: String? = nil, under top: String? = nil) {
        var level = [top ?? staging]
        while !level.isEmpty {
            level = parallelMap(level) { folder -> [String] in
                var keep: [String] = []
                for entry in folderEntries(folder) ?? [] {
                    let path = folder + "/" + entry.name
                    if entry.isFolder {
                        if folders.contains(path) { keep.append(path) } else if path != later { Self.removeTree(path) }
                    } else if !files.contains(path) {
                        unlink(path)
                    }
                }
                return keep
            }.flatMap { $0 }
        }
    }

    /// Whether a reused staging folder already holds exactly these bytes at `target`.
    /// Three calls (open, read, close) rather than `readFile`'s five: this runs for every file of
    /// every rebuild. One byte more than expected is asked for, so a longer file is seen at once;
    /// a folder fails the read and counts as different.
    private func holds(_ bytes: UnsafeBufferPointer<UInt8>, at target: String) -> Bool {
        let fd = open(target, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        let wanted = bytes.count + 1
        let existing = UnsafeMutablePointer<UInt8>.allocate(capacity: wanted)
        defer { existing.deallocate() }
        // One read: a regular file gives all it has up to the size asked. A short read for any
        // other reason only makes the file count as different, and it is written again.
        var got = read(fd, existing, wanted)
        while got < 0 && errno == EINTR { got = read(fd, existing, wanted) }
        return got == bytes.count && (bytes.isEmpty || memcmp(existing, bytes.baseAddress!, bytes.count) == 0)
    }

    /// Writes a file whose folder exists (see `prepareFolders`). Not atomic on its own: the whole
    /// staging folder is what is swapped in atomically.
    func write(_ text: String, to relative: String) -> Failure? {
        var text = text
        return text.withUTF8 { write($0, to: relative) }
    }

    func write(_ bytes: UnsafeBufferPointer<UInt8>, to relative: String) -> Failure? {
        let target: String
        switch path(for: relative) {
        case .success(let path): target = path
        case .failure(let failure): return failure
        }
        if reused {
            if holds(bytes, at: target) { return nil }
            unlink(target)  // it may be a hard link shared with the live site: never write into it
        }
        let fd = open(target, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { return .io(path: target, message: "cannot write file: \(String(cString: strerror(errno)))") }
        defer { close(fd) }
        var offset = 0
        while offset < bytes.count {
            let n = Glibc.write(fd, bytes.baseAddress! + offset, bytes.count - offset)
            guard n > 0 else { return .io(path: target, message: "cannot write file: \(String(cString: strerror(errno)))") }
            offset += n
        }
        return nil
    }

    /// Copies a file whose folder exists. A file the previous build already copied, unchanged
    /// since (same size and modification time, which copies keep), is hard-linked from the old
    /// site instead: the old site is deleted after the swap, so the link is the only name left,
    /// and most of a documentation site is images that rarely change.
    func copy(from source: String, to relative: String) -> Failure? {
        let target: String
        switch path(for: relative) {
        case .success(let path): target = path
        case .failure(let failure): return failure
        }
        let input = open(source, O_RDONLY | O_CLOEXEC)
        guard input >= 0 else { return .io(path: source, message: "cannot read: \(String(cString: strerror(errno)))") }
        defer { close(input) }
        var info = stat()
        guard fstat(input, &info) == 0 else { return .io(path: source, message: "cannot read: \(String(cString: strerror(errno)))") }
        if reused {
            var existing = stat()
            if lstat(target, &existing) == 0 {
                if (existing.st_mode & S_IFMT) == S_IFREG, existing.st_size == info.st_size,
                   existing.st_mtim.tv_sec == info.st_mtim.tv_sec, existing.st_mtim.tv_nsec == info.st_mtim.tv_nsec {
                    return nil
                }
                unlink(target)
            }
        }
        if let safe = SafePath.relative(relative) {
            let previous = destination + "/" + safe
            var old = stat()
            if stat(previous, &old) == 0, old.st_size == info.st_size, old.st_mtim.tv_sec == info.st_mtim.tv_sec,
               old.st_mtim.tv_nsec == info.st_mtim.tv_nsec, link(previous, target) == 0 {
                return nil
            }
        }
        let output = open(target, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard output >= 0 else { return .io(path: target, message: "cannot write file: \(String(cString: strerror(errno)))") }
        defer { close(output) }
        var remaining = Int(info.st_size)
        while remaining > 0 {
            let n = copyFileRange(input, nil, output, nil, remaining, 0)
            guard n > 0 else { return .io(path: target, message: "cannot copy: \(String(cString: strerror(errno)))") }
            remaining -= n
        }
        // Keep the source's modification time, which is how the next build knows it is unchanged.
        var times = [info.st_atim, info.st_mtim]
        _ = futimens(output, &times)
        return nil
    }

    /// Puts the staging folder in place of the destination.
    func commit() -> Failure? {
        let fm = FileManager.default
        guard fm.fileExists(atPath: destination) else { return rename(staging, destination) }
        // An empty folder the user made for the site becomes docgen's, and so may become the spare.
        if !OutputOwnership.isMarked(destination) {
            guard folderEntries(destination)?.isEmpty ?? false, OutputOwnership.mark(destination) else {
                return .refused("the destination '\(destination)' gained files that docgen did not write during the build; it was left as it is")
            }
        }
        #if os(Linux)
        // One atomic exchange: there is no moment at which the destination is missing. The old
        // site becomes the spare the next build starts from.
        if exchangePaths(staging, destination) == 0 {
            if Foundation.rename(staging, Self.spare(of: destination)) != 0 { Self.removeInBackground(staging) }
            return nil
        }
        #endif
        let old = staging + "-old"
        if let failure = rename(destination, old) { return failure }
        if let failure = rename(staging, destination) {
            _ = rename(old, destination)
            return failure
        }
        Self.removeInBackground(old)
        return nil
    }

    /// The old site is as big as the new one, and deleting thousands of files would take as long
    /// as writing them; a detached, low-priority `rm` does it, mostly after docgen has finished. The folder is hidden and
    /// named after this process, so if it is interrupted the next build removes what is left.
    static func removeInBackground(_ path: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/rm")
        process.arguments = ["-rf", "--", path]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        if (try? process.run()) == nil {
            removeTree(path)
            return
        }
        // Cleanup must not slow down what runs next (the link check, the next build), so it
        // only gets the CPU that nothing else wants.
        _ = setpriority(__priority_which_t(PRIO_PROCESS.rawValue), id_t(process.processIdentifier), 19)
    }

    /// Gives up on this build's staging folder without touching the destination. What was written
    /// so far becomes the spare the next build starts from: that build checks every file it
    /// reuses, so a half-written folder is as good a start as any.
    func setAside() {
        if Foundation.rename(staging, Self.spare(of: destination)) != 0 { Self.removeTree(staging) }
    }

    /// Removes a site tree, its top-level folders in parallel: the old site is as big as the new one.
    static func removeTree(_ path: String) {
        let entries = (folderEntries(path) ?? []).map(\.name)
        _ = parallelMap(entries) { try? FileManager.default.removeItem(atPath: path + "/" + $0) }
        try? FileManager.default.removeItem(atPath: path)
    }

    private func rename(_ from: String, _ to: String) -> Failure? {
        Foundation.rename(from, to) == 0 ? nil : .io(path: to, message: String(cString: strerror(errno)))
    }

    static func makeDirectory(_ path: String) -> Failure? {
        do {
            try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
            return nil
        } catch {
            return .io(path: path, message: "cannot create folder: \(error.localizedDescription)")
        }
    }
}

#if os(Linux)
// glibc's renameat2 (2.28+) is not in Swift's Glibc module; RENAME_EXCHANGE is 2, AT_FDCWD -100.
@_silgen_name("renameat2")
private func renameat2(_ olddirfd: Int32, _ oldpath: UnsafePointer<CChar>, _ newdirfd: Int32,
                       _ newpath: UnsafePointer<CChar>, _ flags: UInt32) -> Int32

// glibc's copy_file_range (2.27+) is not in Swift's Glibc module either.
@_silgen_name("copy_file_range")
private func copyFileRange(_ fdIn: Int32, _ offIn: UnsafeMutablePointer<Int64>?, _ fdOut: Int32,
                           _ offOut: UnsafeMutablePointer<Int64>?, _ length: Int, _ flags: UInt32) -> Int

private func exchangePaths(_ a: String, _ b: String) -> Int32 {
    renameat2(-100, a, -100, b, 2)
}
#endif
