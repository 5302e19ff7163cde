import Foundation
import Testing
@testable import Site

/// A failed build must leave the previous site exactly as it was, and a good build must replace
/// it completely (no stale files), without leaving its staging folder behind.
struct AtomicOutputTests {
    @Test func failingBuildKeepsThePreviousSite() throws {
        let parent = temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: parent) }
        let out = parent + "/public"
        let first = SiteBuilder.build(config(source: Fixtures.path("small-site"), destination: out), defaults: [:])
        #expect(first.succeeded)
        let before = snapshot(out)
        #expect(before.count > 5)

        let failed = SiteBuilder.build(config(source: Fixtures.path("broken-site"), destination: out), defaults: [:])
        #expect(!failed.succeeded)
        #expect(snapshot(out) == before)
        #expect(onlyEntryEventually(parent) == ["public"])
    }

    @Test func successfulBuildReplacesTheWholeSite() throws {
        let parent = temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: parent) }
        let out = parent + "/public"
        try FileManager.default.createDirectory(atPath: out + "/stale", withIntermediateDirectories: true)
        FileManager.default.createFile(atPath: out + "/stale/old.html", contents: Data("old".utf8))
        // As a build of docgen leaves it (a folder without the marker is refused: OwnershipTests).
        #expect(OutputOwnership.mark(out))
        let report = SiteBuilder.build(config(source: Fixtures.path("small-site"), destination: out), defaults: [:])
        #expect(report.succeeded)
        #expect(!FileManager.default.fileExists(atPath: out + "/stale/old.html"))
        #expect(FileManager.default.fileExists(atPath: out + "/docs/a/index.html"))
        // The replaced site is kept, hidden, for the next build to start from.
        #expect(onlyEntryEventually(parent) == [".public.spare", "public"])
        #expect(FileManager.default.fileExists(atPath: parent + "/.public.spare/stale/old.html"))
    }

    /// The third build starts from the first build's site (the spare): whatever it writes, keeps
    /// or removes, the result must be exactly what a build into an empty folder gives.
    @Test func buildFromTheSpareEqualsAFreshBuild() throws {
        let parent = temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: parent) }
        let site = try copyOfFixture("small-site", in: parent)
        try FileManager.default.createDirectory(atPath: site + "/static/docs", withIntermediateDirectories: true)
        try "a file".write(toFile: site + "/static/docs/c", atomically: false, encoding: .utf8)
        let out = parent + "/public"
        #expect(SiteBuilder.build(config(source: site, destination: out), defaults: [:]).succeeded)
        #expect(SiteBuilder.build(config(source: site, destination: out), defaults: [:]).succeeded)
        #expect(FileManager.default.fileExists(atPath: parent + "/.public.spare/docs/a/index.html"))
        let sharedBefore = snapshot(out)

        // Change the site: a page edited, a page removed (its folder gone), a page added where a
        // file was, a static file replaced, a file where a folder was.
        let a = site + "/content/docs/a.md"
        try (try String(contentsOfFile: a, encoding: .utf8)).replacingOccurrences(of: "Page A", with: "Page A, edited")
            .write(toFile: a, atomically: false, encoding: .utf8)
        try FileManager.default.removeItem(atPath: site + "/content/docs/more/c.md")
        try FileManager.default.removeItem(atPath: site + "/static/docs/c")
        try "---\ntitle: C\n---\nA page now.\n".write(toFile: site + "/content/docs/c.md", atomically: false, encoding: .utf8)
        try FileManager.default.removeItem(atPath: site + "/static/robots.txt")
        try "User-agent: *\n".write(toFile: site + "/static/robots.txt", atomically: false, encoding: .utf8)
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: 60)], ofItemAtPath: site + "/static/robots.txt")
        try "plain".write(toFile: site + "/static/docs/b", atomically: false, encoding: .utf8)

        let report = SiteBuilder.build(config(source: site, destination: out), defaults: [:])
        #expect(report.succeeded, "\(report.diagnostics)")
        let fresh = parent + "/fresh"
        #expect(SiteBuilder.build(config(source: site, destination: fresh), defaults: [:]).succeeded)
        #expect(snapshot(out) == snapshot(fresh))
        #expect(allPaths(out) == allPaths(fresh))  // folders too, empty ones included
        #expect(snapshot(out) != sharedBefore)
        // The live site before this build is now the spare, untouched by the build that reused it.
        #expect(snapshot(parent + "/.public.spare") == sharedBefore)
    }
}

