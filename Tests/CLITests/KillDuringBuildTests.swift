import Foundation
import Testing

/// `docgen build` killed with SIGKILL at any moment leaves the destination either exactly as it
/// was or, once the swap has happened, exactly the new site: never a mix, never a missing file.
struct KillDuringBuildTests {
    let cli = BuildCommandTests()

    /// A site of `pages` pages of a few KB each, with `marker` in every page.
    func writeSite(_ root: String, pages: Int, marker: String) throws {
        for n in 0..<pages {
            let folder = root + "/content/section-\(n % 20)"
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            let text = "---\ntitle: Page \(n)\nweight: \(n)\n---\n## \(marker) heading\n\n"
                + String(repeating: "Some *text* with a [link](../) and `code`, \(marker).\n\n", count: 40)
            try text.write(toFile: folder + "/page-\(n).md", atomically: false, encoding: .utf8)
        }
    }

    func files(_ folder: String) -> [String: Data] {
        var result: [String: Data] = [:]
        let enumerator = FileManager.default.enumerator(atPath: folder)
        while let path = enumerator?.nextObject() as? String {
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: folder + "/" + path, isDirectory: &isFolder), !isFolder.boolValue {
                result[path] = FileManager.default.contents(atPath: folder + "/" + path)
            }
        }
        return result
    }

    @Test func killedBuildsLeaveTheSiteWhole() throws {
        let parent = NSTemporaryDirectory() + "docgen-kill-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: parent) }
        let site = parent + "/site", out = parent + "/out"
        try writeSite(site, pages: 1_500, marker: "first")
        #expect(try cli.run(["build", "--source", site, "--destination", out]).status == 0)
        let previous = files(out)
        #expect(previous.count > 1_500)

        // The edited site, built once elsewhere to know the new site and how long a build takes.
        try writeSite(site, pages: 1_500, marker: "second")
        let started = Date()
        #expect(try cli.run(["build", "--source", site, "--destination", parent + "/reference"]).status == 0)
        let duration = Date().timeIntervalSince(started)
        let next = files(parent + "/reference")
        #expect(next != previous)

        var before = 0, after = 0
        for step in 1...12 {
            let process = Process()
            process.executableURL = BuildCommandTests.binary
            process.arguments = ["build", "--source", site, "--destination", out]
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            usleep(useconds_t(duration * Double(step) / 12 * 1_000_000))
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
            let now = files(out)
            if now == previous { before += 1 } else if now == next { after += 1 } else {
                let changed = Set(now.keys).symmetricDifference(previous.keys).count
                Issue.record("kill \(step): the destination is neither the old nor the new site (\(changed) paths differ from the old)")
            }
            if now == next { break }  // swapped in: later kills test nothing new
        }
        print("killed builds: \(before) left the previous site, \(after) the new one")
        #expect(before >= 3)
        // What the killed builds left beside the site does not spoil the next one.
        #expect(try cli.run(["build", "--source", site, "--destination", out]).status == 0)
        #expect(files(out) == next)
    }
}
