import Foundation
import Testing

/// docgen replaces only folders it made: a destination holding someone's files, or overlapping
/// the site's own sources, is refused with exit code 2 before anything is touched, however often
/// the build is run.
struct OutputOwnershipTests {
    let cli = BuildCommandTests()

    /// A site root copied from the small fixture, inside a fresh parent folder.
    func siteCopy() throws -> (parent: String, site: String) {
        let parent = NSTemporaryDirectory() + "docgen-owner-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true)
        let site = parent + "/site"
        try FileManager.default.copyItem(atPath: cli.fixture("small-site"), toPath: site)
        return (parent, site)
    }

    /// Every path under a folder with its bytes (nil for folders and links).
    func tree(_ folder: String) -> [String: Data?] {
        var result: [String: Data?] = [:]
        let enumerator = FileManager.default.enumerator(atPath: folder)
        while let path = enumerator?.nextObject() as? String {
            result[path] = FileManager.default.contents(atPath: folder + "/" + path)
        }
        return result
    }

    @Test func foreignFilesAreNeverMovedOrDeleted() throws {
        let (parent, site) = try siteCopy()
        defer { try? FileManager.default.removeItem(atPath: parent) }
        let mine = parent + "/mine"
        try FileManager.default.createDirectory(atPath: mine + "/notes", withIntermediateDirectories: true)
        try "my thesis".write(toFile: mine + "/thesis.txt", atomically: false, encoding: .utf8)
        try "draft".write(toFile: mine + "/notes/a.txt", atomically: false, encoding: .utf8)
        let before = tree(parent)
        for _ in 0..<3 {
            let result = try cli.run(["build", "--source", site, "--destination", mine])
            #expect(result.status == 2)
            #expect(result.out == "")
            #expect(result.err == "docgen: error: the destination '\(mine)' already holds files that docgen did not write "
                + "(it has no .docgen-output file), so docgen will not replace it. Build into a new or empty folder, "
                + "or move those files away first\n")
        }
        // Not one file added, moved or removed anywhere beside the site: no spare, no staging folder.
        #expect(tree(parent) == before)
    }

    @Test func destinationsOverlappingTheSourcesAreRefused() throws {
        let (parent, site) = try siteCopy()
        defer { try? FileManager.default.removeItem(atPath: parent) }
        try FileManager.default.createDirectory(atPath: site + "/static", withIntermediateDirectories: true)
        let before = tree(parent)
        let cases: [(destination: String, says: String)] = [
            (".", "is or holds the site root"),
            ("..", "is or holds the site root"),
            ("/", "is or holds the site root"),
            ("content", "is or holds the content folder"),
            ("content/docs", "lies inside the content folder"),
            ("content/new-folder", "lies inside the content folder"),
            ("templates", "is or holds the templates folder"),
            ("static", "is or holds the static folder"),
            ("static/out", "lies inside the static folder"),
        ]
        for (destination, says) in cases {
            for _ in 0..<2 {
                let result = try cli.run(["build", "--destination", destination], in: site)
                #expect(result.status == 2, "\(destination)")
                #expect(result.err.hasPrefix("docgen: error: the destination '"), "\(destination): \(result.err)")
                #expect(result.err.contains(says), "\(destination): \(result.err)")
            }
        }
        // The same through docgen.yaml's destination.
        try "title: Small\ndestination: content\n".write(toFile: site + "/docgen.yaml", atomically: false, encoding: .utf8)
        let fromConfig = try cli.run(["build"], in: site)
        #expect(fromConfig.status == 2)
        #expect(fromConfig.err.contains("is or holds the content folder"))
        try FileManager.default.copyItem(atPath: cli.fixture("small-site") + "/docgen.yaml", toPath: site + "/docgen.yaml.orig")
        try FileManager.default.removeItem(atPath: site + "/docgen.yaml")
        try FileManager.default.moveItem(atPath: site + "/docgen.yaml.orig", toPath: site + "/docgen.yaml")
        #expect(tree(parent) == before)
    }

    @Test func theDefaultPublicFolderAndEmptyFoldersAreFine() throws {
        let (parent, site) = try siteCopy()
        defer { try? FileManager.default.removeItem(atPath: parent) }
        for _ in 0..<2 {
            #expect(try cli.run(["build"], in: site).status == 0)
        }
        #expect(FileManager.default.fileExists(atPath: site + "/public/.docgen-output"))
        #expect(FileManager.default.fileExists(atPath: site + "/.public.spare/.docgen-output"))
        let empty = parent + "/empty"
        try FileManager.default.createDirectory(atPath: empty, withIntermediateDirectories: true)
        for _ in 0..<2 {
            #expect(try cli.run(["build", "--source", site, "--destination", empty]).status == 0)
        }
        #expect(FileManager.default.fileExists(atPath: empty + "/docs/a/index.html"))
    }

    /// Folders beside the destination that look like docgen's but lack its marker are someone's.
    @Test func unmarkedSpareAndStagingFoldersAreLeftAlone() throws {
        let (parent, site) = try siteCopy()
        defer { try? FileManager.default.removeItem(atPath: parent) }
        for folder in [".out.spare", ".out.building-999999"] {
            try FileManager.default.createDirectory(atPath: parent + "/" + folder, withIntermediateDirectories: true)
            try "keep me".write(toFile: parent + "/\(folder)/mine.txt", atomically: false, encoding: .utf8)
        }
        for _ in 0..<3 {
            #expect(try cli.run(["build", "--source", site, "--destination", parent + "/out"]).status == 0)
        }
        for folder in [".out.spare", ".out.building-999999"] {
            #expect(tree(parent + "/" + folder) == ["mine.txt": Data("keep me".utf8)])
        }
        #expect(FileManager.default.fileExists(atPath: parent + "/out/docs/a/index.html"))
    }

    @Test func aFileOrALinkAsDestinationIsRefused() throws {
        let (parent, site) = try siteCopy()
        defer { try? FileManager.default.removeItem(atPath: parent) }
        try "text".write(toFile: parent + "/file", atomically: false, encoding: .utf8)
        let file = try cli.run(["build", "--source", site, "--destination", parent + "/file"])
        #expect(file.status == 2)
        #expect(file.err.contains("is a file, not a folder"))
        try FileManager.default.createDirectory(atPath: parent + "/real", withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: parent + "/link", withDestinationPath: parent + "/real")
        let link = try cli.run(["build", "--source", site, "--destination", parent + "/link"])
        #expect(link.status == 2)
        #expect(link.err.contains("is a symbolic link"))
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: parent + "/link") == parent + "/real")
    }

    /// Link findings keep the new site out like any other error: exit 1 leaves the destination as it was.
    @Test func aFailedLinkCheckLeavesTheSiteAsItWas() throws {
        let (parent, site) = try siteCopy()
        defer { try? FileManager.default.removeItem(atPath: parent) }
        let out = parent + "/out"
        #expect(try cli.run(["build", "--source", site, "--destination", out]).status == 0)
        let before = tree(out)
        let a = site + "/content/docs/a.md"
        try (try String(contentsOfFile: a, encoding: .utf8)).replacingOccurrences(of: "Page A", with: "Page A, edited")
            .write(toFile: a, atomically: false, encoding: .utf8)
        let checked = try cli.run(["build", "--source", site, "--destination", out, "--check"])
        #expect(checked.status == 1)
        #expect(checked.err.hasSuffix("docgen: the link check failed; \(out) was not changed\n"))
        #expect(tree(out) == before)
    }
}
