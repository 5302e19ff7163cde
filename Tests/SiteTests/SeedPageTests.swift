import Foundation
import Testing
@testable import Site

/// The CVAT page docgen exists to publish, with a target page for its ilinks.
struct SeedPageTests {
    @Test(.enabled(if: Fixtures.sharedAvailable, "../shared is absent: the seed page is not available"))
    func seedPageGetsHugoAnchors() throws {
        let site = temporaryFolder()
        defer { try? FileManager.default.removeItem(atPath: site) }
        let guide = site + "/content/docs/guide"
        let manifest = site + "/content/docs/dataset_management"
        for folder in [guide, manifest] { try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true) }
        try FileManager.default.copyItem(atPath: Fixtures.shared + "/seeds/attach-cloud-storage.md", toPath: guide + "/attach-cloud-storage.md")
        try "---\ntitle: Dataset manifest\n---\nText.\n".write(toFile: manifest + "/dataset_manifest.md", atomically: true, encoding: .utf8)

        let report = SiteBuilder.build(config(source: site, destination: site + "/public"))
        #expect(!report.diagnostics.hasErrors, "\(report.diagnostics)")
        // The seed's table of contents was written for Hugo 0.110; five of its links would point
        // at another provider's section under current Hugo, and docgen says which.
        let warnings = report.diagnostics.map { $0.description.replacingOccurrences(of: site + "/", with: "") }
        #expect(warnings == [
            "content/docs/guide/attach-cloud-storage.md:30:1: warning: link #create-a-bucket-1 points at \"Create a bucket\" (in \"Google Cloud Storage\") under hugo-0.110 rules but at \"Create a bucket\" (in \"Backblaze B2\") under hugo-current rules",
            "content/docs/guide/attach-cloud-storage.md:31:1: warning: link #upload-data-1 points at \"Upload data\" (in \"Google Cloud Storage\") under hugo-0.110 rules but at \"Upload data\" (in \"Backblaze B2\") under hugo-current rules",
            "content/docs/guide/attach-cloud-storage.md:32:1: warning: link #access-permissions-1 points at \"Access permissions\" (in \"Google Cloud Storage\") under hugo-0.110 rules but at \"Access permissions\" (in \"Backblaze B2\") under hugo-current rules",
            "content/docs/guide/attach-cloud-storage.md:38:1: warning: link #create-a-bucket-2 points at \"Create a bucket\" (in \"Microsoft Azure Blob Storage\") under hugo-0.110 rules but at \"Create a bucket\" (in \"Google Cloud Storage\") under hugo-current rules",
            "content/docs/guide/attach-cloud-storage.md:40:1: warning: link #upload-data-2 points at \"Upload data\" (in \"Microsoft Azure Blob Storage\") under hugo-0.110 rules but at \"Upload data\" (in \"Google Cloud Storage\") under hugo-current rules",
        ])
        let html = try String(contentsOfFile: site + "/public/docs/guide/attach-cloud-storage/index.html", encoding: .utf8)
        // The seed's own table of contents links to these; under Hugo 0.110 they all exist.
        for id in ["amazon-s3", "create-a-bucket", "create-a-bucket-1", "create-a-bucket-2", "upload-data-1",
                   "access-permissions-1", "authenticated-access-1", "anonymous-access-1", "attach-amazon-s3-storage",
                   "video-tutorial-add-google-cloud-storage-as-cloud-storage-in-cvat", "prepare-the-dataset"] {
            #expect(html.contains("id=\"\(id)\""), "missing id \(id)")
        }
        #expect(html.contains("<h3 id=\"a-namecreate-a-bucket-b2create-a-bucketa\"><a name=\"create-a-bucket-b2\">Create a bucket</a></h3>"))
        #expect(html.contains("<h3 id=\"create-a-bucket-1\">Create a bucket</h3>"))
        #expect(html.contains("<a href=\"/docs/dataset_management/dataset_manifest/\">prepare manifest file section</a>"))
        #expect(html.contains("<div class=\"alert alert-primary\" role=\"alert\">\n<h4 class=\"alert-heading\">Note</h4>"))
        #expect(FileManager.default.fileExists(atPath: site + "/public/docs/manual/basics/attach-cloud-storage/index.html"))
    }
}
