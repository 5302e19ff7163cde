import Testing
import JSON
import StorageCatalog

/// The generated JSON Schema: well-formed, draft 2020-12, and allowing exactly what the
/// catalog (cloud-storage.yaml / cloud-storage-rules.md) says for each provider.
@Suite struct SchemaGeneratorTests {
    let schema = SchemaGenerator.schema(Catalog.bundled)

    /// The `then` of the `if provider_type == type` branch.
    func providerBranch(_ type: String) throws -> JSONValue {
        let branches = try #require(schema["allOf"]?.arrayValue)
        let branch = try #require(branches.first { $0["if"]?["properties"]?["provider_type"]?["const"] == .string(type) })
        #expect(branch["if"]?["required"] == ["provider_type"])
        return try #require(branch["then"])
    }

    /// The `then` of `if credentials_type == type` inside a provider's branch.
    func credentialBranch(_ provider: String, _ type: String) throws -> JSONValue {
        let conditions = try #require(try providerBranch(provider)["allOf"]?.arrayValue)
        let branch = try #require(conditions.first { $0["if"]?["properties"]?["credentials_type"]?["const"] == .string(type) })
        return try #require(branch["then"])
    }

    func forbidden(_ then: JSONValue) -> [String] {
        (then["properties"]?.objectValue ?? JSONObject()).filter { $0.value["not"] == .object(JSONObject()) }.map(\.key).sorted()
    }

    func strings(_ value: JSONValue?) -> [String]? { value?.arrayValue?.map { $0.stringValue ?? "<not a string>" } }

    @Test func serializesToJSONThatReadsBackTheSame() throws {
        let text = schema.serialized(pretty: true)
        let reread = try JSONDocument(text: text)
        #expect(reread.root == schema)
        #expect(try JSONDocument(text: schema.serialized()).root == schema)
        #expect(text.hasPrefix("{\n"))
    }