extension AtomicOutputTests {
    /// What an interrupted build leaves: a staging folder of a process that no longer runs.
    @Test func interruptedBuildLeftoversAreCleanedAndTheSiteKept() throws {
        let parent = temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: parent) }
        let out = parent + "/public"
        try FileManager.default.createDirectory(atPath: parent + "/.public.building-999999/docs", withIntermediateDirectories: true)
        #expect(OutputOwnership.mark(parent + "/.public.building-999999"))
        let report = SiteBuilder.build(config(source: Fixtures.path("small-site"), destination: out), defaults: [:])
        #expect(report.succeeded)
        #expect(onlyEntryEventually(parent) == ["public"])
    }
}

/// Leftovers are deleted by a detached process; wait (a while) for it to finish. Sorted entries.
func onlyEntryEventually(_ folder: String) -> [String] {
    var entries: [String] = []
    for _ in 0..<200 {
        entries = ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).sorted()
        if !entries.contains(where: { $0.contains(".building-") }) { break }
        usleep(50_000)
    }
    return entries
}

extension AtomicOutputTests {
    /// Unchanged static files are hard-linked from the previous site; changed ones are copied.
    @Test func unchangedStaticFilesAreReusedAndChangedOnesCopied() throws {
        let parent = temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: parent) }
        let site = try copyOfFixture("small-site", in: parent)
        let out = parent + "/public"
        #expect(SiteBuilder.build(config(source: site, destination: out), defaults: [:]).succeeded)
        func inode(_ path: String) throws -> UInt64 {
            (try FileManager.default.attributesOfItem(atPath: path)[.systemFileNumber] as? NSNumber)?.uint64Value ?? 0
        }
        let before = try inode(out + "/robots.txt")
        let svgBefore = try inode(out + "/docs/bundle/diagram.svg")

        // A new file with a new time, as an editor would write it.
        try FileManager.default.removeItem(atPath: site + "/static/robots.txt")
        try "User-agent: docgen\n".write(toFile: site + "/static/robots.txt", atomically: false, encoding: .utf8)
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: 60)], ofItemAtPath: site + "/static/robots.txt")
        #expect(SiteBuilder.build(config(source: site, destination: out), defaults: [:]).succeeded)

        #expect(try String(contentsOfFile: out + "/robots.txt", encoding: .utf8) == "User-agent: docgen\n")
        #expect(try inode(out + "/robots.txt") != before)
        #expect(try inode(out + "/docs/bundle/diagram.svg") == svgBefore)
    }
}

/// Every file and folder under `folder`, relative.
private func allPaths(_ folder: String) -> [String] {
    ((FileManager.default.enumerator(atPath: folder)?.allObjects as? [String]) ?? []).sorted()
}

extension AtomicOutputTests {
    /// Pages are written as they are rendered, so a page that fails to render is found after
    /// others were written: the live site must still be untouched, what was written is kept only
    /// as the spare, and the next good build from that spare equals a fresh build.
    @Test func failureWhileRenderingKeepsTheSiteAndTheNextBuildIsClean() throws {
        let parent = temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: parent) }
        let site = try copyOfFixture("small-site", in: parent)
        let out = parent + "/public"
        #expect(SiteBuilder.build(config(source: site, destination: out), defaults: [:]).succeeded)
        let before = snapshot(out)

        let a = site + "/content/docs/a.md"
        let original = try String(contentsOfFile: a, encoding: .utf8)
        try (original.replacingOccurrences(of: "Page A", with: "Page A, edited") + "\n{{< no-such-shortcode >}}\n")
            .write(toFile: a, atomically: false, encoding: .utf8)
        let failed = SiteBuilder.build(config(source: site, destination: out), defaults: [:])
        #expect(!failed.succeeded)
        #expect(failed.diagnostics.contains { $0.message.contains("no-such-shortcode") })
        #expect(snapshot(out) == before)
        #expect(onlyEntryEventually(parent).filter { $0 != "site" } == [".public.spare", "public"])
        #expect(snapshot(parent + "/.public.spare")["docs/a/index.html"] == nil)  // the failed page is never written

        try original.replacingOccurrences(of: "Page A", with: "Page A, edited").write(toFile: a, atomically: false, encoding: .utf8)
        #expect(SiteBuilder.build(config(source: site, destination: out), defaults: [:]).succeeded)
        let fresh = parent + "/fresh"
        #expect(SiteBuilder.build(config(source: site, destination: fresh), defaults: [:]).succeeded)
        #expect(snapshot(out) == snapshot(fresh))
        #expect(allPaths(out) == allPaths(fresh))
    }
}
