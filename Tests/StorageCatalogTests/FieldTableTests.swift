import Testing
import StorageCatalog

/// The docs' field tables, compared with text reviewed against cloud-storage.yaml by hand.
@Suite struct FieldTableTests {
    let catalog = Catalog.bundled

    /// Azure: the container label, three credential types, account_name shared by two of them,
    /// no key/secret_key/key_file rows, and only `prefix` as an attribute.
    @Test func azureTableIsExact() throws {
        let azure = try #require(catalog.provider(id: "azure-blob"))
        let expected = #"""
        <table class="storage-fields" data-provider="azure-blob">
        <thead>
        <tr><th>Field</th><th>API key</th><th>Required</th><th>Limits</th><th>Description</th></tr>
        </thead>
        <tbody>
        <tr><td>Provider</td><td><code>provider_type</code></td><td>yes</td><td><code>AZURE_CONTAINER</code></td><td>The cloud provider. Backblaze B2, MinIO and other S3-compatible services use AWS_S3_BUCKET together with an endpoint_url in specific_attributes.</td></tr>
        <tr><td>Container name</td><td><code>resource</code></td><td>yes</td><td>at most 222 characters<br>Azure container names use lowercase letters, digits and hyphens<br>Azure container names are 3 to 63 characters long<br>Azure container names start and end with a lowercase letter or digit, not a hyphen<br>Azure container names must not contain two hyphens in a row</td><td>The name of the bucket (Azure: container) as the provider knows it. CVAT accepts up to 222 characters; each provider&#39;s own naming rules are stricter and are checked too.</td></tr>
        <tr><td>Display name</td><td><code>display_name</code></td><td>yes</td><td>at most 63 characters</td><td>The name CVAT shows for this storage; at most 63 characters.</td></tr>
        <tr><td>Description</td><td><code>description</code></td><td>no</td><td></td><td>Optional free text about the storage. It may be empty but not null.</td></tr>
        <tr><td>Authentication type</td><td><code>credentials_type</code></td><td>yes</td><td><code>ACCOUNT_NAME_TOKEN_PAIR</code>, <code>CONNECTION_STRING</code>, <code>ANONYMOUS_ACCESS</code></td><td>How CVAT signs in to the provider. Each provider allows only some types (see the tables).<br><code>ACCOUNT_NAME_TOKEN_PAIR</code>: Account name and SAS token pair<br><code>CONNECTION_STRING</code>: Connection string<br><code>ANONYMOUS_ACCESS</code>: Anonymous access</td></tr>
        <tr><td>SAS token</td><td><code>session_token</code></td><td>with <code>ACCOUNT_NAME_TOKEN_PAIR</code>; not allowed with other types</td><td>at most 437 characters<br>secret: never shown in output</td><td>An Azure shared access signature for the storage account. CVAT&#39;s form caps it at 437 characters and its server at 440; the stricter 437 applies. Temporary AWS session tokens are not accepted because CVAT drops them when it saves the storage.</td></tr>
        <tr><td>Account name</td><td><code>account_name</code></td><td>with <code>ACCOUNT_NAME_TOKEN_PAIR</code>, <code>ANONYMOUS_ACCESS</code>; not allowed with other types</td><td>at most 24 characters</td><td>The Azure storage account name, 3 to 24 lowercase letters and digits. It is not a secret.</td></tr>
        <tr><td>Connection string</td><td><code>connection_string</code></td><td>with <code>CONNECTION_STRING</code>; not allowed with other types</td><td>at most 1024 characters<br>secret: never shown in output</td><td>An Azure connection string for the storage account (it holds the account key).</td></tr>
        <tr><td>Specific attributes</td><td><code>specific_attributes</code></td><td>no</td><td>at most 1024 characters<br>keys: <code>prefix</code></td><td>Extra settings as key=value pairs joined by &amp;, URL-encoded (for example region=eu-west-1&amp;prefix=images/). Which keys a provider reads is listed in its table; unknown keys are rejected because CVAT would silently ignore them.<br><code>prefix</code>: Only files under this folder of the bucket are used, e.g. images/. No leading / and no empty folders (//).</td></tr>
        <tr><td>Manifests</td><td><code>manifests</code></td><td>no</td><td>each path at most 1024 characters<br>A manifest path must not be empty<br>A manifest path must be relative to the bucket, without a leading /<br>A manifest path must not contain &#39;..&#39;<br>A manifest path must not contain &#39;.&#39; segments<br>A manifest path must not contain empty segments (//)<br>A manifest path must name a file, not end with /<br>Manifest files are JSON Lines files whose names end in .jsonl</td><td>Manifest files in the bucket, as paths relative to the bucket root (after the prefix). CVAT&#39;s form only accepts names ending in .jsonl, and so does docgen.</td></tr>
        </tbody>
        </table>

        """#
        #expect(FieldTable.html(for: azure, in: catalog) == expected)
    }

    /// The rows of one table, keyed by API key, each as its five cells.
    func rows(_ id: String) throws -> [String: [String]] {
        let html = FieldTable.html(for: try #require(catalog.provider(id: id)), in: catalog)
        var rows: [String: [String]] = [:]
        for line in html.split(separator: "\n") where line.hasPrefix("<tr><td>") {
            let cells = line.dropFirst("<tr><td>".count).dropLast("</td></tr>".count).components(separatedBy: "</td><td>")
            rows[cells[1].replacingOccurrences(of: "<code>", with: "").replacingOccurrences(of: "</code>", with: "")] = cells
        }
        return rows
    }

    @Test func googleKeyFileIsOptionalAndOnlyGoogleCredentialsAreListed() throws {
        let gcs = try rows("google-cloud-storage")
        #expect(gcs.keys.sorted() == ["credentials_type", "description", "display_name", "key_file", "manifests",
                                      "provider_type", "resource", "specific_attributes"])
        #expect(gcs["key_file"] == ["Key file", "<code>key_file</code>",
                                    "optional with <code>KEY_FILE_PATH</code>; not allowed with other types",
                                    "the file's contents are secret",
                                    "Path to the Google service-account key file (JSON), which the client uploads with the request. Only the path is checked here; whether the file exists is not, and its contents are never shown. Without it CVAT uses the server&#39;s own Google credentials."])
        #expect(gcs["specific_attributes"]?[3] == "at most 1024 characters<br>keys: <code>prefix</code>, <code>location</code>, <code>project</code>, <code>project_id</code>")
        #expect(gcs["resource"]?[0] == "Bucket name")
    }

    /// Backblaze B2 uses Amazon's rows, without the names only AWS reserves, and adds its note.
    @Test func backblazeUsesS3RowsWithoutAWSReservedNames() throws {
        let s3 = try rows("aws-s3"), b2 = try rows("backblaze-b2")
        #expect(b2.keys.sorted() == ["credentials_type", "description", "display_name", "key", "manifests",
                                     "provider_type", "resource", "secret_key", "specific_attributes"])
        #expect(b2["key"] == ["Access key ID", "<code>key</code>", "with <code>KEY_SECRET_KEY_PAIR</code>; not allowed with other types",
                              "at most 40 characters<br>secret: never shown in output",
                              "The access key ID of a key pair (Backblaze B2: the application key ID). CVAT&#39;s server stores at most 40 characters, although its form accepts 128, so 40 is the limit here."])
        #expect(b2["secret_key"]?[3] == "at most 64 characters<br>secret: never shown in output")
        #expect(b2["provider_type"]?[3] == "<code>AWS_S3_BUCKET</code>")
        let reserved = "Amazon S3 reserves bucket names starting with xn--, sthree- and amzn-s3-demo-"
        #expect(s3["resource"]?[3].contains(reserved) == true)
        #expect(b2["resource"]?[3].contains(reserved) == false)
        #expect(b2["resource"]?[3].hasSuffix("<br>Amazon S3 bucket names must not look like an IP address") == true)

        let b2HTML = FieldTable.html(for: try #require(catalog.provider(id: "backblaze-b2")), in: catalog)
        #expect(b2HTML.hasPrefix("<table class=\"storage-fields\" data-provider=\"backblaze-b2\">\n"))
        #expect(b2HTML.hasSuffix("</table>\n<p class=\"storage-note\">Backblaze B2 is attached as Amazon S3 (provider_type AWS_S3_BUCKET) with its S3 endpoint in specific_attributes, e.g. endpoint_url=https://s3.us-west-004.backblazeb2.com. Use an application key, not the master key. The names AWS reserves (xn--, -s3alias…) are allowed when endpoint_url is set.</p>\n"))
        let s3HTML = FieldTable.html(for: try #require(catalog.provider(id: "aws-s3")), in: catalog)
        #expect(!s3HTML.contains("storage-note"))
    }
}
