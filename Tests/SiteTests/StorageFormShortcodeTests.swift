import Basics
import Foundation
import JSON
import Testing
@testable import Site

/// `{{< storage-form >}}`: its markup and data, the policy it gives its page, and its mistakes
/// reported where they were made.
@Suite struct StorageFormShortcodeTests {
    let layout = "{{#page.hasContentSecurityPolicy}}CSP[{{{page.contentSecurityPolicy}}}]{{/page.hasContentSecurityPolicy}}{{{page.content}}}"

    func build(_ pages: [String: String]) throws -> (pages: [String: String], problems: [String]) {
        var files = ["templates/single.html": layout]
        for (name, body) in pages { files["content/\(name).md"] = "---\ntitle: \(name)\n---\n" + body }
        let root = try siteFolder(files, label: "docgen-storage-form")
        defer { try? FileManager.default.removeItem(atPath: root) }
        let report = SiteBuilder.build(config(source: root, destination: root + "/public"), defaults: [:])
        var out: [String: String] = [:]
        for (path, bytes) in snapshot(root + "/public") where path.hasSuffix(".html") {
            out[path] = String(decoding: bytes, as: UTF8.self)
        }
        return (out, report.diagnostics.map { $0.description.replacingOccurrences(of: root + "/", with: "") })
    }

    @Test func theFormPageGetsThePolicyTheScriptAndTheCatalogsData() throws {
        let built = try build(["form": "Intro.\n\n{{< storage-form provider=\"azure-blob\" >}}\n", "plain": "No form.\n"])
        #expect(built.problems.isEmpty, "\(built.problems)")
        let html = try #require(built.pages["form/index.html"])
        #expect(html.hasPrefix("CSP[default-src 'self'; connect-src 'none'; form-action 'none'; img-src 'self' data:; object-src 'none'; base-uri 'none']"))
        #expect(html.contains("<div class=\"storage-form\" id=\"storage-form-1\" data-provider=\"azure-blob\" hidden>"))
        #expect(html.contains("<script src=\"/docgen-storage-form.js\" defer></script>"))
        #expect(html.contains("<noscript>"))
        #expect(built.pages["plain/index.html"] == "<p>No form.</p>\n")

        // The data block is the generated schema and the catalog's fields, nothing hand-written.
        let start = try #require(html.range(of: "<script type=\"application/json\" class=\"storage-form-data\">"))
        let end = try #require(html.range(of: "</script>", range: start.upperBound..<html.endIndex))
        let data = try JSONDocument(text: String(html[start.upperBound..<end.lowerBound])).root
        #expect(data["schema"]?["$id"]?.stringValue == "https://docgen.dev/schemas/cloud-storage.schema.json")
        #expect(data["maskedParameters"]?.arrayValue?.contains("x-amz-signature") == true)
        let providers = data["providers"]?.arrayValue?.compactMap { $0["id"]?.stringValue }
        #expect(providers == ["aws-s3", "backblaze-b2", "azure-blob", "google-cloud-storage"])
        let azure = try #require(data["providers"]?.arrayValue?.first { $0["id"]?.stringValue == "azure-blob" })
        #expect(azure["fields"]?["resource"]?["label"]?.stringValue == "Container name")
        #expect(azure["credentials"]?.arrayValue?.map { $0["type"]?.stringValue ?? "" } == ["ACCOUNT_NAME_TOKEN_PAIR", "CONNECTION_STRING", "ANONYMOUS_ACCESS"])
    }

    /// In the default theme the header's search box fetches its index, which the form page's
    /// policy forbids: that page loads no search scripts, so it shows no box that cannot work.
    @Test func theFormPageHasNoSearchBoxThatCouldNotWork() throws {
        let root = try siteFolder(["content/_index.md": "---\ntitle: Home\n---\n",
                                   "content/form.md": "---\ntitle: Form\n---\n{{< storage-form >}}\n",
                                   "content/plain.md": "---\ntitle: Plain\n---\nNo form.\n"], label: "docgen-storage-form")
        defer { try? FileManager.default.removeItem(atPath: root) }
        let report = SiteBuilder.build(config(source: root, destination: root + "/public"))
        #expect(report.succeeded, "\(report.diagnostics)")
        let read = { (page: String) in (try? String(contentsOfFile: root + "/public/" + page, encoding: .utf8)) ?? "" }
        let script = "<script defer src=\"/docgen-search.js\"></script>"
        #expect(read("form/index.html").contains("connect-src 'none'") && !read("form/index.html").contains(script))
        #expect(read("plain/index.html").contains(script) && !read("plain/index.html").contains("Content-Security-Policy"))
    }

    @Test func twoFormsShareOneScriptTagAndEachHasItsOwnId() throws {
        let html = try #require(try build(["p": "{{< storage-form >}}\n\n{{< storage-form \"backblaze-b2\" >}}\n"]).pages["p/index.html"])
        #expect(html.components(separatedBy: "docgen-storage-form.js").count == 2)
        #expect(html.contains("id=\"storage-form-1\" data-provider=\"aws-s3\""))
        #expect(html.contains("id=\"storage-form-2\" data-provider=\"backblaze-b2\""))
    }

    @Test func anUnknownProviderOrParameterIsAnErrorAtTheShortcode() throws {
        let problems = try build(["p": "Text.\n\n{{< storage-form provider=\"minio\" >}}\n{{< storage-form provder=\"aws-s3\" >}}\n"]).problems
        #expect(problems == [
            "content/p.md:6:1: error: storage-form: unknown provider 'minio'; known: aws-s3, backblaze-b2, azure-blob, google-cloud-storage",
            "content/p.md:7:1: error: storage-form has no parameter 'provder': did you mean provider=? it takes provider",
        ])
    }

    @Test func catalogTextCannotCloseTheDataScript() {
        #expect(StorageFormShortcode.scriptSafe("{\"a\":\"</script><!--\"}") == "{\"a\":\"\\u003c/script>\\u003c!--\"}")
    }
}
