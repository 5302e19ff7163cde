import Basics
import Dispatch
import Foundation

/// Watches by looking: every `interval` milliseconds it lists the watched folders and files
/// with their sizes and modification times, and reports what differs. For file systems where
/// inotify says nothing (network mounts, some containers and virtual machines' shared folders).
public struct PollingWatcher: Sendable {
    public var folders: [String]
    public var files: [String]
    public var interval: Int

    public init(folders: [String], files: [String], interval: Int = 300) {
        self.folders = folders
        self.files = files
        self.interval = interval
    }

    /// Blocks, calling `onBatch` with each batch of changed paths, until `onBatch` returns false.
    /// `start`: the files as they were when watching began (taken now if not given).
    public func run(from start: [String: FileStamp]? = nil, _ onBatch: (Set<String>) -> Bool) {
        var before = start ?? snapshot()
        while true {
            usleep(useconds_t(interval * 1000))
            let now = snapshot()
            let changed = Self.changes(from: before, to: now)
            before = now
            if !changed.isEmpty, !onBatch(changed) { return }
        }
    }

    /// Every watched file and folder with its size, modification time and inode.
    public func snapshot() -> [String: FileStamp] {
        var stamps: [String: FileStamp] = [:]
        var pending = folders
        while let folder = pending.popLast() {
            guard let entries = folderEntries(folder) else { continue }
            stamps[folder] = FileStamp(path: folder)
            for entry in entries where !EditorNoise.isNoise(Substring(entry.name)) {
                let path = folder + "/" + entry.name
                if entry.isFolder { pending.append(path) } else { stamps[path] = FileStamp(path: path) }
            }
        }
        for file in files { stamps[file] = FileStamp(path: file) }
        return stamps.compactMapValues { $0 }
    }

    /// The paths added, removed or changed between two snapshots.
    static func changes(from old: [String: FileStamp], to new: [String: FileStamp]) -> Set<String> {
        var changed = Set(old.keys).symmetricDifference(new.keys)
        for (path, stamp) in new where old[path] != nil && old[path] != stamp { changed.insert(path) }
        return changed
    }
}

