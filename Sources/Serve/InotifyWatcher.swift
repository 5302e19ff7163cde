#if canImport(Glibc)
import Basics
import Dispatch
import Glibc

/// Watches folders, and every folder in them, with Linux's inotify: one watch per folder, a
/// watch added for each folder that appears, and the events of a short while handed on as one
/// batch of paths (see `ChangeBatching`). Editors that save by writing a temporary file and
/// renaming it over the old one show up as a change of the old file's path.
///
/// It owns a file descriptor and a thread that blocks on it, so it is a class; nothing else is
/// shared with the thread.
public final class InotifyWatcher: @unchecked Sendable {
    private let descriptor: Int32
    private var folders: [Int32: String] = [:]
    private let files: Set<String>
    private let batching: ChangeBatching
    /// Why some folder could not be watched (the system's watch limit, say), for the CLI to print.
    public private(set) var problems: [String] = []

    /// Watches `folders` with everything in them, and `files` (whose folders are watched for
    /// them alone). Nil when inotify is not available at all.
    public init?(folders roots: [String], files: [String], batching: ChangeBatching = ChangeBatching()) {
        descriptor = inotify_init1(Int32(IN_CLOEXEC))
        guard descriptor >= 0 else { return nil }
        self.files = Set(files)
        self.batching = batching
        for root in roots { watchTree(root) }
        for file in files {
            let folder = parent(of: file)
            if !folders.values.contains(folder) { watch(folder) }
        }
    }

    deinit { close(descriptor) }

    /// Blocks, calling `onBatch` with each batch of changed paths, until `onBatch` returns false.
    public func run(_ onBatch: (Set<String>) -> Bool) {
        var buffer = [UInt8](repeating: 0, count: 64 * 1024)
        while true {
            var batch: Set<String> = []
            guard waitReadable(timeout: -1) else { return }
            let first = DispatchTime.now()
            var last = first
            while true {
                let count = buffer.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
                if count <= 0 { if errno == EINTR { continue }; return }
                if decode(buffer[..<count], into: &batch) { last = DispatchTime.now() }
                guard let wait = batching.wait(sinceFirst: milliseconds(since: first), sinceLast: milliseconds(since: last)),
                      waitReadable(timeout: Int32(wait)) else { break }
            }
            if !batch.isEmpty, !onBatch(batch) { return }
        }
    }

    private func waitReadable(timeout: Int32) -> Bool {
        var poller = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
        while true {
            let ready = poll(&poller, 1, timeout)
            if ready < 0 && errno == EINTR { continue }
            return ready > 0
        }
    }

    /// Adds the events in `bytes` to `batch`; whether any of them counts.
    private func decode(_ bytes: ArraySlice<UInt8>, into batch: inout Set<String>) -> Bool {
        var counted = false
        var offset = bytes.startIndex
        let header = MemoryLayout<inotify_event>.size
        while offset + header <= bytes.endIndex {
            let (wd, mask, length) = bytes.withUnsafeBytes { raw -> (Int32, UInt32, Int) in
                let at = offset - bytes.startIndex
                return (raw.loadUnaligned(fromByteOffset: at, as: Int32.self),
                        raw.loadUnaligned(fromByteOffset: at + 4, as: UInt32.self),
                        Int(raw.loadUnaligned(fromByteOffset: at + 12, as: UInt32.self)))
            }
            let nameBytes = bytes[(offset + header)..<min(offset + header + length, bytes.endIndex)].prefix { $0 != 0 }
            offset += header + length
            let name = String(decoding: nameBytes, as: UTF8.self)
            if mask & UInt32(IN_Q_OVERFLOW) != 0 {
                // Events were lost: say every watched folder changed; the rebuild compares texts anyway.
                batch.formUnion(folders.values)
                counted = true
                continue
            }
            if mask & UInt32(IN_IGNORED) != 0 { folders[wd] = nil; continue }
            guard let folder = folders[wd], !name.isEmpty, !EditorNoise.isNoise(Substring(name)) else { continue }
            let path = folder == "." ? name : folder + "/" + name
            // A folder only watched for a file in it (the site root, for docgen.yaml).
            if !isWatchedTree(folder) && !files.contains(path) { continue }
            if mask & UInt32(IN_ISDIR) != 0 {
                if mask & UInt32(IN_CREATE | IN_MOVED_TO) != 0 {
                    watchTree(path)
                    batch.insert(path)
                    counted = true
                } else if mask & UInt32(IN_DELETE | IN_MOVED_FROM) != 0 {
                    batch.insert(path)
                    counted = true
                }
                continue
            }
            batch.insert(path)
            counted = true
        }
        return counted
    }

    private var trees: Set<String> = []

    private func isWatchedTree(_ folder: String) -> Bool {
        trees.contains { folder == $0 || folder.hasPrefix($0 + "/") }
    }

    private func watchTree(_ root: String) {
        guard isFolder(root) else { return }
        trees.insert(root)
        var pending = [root]
        while let folder = pending.popLast() {
            guard watch(folder) else { continue }
            pending += subfolders(of: folder)
        }
    }

    @discardableResult
    private func watch(_ folder: String) -> Bool {
        let mask = UInt32(IN_MODIFY | IN_CLOSE_WRITE | IN_ATTRIB | IN_CREATE | IN_DELETE | IN_MOVED_FROM | IN_MOVED_TO
            | IN_DELETE_SELF | IN_MOVE_SELF | IN_ONLYDIR)
        let wd = inotify_add_watch(descriptor, folder, mask)
        guard wd >= 0 else {
            if errno == ENOSPC {
                problems.append("cannot watch \(folder): the system's limit of inotify watches is reached "
                    + "(raise fs.inotify.max_user_watches, or use --poll)")
            } else if errno != ENOENT && errno != ENOTDIR {
                problems.append("cannot watch \(folder): \(String(cString: strerror(errno)))")
            }
            return false
        }
        folders[wd] = folder
        return true
    }
}

private func parent(of path: String) -> String {
    guard let slash = path.lastIndex(of: "/") else { return "." }
    return slash == path.startIndex ? "/" : String(path[..<slash])
}

func isFolder(_ path: String) -> Bool {
    var info = stat()
    return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
}

/// The folders directly inside `folder`, without following links (hidden ones too: an editor's
/// new folder may be renamed later).
func subfolders(of folder: String) -> [String] {
    (folderEntries(folder) ?? []).filter { $0.isFolder }.map { folder + "/" + $0.name }
}
#endif
