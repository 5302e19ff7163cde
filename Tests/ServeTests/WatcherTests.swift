import Foundation
@testable import Serve
import Synchronization
import Testing

@Suite struct WatcherTests {
    @Test func batchingWaitsForQuietButNotForever() {
        let batching = ChangeBatching(quiet: 15, longest: 300)
        #expect(batching.wait(sinceFirst: 0, sinceLast: 0) == 15)
        #expect(batching.wait(sinceFirst: 10, sinceLast: 5) == 10)
        #expect(batching.wait(sinceFirst: 20, sinceLast: 15) == nil)
        #expect(batching.wait(sinceFirst: 295, sinceLast: 0) == 5)
        #expect(batching.wait(sinceFirst: 300, sinceLast: 0) == nil)
    }

    @Test func changesThatArriveDuringARebuildAreTakenTogether() async {
        let pending = PendingChanges()
        pending.add(["content/a.md"])
        pending.add(["content/b.md", "content/a.md"])
        pending.add(["static/site.css"])
        var signals = pending.signals.makeAsyncIterator()
        _ = await signals.next()
        #expect(pending.take() == ["content/a.md", "content/b.md", "static/site.css"])
        #expect(pending.take().isEmpty, "what was taken is gone")
    }

    @Test func editorFilesAreNoise() {
        for name in [".#page.md", "page.md~", ".page.md.swp", "4913", ".goutputstream-XYZ"] { #expect(EditorNoise.isNoise(Substring(name)), "\(name)") }
        for name in ["page.md", "_index.md", "site.css"] { #expect(!EditorNoise.isNoise(Substring(name)), "\(name)") }
    }

    @Test func pollingSeesAddedChangedAndRemovedFiles() throws {
        let root = temporaryFolder("docgen-poll")
        defer { try? FileManager.default.removeItem(atPath: root) }
        try write("one", to: root + "/content/a.md")
        try write("two", to: root + "/content/b.md")
        let watcher = PollingWatcher(folders: [root + "/content"], files: [root + "/docgen.yaml"])
        let before = watcher.snapshot()
        try write("one, longer", to: root + "/content/a.md")
        try FileManager.default.removeItem(atPath: root + "/content/b.md")
        try write("three", to: root + "/content/new/c.md")
        try write("title: x", to: root + "/docgen.yaml")
        let changed = PollingWatcher.changes(from: before, to: watcher.snapshot())
        #expect(changed.isSuperset(of: [root + "/content/a.md", root + "/content/b.md", root + "/content/new/c.md", root + "/docgen.yaml"]))
        #expect(PollingWatcher.changes(from: watcher.snapshot(), to: watcher.snapshot()).isEmpty)
    }

    /// Runs an inotify watcher on a thread, does `edits`, and returns the paths of every batch
    /// that arrived within a second.
    private func batches(watching folders: [String], files: [String] = [], _ edits: () throws -> Void) throws -> [Set<String>] {
        // A longer quiet window than serve's 8 ms, so that a loaded machine cannot split one save.
        let watcher = try #require(InotifyWatcher(folders: folders, files: files, batching: ChangeBatching(quiet: 60, longest: 150)))
        let seen = Mutex<[Set<String>]>([])
        let stop = Mutex(false)
        let thread = Thread { watcher.run { batch in seen.withLock { $0.append(batch) }; return !stop.withLock { $0 } } }
        thread.start()
        try edits()
        Thread.sleep(forTimeInterval: 1)
        stop.withLock { $0 = true }
        // One more event so that the watcher's thread sees the stop and ends.
        if let folder = folders.first { try write("", to: folder + "/.stop-\(UUID().uuidString)") }
        return seen.withLock { $0 }
    }

    @Test func inotifySeesEditsRenamesAndNewFolders() throws {
        let root = temporaryFolder("docgen-inotify")
        defer { try? FileManager.default.removeItem(atPath: root) }
        try write("one", to: root + "/content/docs/a.md")
        try write("title: a", to: root + "/docgen.yaml")
        try write("ignored", to: root + "/README.md")
        let seen = try batches(watching: [root + "/content"], files: [root + "/docgen.yaml"]) {
            // An editor's save: write a temporary file beside the page, rename it over the page.
            try "one, edited".write(toFile: root + "/content/docs/.a.md.tmp", atomically: false, encoding: .utf8)
            rename(root + "/content/docs/.a.md.tmp", root + "/content/docs/a.md")
            try write("title: b", to: root + "/docgen.yaml")
            try write("not watched", to: root + "/README.md")
            Thread.sleep(forTimeInterval: 0.2)
            // A new folder, and a page written into it at once.
            try FileManager.default.createDirectory(atPath: root + "/content/docs/new/deeper", withIntermediateDirectories: true)
            try write("new", to: root + "/content/docs/new/deeper/b.md")
            Thread.sleep(forTimeInterval: 0.2)
            try write("newer", to: root + "/content/docs/new/deeper/b.md")
        }
        let all = seen.reduce(into: Set<String>()) { $0.formUnion($1) }
        #expect(all.contains(root + "/content/docs/a.md"))
        #expect(all.contains(root + "/docgen.yaml"))
        #expect(!all.contains(root + "/README.md"))
        #expect(all.contains(root + "/content/docs/new"))
        #expect(all.contains(root + "/content/docs/new/deeper/b.md"), "the later edit in a new folder is seen: \(seen)")
        // The save (two events) and the config edit came together, not as a rebuild each.
        #expect(seen.first?.isSuperset(of: [root + "/content/docs/a.md", root + "/docgen.yaml"]) == true, "\(seen)")
        #expect(seen.count <= 4, "\(seen)")
    }
}