    @Test func rootDeclaresDraft2020AndTheClosedFieldSet() throws {
        #expect(schema["$schema"] == "https://json-schema.org/draft/2020-12/schema")
        #expect(schema["$id"] == "https://docgen.dev/schemas/cloud-storage.schema.json")
        #expect(schema["type"] == "object")
        #expect(schema["additionalProperties"] == false)
        #expect(strings(schema["required"]) == ["provider_type", "resource", "display_name", "credentials_type"])
        let properties = try #require(schema["properties"]?.objectValue)
        #expect(properties.keys.sorted() == ["$schema", "account_name", "connection_string", "credentials_type", "description",
                                             "display_name", "key", "key_file", "manifests", "provider_type", "resource",
                                             "secret_key", "session_token", "specific_attributes"])
        #expect(properties["secret_access_key"] == nil)
        // Every field but manifests is a string; manifests is a list of strings of at most 1024.
        for (key, value) in properties where key != "manifests" { #expect(value["type"] == "string", "\(key)") }
        #expect(properties["manifests"]?["type"] == "array")
        #expect(properties["manifests"]?["items"]?["type"] == "string")
        #expect(properties["manifests"]?["items"]?["maxLength"] == 1024)
        #expect(properties["key"]?["maxLength"] == 40)
        #expect(properties["secret_key"]?["maxLength"] == 64)
        #expect(properties["session_token"]?["maxLength"] == 437)
        #expect(properties["account_name"]?["maxLength"] == 24)
        #expect(properties["resource"]?["maxLength"] == 222)
        #expect(properties["display_name"]?["maxLength"] == 63)
        #expect(properties["description"]?["maxLength"] == nil)
        #expect(strings(properties["provider_type"]?["enum"]) == ["AWS_S3_BUCKET", "AZURE_CONTAINER", "GOOGLE_CLOUD_STORAGE"])
        #expect(strings(properties["credentials_type"]?["enum"])?.sorted() == ["ACCOUNT_NAME_TOKEN_PAIR", "ANONYMOUS_ACCESS", "CONNECTION_STRING",
                                                                                "KEY_FILE_PATH", "KEY_SECRET_KEY_PAIR"])
    }

    @Test func secretsAreWriteOnlyAndNothingElseIs() throws {
        let properties = try #require(schema["properties"]?.objectValue)
        let writeOnly = properties.filter { $0.value["writeOnly"] == true }.map(\.key).sorted()
        #expect(writeOnly == ["connection_string", "key", "key_file", "secret_key", "session_token"])
        #expect(properties["account_name"]?["writeOnly"] == nil)  // the spec: account_name is not secret
    }

    @Test func eachProviderAllowsOnlyItsCredentialTypes() throws {
        #expect(strings(try providerBranch("AWS_S3_BUCKET")["properties"]?["credentials_type"]?["enum"])
                == ["KEY_SECRET_KEY_PAIR", "ANONYMOUS_ACCESS"])
        #expect(strings(try providerBranch("AZURE_CONTAINER")["properties"]?["credentials_type"]?["enum"])
                == ["ACCOUNT_NAME_TOKEN_PAIR", "CONNECTION_STRING", "ANONYMOUS_ACCESS"])
        #expect(strings(try providerBranch("GOOGLE_CLOUD_STORAGE")["properties"]?["credentials_type"]?["enum"])
                == ["KEY_FILE_PATH", "ANONYMOUS_ACCESS"])
        // Backblaze B2 is configured as AWS_S3_BUCKET, so it gets no branch of its own.
        #expect(schema["allOf"]?.arrayValue?.count == 3)
    }

    @Test func credentialFieldsRequiredAndForbiddenPerType() throws {
        let s3Pair = try credentialBranch("AWS_S3_BUCKET", "KEY_SECRET_KEY_PAIR")
        #expect(strings(s3Pair["required"]) == ["key", "secret_key"])
        // Not empty and not only white space: one character that is not a space.
        #expect(s3Pair["properties"]?["key"]?["pattern"] == "\\S")
        #expect(s3Pair["properties"]?["secret_key"]?["pattern"] == "\\S")
        #expect(forbidden(s3Pair) == ["account_name", "connection_string", "key_file", "session_token"])

        let s3Anonymous = try credentialBranch("AWS_S3_BUCKET", "ANONYMOUS_ACCESS")
        #expect(s3Anonymous["required"] == nil)
        #expect(forbidden(s3Anonymous) == ["account_name", "connection_string", "key", "key_file", "secret_key", "session_token"])

        let sas = try credentialBranch("AZURE_CONTAINER", "ACCOUNT_NAME_TOKEN_PAIR")
        #expect(strings(sas["required"]) == ["account_name", "session_token"])
        #expect(forbidden(sas) == ["connection_string", "key", "key_file", "secret_key"])
        #expect(strings(try credentialBranch("AZURE_CONTAINER", "CONNECTION_STRING")["required"]) == ["connection_string"])
        let azureAnonymous = try credentialBranch("AZURE_CONTAINER", "ANONYMOUS_ACCESS")
        #expect(strings(azureAnonymous["required"]) == ["account_name"])
        #expect(forbidden(azureAnonymous) == ["connection_string", "key", "key_file", "secret_key", "session_token"])

        // GCS key file: optional, so neither required nor forbidden.
        let keyFile = try credentialBranch("GOOGLE_CLOUD_STORAGE", "KEY_FILE_PATH")
        #expect(keyFile["required"] == nil)
        #expect(forbidden(keyFile) == ["account_name", "connection_string", "key", "secret_key", "session_token"])
        #expect(forbidden(try credentialBranch("GOOGLE_CLOUD_STORAGE", "ANONYMOUS_ACCESS")).contains("key_file"))
    }

    @Test func awsReservedNamesApplyOnlyWithoutEndpointURL() throws {
        let s3 = try providerBranch("AWS_S3_BUCKET")
        let conditions = try #require(s3["allOf"]?.arrayValue)
        let reserved = try #require(conditions.first { $0["else"] != nil })
        #expect(reserved["if"]?["properties"]?["specific_attributes"]?["pattern"] == "(^|&)endpoint_url=")
        let rules = reserved["else"]?["properties"]?["resource"]?["allOf"]?.arrayValue ?? []
        #expect(rules.compactMap { $0["not"]?["pattern"]?.stringValue } == ["^(xn--|sthree-|amzn-s3-demo-)", "(-s3alias|--ol-s3|\\.mrap|--x-s3|--table-s3)$"])
        // Azure and GCS have no AWS-only names.
        #expect(try providerBranch("AZURE_CONTAINER")["allOf"]?.arrayValue?.contains { $0["else"] != nil } == false)
    }
}
