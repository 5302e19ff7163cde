import Testing
import StorageCatalog

/// The catalog compiled into docgen, checked against Embedded/cloud-storage.yaml and the rules
/// in cloud-storage-rules.md (values written out here by hand, not read back from the catalog).
@Suite struct BundledCatalogTests {
    let catalog = Catalog.bundled

    @Test func everyProviderIsPresentWithItsCVATType() throws {
        #expect(catalog.providers.map(\.id) == ["aws-s3", "backblaze-b2", "azure-blob", "google-cloud-storage"])
        #expect(catalog.providers.map(\.name) == ["Amazon S3", "Backblaze B2", "Azure Blob Storage", "Google Cloud Storage"])
        #expect(catalog.provider(id: "aws-s3")?.providerType == "AWS_S3_BUCKET")
        #expect(catalog.provider(id: "azure-blob")?.providerType == "AZURE_CONTAINER")
        #expect(catalog.provider(id: "google-cloud-storage")?.providerType == "GOOGLE_CLOUD_STORAGE")
        // Backblaze B2 is not a CVAT provider type: it is configured as Amazon S3.
        let b2 = try #require(catalog.provider(id: "backblaze-b2"))
        #expect(b2.sameAs == "aws-s3")
        #expect(catalog.effective(b2).id == "aws-s3")
        #expect(b2.note?.contains("endpoint_url=https://s3.us-west-004.backblazeb2.com") == true)
        #expect(catalog.cvatProviders.map(\.providerType) == ["AWS_S3_BUCKET", "AZURE_CONTAINER", "GOOGLE_CLOUD_STORAGE"])
        #expect(catalog.provider(id: "minio") == nil)
    }

    @Test func fieldsMatchTheSpecCatalog() throws {
        #expect(catalog.fields.map(\.key) == [
            "provider_type", "resource", "display_name", "description", "credentials_type", "key", "secret_key",
            "session_token", "account_name", "connection_string", "key_file", "specific_attributes", "manifests",
        ])
        #expect(catalog.fields.filter(\.required).map(\.key) == ["provider_type", "resource", "display_name", "credentials_type"])
        #expect(catalog.fields.filter(\.secret).map(\.key) == ["key", "secret_key", "session_token", "connection_string"])
        #expect(catalog.fields.filter(\.secretContents).map(\.key) == ["key_file"])
        let limits = Dictionary(uniqueKeysWithValues: catalog.fields.compactMap { f in f.maxLength.map { (f.key, $0) } })
        #expect(limits == ["resource": 222, "display_name": 63, "key": 40, "secret_key": 64, "session_token": 437,
                           "account_name": 24, "connection_string": 1024, "specific_attributes": 1024])
        let manifests = try #require(catalog.field("manifests"))
        #expect(manifests.isArray)
        #expect(manifests.itemMaxLength == 1024)
        #expect(manifests.itemRules.count == 7)
        #expect(catalog.field("account_name")?.rules.map(\.regex) == ["^[a-z0-9]*$", "^.{3,24}$"])
        #expect(catalog.field("secret") == nil)
    }

    @Test func credentialsAndAttributesPerProvider() throws {
        let s3 = try #require(catalog.provider(id: "aws-s3"))
        #expect(s3.credentials.map(\.type) == ["KEY_SECRET_KEY_PAIR", "ANONYMOUS_ACCESS"])
        #expect(s3.credentials.map(\.required) == [["key", "secret_key"], []])
        #expect(s3.attributes == ["region", "endpoint_url", "prefix"])
        #expect(s3.resourceRules.filter(\.awsOnly).count == 2)

        let azure = try #require(catalog.provider(id: "azure-blob"))
        #expect(azure.credentials.map(\.type) == ["ACCOUNT_NAME_TOKEN_PAIR", "CONNECTION_STRING", "ANONYMOUS_ACCESS"])
        #expect(azure.credentials.map(\.required) == [["account_name", "session_token"], ["connection_string"], ["account_name"]])
        #expect(azure.attributes == ["prefix"])
        #expect(catalog.label(of: try #require(catalog.field("resource")), for: azure) == "Container name")

        let gcs = try #require(catalog.provider(id: "google-cloud-storage"))
        #expect(gcs.credentials.map(\.type) == ["KEY_FILE_PATH", "ANONYMOUS_ACCESS"])
        #expect(gcs.credentials.map(\.required) == [[], []])
        #expect(gcs.optionalCredentials == ["KEY_FILE_PATH": ["key_file"]])
        #expect(gcs.attributes == ["prefix", "location", "project", "project_id"])

        #expect(catalog.credentialLabel("ACCOUNT_NAME_TOKEN_PAIR") == "Account name and SAS token pair")
        #expect(catalog.credentialLabel("NOT_A_TYPE") == "NOT_A_TYPE")
        #expect(catalog.attributes.keys.sorted() == ["endpoint_url", "location", "prefix", "project", "project_id", "region"])
        #expect(catalog.attributes["endpoint_url"]?.rules.map(\.message) == [
            "endpoint_url may appear only once",
            "endpoint_url must be an absolute URL starting with http:// or https:// and a host name",
            "endpoint_url must not hold a user name or password, which CVAT would store and show as plain text; put the credentials in key and secret_key",
        ])
        #expect(catalog.attributes["endpoint_url"]?.rules[1].when == "(^|&)endpoint_url=")
    }
}
