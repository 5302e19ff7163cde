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
        let report = SiteBuilder.build(config(source: Fixtures.path("small-site"), destination: out), defaults: [:])
        #expect(report.succeeded)
        #expect(!FileManager.default.fileExists(atPath: out + "/stale/old.html"))
        #expect(FileManager.default.fileExists(atPath: out + "/docs/a/index.html"))
        #expect(onlyEntryEventually(parent) == ["public"])
    }
}

extension AtomicOutputTests {
    /// What an interrupted build leaves: a staging folder of a process that no longer runs.
    @Test func interruptedBuildLeftoversAreCleanedAndTheSiteKept() throws {
        let parent = temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: parent) }
        let out = parent + "/public"
        try FileManager.default.createDirectory(atPath: parent + "/.public.building-999999/docs", withIntermediateDirectories: true)
        let report = SiteBuilder.build(config(source: Fixtures.path("small-site"), destination: out), defaults: [:])
        #expect(report.succeeded)
        #expect(onlyEntryEventually(parent) == ["public"])
    }
}

/// The replaced site is deleted by a detached process; wait (a while) for it to finish.
func onlyEntryEventually(_ folder: String) -> [String] {
    var entries: [String] = []
    for _ in 0..<200 {
        entries = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        if entries.count <= 1 { break }
        usleep(50_000)
    }
    return entries
}

extension AtomicOutputTests {
    /// Unchanged static files are hard-linked from the previous site; changed ones are copied.
    @Test func unchangedStaticFilesAreReusedAndChangedOnesCopied() throws {
        let parent = temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: parent) }
        let site = parent + "/site"
        try FileManager.default.copyItem(atPath: Fixtures.path("small-site"), toPath: site)
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
