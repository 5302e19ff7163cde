import Basics
import Content
import Foundation
import Testing
@testable import Site

/// Links inside the site are followed, files and folders alike; links that leave it are refused
/// unless allowed; loops are reported as loops. Each refusal names the link.
struct SymlinkTests {
    func site() throws -> String {
        let root = temporaryFolder()
        try FileManager.default.createDirectory(atPath: root + "/content/docs", withIntermediateDirectories: true)
        try "---\ntitle: A\n---\nA page.\n".write(toFile: root + "/content/docs/a.md", atomically: false, encoding: .utf8)
        try FileManager.default.createDirectory(atPath: root + "/shared/guide", withIntermediateDirectories: true)
        try "---\ntitle: Shared\n---\nShared page.\n".write(toFile: root + "/shared/guide/b.md", atomically: false, encoding: .utf8)
        try "image".write(toFile: root + "/shared/logo.png", atomically: false, encoding: .utf8)
        return root
    }

    func link(_ path: String, to target: String) throws {
        try FileManager.default.createSymbolicLink(atPath: path, withDestinationPath: target)
    }

    func build(_ root: String, allowOutside: Bool = false) -> BuildReport {
        var config = config(source: root, destination: root + "/public")
        config.allowSymlinksOutside = allowOutside
        return SiteBuilder.build(config, defaults: EmbeddedTemplates.files)
    }

    @Test func linksInsideTheSiteAreFollowed() throws {
        let root = try site()
        defer { try? FileManager.default.removeItem(atPath: root) }
        try link(root + "/content/linked", to: root + "/shared")          // a folder, absolute
        try link(root + "/content/docs/logo.png", to: "../../shared/logo.png")  // a file, relative
        let report = build(root)
        #expect(report.succeeded, "\(report.diagnostics)")
        #expect(FileManager.default.fileExists(atPath: root + "/public/linked/guide/b/index.html"))
        #expect(try String(contentsOfFile: root + "/public/docs/logo.png", encoding: .utf8) == "image")
    }

    @Test func linksOutsideTheSiteAreRefusedUnlessAllowed() throws {
        let root = try site()
        let outside = temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: root); try? FileManager.default.removeItem(atPath: outside) }
        try "---\ntitle: Outside\n---\nx\n".write(toFile: outside + "/c.md", atomically: false, encoding: .utf8)
        try link(root + "/content/etc", to: "/etc")
        try link(root + "/content/elsewhere", to: outside)
        let refused = build(root)
        let real = FolderWalk.realPath(outside)
        #expect(refused.diagnostics.map(\.description) == [
            "\(root)/content/elsewhere: error: this symbolic link points to '\(real)', outside the site; docgen follows links only within the site root (build with --allow-symlinks-outside to follow it)",
            "\(root)/content/etc: error: this symbolic link points to '/etc', outside the site; docgen follows links only within the site root (build with --allow-symlinks-outside to follow it)",
        ])
        #expect(!FileManager.default.fileExists(atPath: root + "/public"))
        try FileManager.default.removeItem(atPath: root + "/content/etc")
        let allowed = build(root, allowOutside: true)
        #expect(allowed.succeeded, "\(allowed.diagnostics)")
        #expect(FileManager.default.fileExists(atPath: root + "/public/elsewhere/c/index.html"))
    }

    @Test func loopsAndBrokenLinksAreNamed() throws {
        let root = try site()
        defer { try? FileManager.default.removeItem(atPath: root) }
        try link(root + "/content/up", to: "..")                        // the site root, which holds content/
        try link(root + "/content/self", to: root + "/content/self")    // a link to itself
        try link(root + "/content/docs/gone", to: "nowhere")
        try link(root + "/shared/back", to: root + "/content")          // content → shared → content
        try link(root + "/content/via", to: root + "/shared")
        let report = build(root)
        let real = FolderWalk.realPath(root)
        #expect(report.diagnostics.map(\.description) == [
            "\(root)/content/docs/gone: error: this symbolic link points to 'nowhere', which does not exist",
            "\(root)/content/self: error: this symbolic link is a loop: it leads back to itself",
            "\(root)/content/up: error: this symbolic link is a loop: it points to '\(real)', a folder that holds it",
            "\(root)/content/via/back: error: this symbolic link is a loop: it points to '\(real)/content', a folder that holds it",
        ])
    }
}
