import Testing
import JSON
@testable import ConfigValidation

/// The rules of cloud-storage-rules.md that tie fields together, one config change at a time.
/// Expected messages are written out from the catalog's wording.
@Suite struct CrossFieldRuleTests {
    func described(_ config: Config) -> [String] { Support.described(Support.problems(config)) }

    @Test(arguments: [("s3Pair", Config.s3Pair), ("s3Anonymous", Config.s3Anonymous), ("azureSAS", Config.azureSAS),
                      ("azureConnection", Config.azureConnection), ("azureAnonymous", Config.azureAnonymous),
                      ("gcsKeyFile", Config.gcsKeyFile), ("gcsAnonymous", Config.gcsAnonymous),
                      ("gcsKeyFileWithoutPath", Config.gcsKeyFile.without("key_file"))])
    func everyAllowedPairingIsValid(name: String, config: Config) {
        #expect(Support.problems(config).isEmpty, "\(name): \(Support.problems(config))")
    }

    /// Spec §3: a pair marked ✗ is reported at /credentials_type.
    @Test func pairingsOutsideTheTableAreRejectedAtCredentialsType() {
        #expect(described(Config.gcsAnonymous.with("credentials_type", "KEY_SECRET_KEY_PAIR")) == [
            "/credentials_type enum: Google Cloud Storage accepts the authentication types KEY_FILE_PATH and ANONYMOUS_ACCESS; found 'KEY_SECRET_KEY_PAIR'",
        ])
        #expect(described(Config.s3Anonymous.with("credentials_type", "CONNECTION_STRING")) == [
            "/credentials_type enum: Amazon S3 accepts the authentication types KEY_SECRET_KEY_PAIR and ANONYMOUS_ACCESS; found 'CONNECTION_STRING'",
        ])
        #expect(described(Config.azureSAS.with("credentials_type", "KEY_FILE_PATH")) == [
            "/credentials_type enum: Azure Blob Storage accepts the authentication types ACCOUNT_NAME_TOKEN_PAIR, CONNECTION_STRING and ANONYMOUS_ACCESS; found 'KEY_FILE_PATH'",
        ])
        // Not a type at all: the general list and the provider's list both say so.
        #expect(described(Config.s3Anonymous.with("credentials_type", "anonymous_access")) == [
            "/credentials_type enum: Amazon S3 accepts the authentication types KEY_SECRET_KEY_PAIR and ANONYMOUS_ACCESS; found 'anonymous_access'",
            "/credentials_type enum: the authentication type must be one of KEY_SECRET_KEY_PAIR, ACCOUNT_NAME_TOKEN_PAIR, CONNECTION_STRING, KEY_FILE_PATH and ANONYMOUS_ACCESS; found 'anonymous_access'",
        ])
    }

    /// Spec §3: both halves of a pair are required and not empty; secrets are never quoted.
    @Test func credentialPairsNeedBothHalves() throws {
        let missing = Support.problems(Config.s3Pair.without("secret_key"))
        #expect(Support.described(missing) == [
            "/secret_key required: missing: Amazon S3 with KEY_SECRET_KEY_PAIR needs key and secret_key",
        ])
        #expect(missing.first.map { "\($0.line):\($0.column)" } == "1:1")
        #expect(described(Config.s3Pair.with("key", "")) == [
            "/key pattern: Access key ID must not be empty with KEY_SECRET_KEY_PAIR",
        ])
        #expect(described(Config.azureSAS.without("session_token")) == [
            "/session_token required: missing: Azure Blob Storage with ACCOUNT_NAME_TOKEN_PAIR needs account_name and session_token",
        ])
        #expect(described(Config.azureAnonymous.without("account_name")) == [
            "/account_name required: missing: Azure Blob Storage with ANONYMOUS_ACCESS needs account_name",
        ])
        #expect(described(Config.azureConnection.without("connection_string")) == [
            "/connection_string required: missing: Azure Blob Storage with CONNECTION_STRING needs connection_string",
        ])
        #expect(described(Config.azureAnonymous.with("account_name", "ab")) == [
            "/account_name pattern: Azure storage account names are 3 to 24 characters long; found 2 characters",
        ])
    }

    /// Spec §3: "Fields not listed in a cell are not allowed in that cell", at that field's pointer.
    @Test func credentialFieldsOfAnotherTypeAreRejectedWhereTheyAre() throws {
        let anonymousWithKeys = Support.problems(Config.s3Anonymous.with("key", "AKIAIOSFODNN7EXAMPLE").with("secret_key", "x"))
        #expect(Support.described(anonymousWithKeys) == [
            "/key not: key is not used by Amazon S3 with ANONYMOUS_ACCESS; remove it",
            "/secret_key not: secret_key is not used by Amazon S3 with ANONYMOUS_ACCESS; remove it",
        ])
        // Member 4 and 5 of the config: lines 6 and 7, values after `  "key": ` and `  "secret_key": `.
        #expect(Support.located(anonymousWithKeys) == ["6:10 /key not", "7:17 /secret_key not"])
        #expect(described(Config.s3Pair.with("session_token", "temporary")) == [
            "/session_token not: session_token is not used by Amazon S3 with KEY_SECRET_KEY_PAIR; remove it",
        ])
        #expect(described(Config.azureConnection.with("account_name", "cvatstore01")) == [
            // account_name is not a secret (spec §7), so its value may be shown.
            "/account_name not: account_name is not used by Azure Blob Storage with CONNECTION_STRING; remove it; found 'cvatstore01'",
        ])
        #expect(described(Config.gcsAnonymous.with("key_file", "keys/sa.json")) == [
            "/key_file not: key_file is not used by Google Cloud Storage with ANONYMOUS_ACCESS; remove it",
        ])
        #expect(described(Config.gcsKeyFile.with("key", "AKIAIOSFODNN7EXAMPLE")) == [
            "/key not: key is not used by Google Cloud Storage with KEY_FILE_PATH; remove it",
        ])
    }

    /// Spec §3/§2: "A value made only of whitespace counts as empty" (CVAT trims it to ""), so a
    /// required credential of spaces is as missing as "".
    @Test func whitespaceOnlyCredentialsCountAsEmpty() {
        #expect(Support.located(Support.problems(Config.s3Pair.with("key", "   "))) == ["6:10 /key pattern"])
        #expect(!Support.problems(Config.azureConnection.with("connection_string", " ")).isEmpty)
        #expect(!Support.problems(Config.azureSAS.with("session_token", "\t")).isEmpty)
    }

    /// Spec §5: the keys each provider reads, and the k=v&k=v syntax.
    @Test func specificAttributesKeysPerProvider() {
        #expect(Support.problems(Config.s3Pair.with("specific_attributes", "region=eu-west-1&prefix=frames/&endpoint_url=https://s3.example.com")).isEmpty)
        #expect(Support.problems(Config.gcsAnonymous.with("specific_attributes", "project=p1&location=EU&prefix=a/")).isEmpty)
        #expect(Support.problems(Config.gcsAnonymous.with("specific_attributes", "project_id=my-project")).isEmpty)  // what the UI writes
        #expect(Support.problems(Config.azureSAS.with("specific_attributes", "")).isEmpty)
        #expect(Support.problems(Config.s3Pair.with("specific_attributes", "region=")).isEmpty)

        #expect(described(Config.azureSAS.with("specific_attributes", "region=eu")) == [
            "/specific_attributes pattern: Azure Blob Storage reads only the keys prefix in specific_attributes; found 'region'",
        ])
        #expect(described(Config.s3Pair.with("specific_attributes", "location=EU")) == [
            "/specific_attributes pattern: Amazon S3 reads only the keys region, endpoint_url and prefix in specific_attributes; found 'location'",
        ])
        // Syntax: exactly one '=' per item.
        #expect(described(Config.s3Pair.with("specific_attributes", "region=a=b")) == [
            "/specific_attributes not: each pair in specific_attributes has exactly one =; write an = inside a value as %3D; found 'region=a=b'",
        ])
        let trailing = Support.problems(Config.s3Pair.with("specific_attributes", "region=eu-west-1&"))
        // One mistake, one message: the stray & is not also an unknown key.
        #expect(trailing.map(\.message) == ["specific_attributes has an empty pair, from an & at the start, at the end or twice in a row; remove that &; found 'region=eu-west-1&'"])
        #expect(trailing.allSatisfy { $0.pointer == "/specific_attributes" && $0.line == 8 && $0.column == 26 })
        // An object instead of the k=v text (exact list: see nonStringValuesGetOnlyTheTypeError).
        let object = Support.problems(Config.s3Pair.with("specific_attributes", ["region": "eu"]))
        #expect(Support.described(object).contains("/specific_attributes type: must be text in double quotes; found an object"))
    }

    /// Spec §5: endpoint_url is an absolute http(s) URL with a host, given once.
    @Test func endpointURL() {
        #expect(Support.problems(Config.s3Pair.with("specific_attributes", "endpoint_url=http://minio.local:9000")).isEmpty)
        #expect(Support.problems(Config.s3Pair.with("specific_attributes", "endpoint_url=https%3A%2F%2Fs3.us-west-004.backblazeb2.com")).isEmpty)
        let message = "endpoint_url must be an absolute URL starting with http:// or https:// and a host name"
        #expect(described(Config.s3Pair.with("specific_attributes", "endpoint_url=s3.us-west-004.backblazeb2.com")) == [
            "/specific_attributes pattern: \(message); found 'endpoint_url=s3.us-west-004.backblazeb2.com'",
        ])
        #expect(described(Config.s3Pair.with("specific_attributes", "region=x&endpoint_url=https://")) == [
            "/specific_attributes pattern: \(message); found 'endpoint_url=https://'",
        ])
        #expect(described(Config.s3Pair.with("specific_attributes", "endpoint_url=ftp://files.example.com")) == [
            "/specific_attributes pattern: \(message); found 'endpoint_url=ftp://files.example.com'",
        ])
        #expect(described(Config.s3Pair.with("specific_attributes", "endpoint_url=https://a.example&endpoint_url=https://b.example")) == [
            "/specific_attributes not: endpoint_url may appear only once; found 'endpoint_url=https://a.example' and 'endpoint_url=https://b.example'",
        ])
        // Only S3 reads it.
        #expect(described(Config.gcsAnonymous.with("specific_attributes", "endpoint_url=https://s3.example.com")) == [
            "/specific_attributes pattern: Google Cloud Storage reads only the keys prefix, location, project and project_id in specific_attributes; found 'endpoint_url'",
        ])
    }

    /// Spec §4: names AWS reserves are refused on Amazon, allowed on S3-compatible endpoints.
    @Test func awsReservedNamesDependOnEndpointURL() {
        #expect(described(Config.s3Pair.with("resource", "xn--frames")) == [
            "/resource not: Amazon S3 reserves bucket names starting with xn--, sthree- and amzn-s3-demo-; found 'xn--'",
        ])
        #expect(described(Config.s3Pair.with("resource", "frames--ol-s3")) == [
            "/resource not: Amazon S3 reserves bucket names ending in -s3alias, --ol-s3, .mrap, --x-s3 and --table-s3; found '--ol-s3'",
        ])
        let b2 = Config.s3Pair.with("specific_attributes", "endpoint_url=https://s3.us-west-004.backblazeb2.com")
        #expect(Support.problems(b2.with("resource", "xn--frames")).isEmpty)
        // The general S3 rules still apply to S3-compatible services.
        #expect(described(b2.with("resource", "192.168.5.4")) == [
            "/resource not: Amazon S3 bucket names must not look like an IP address; found '192.168.5.4'",
        ])
    }

    /// Spec §5: prefix has no leading / (also %2F) and no empty folder.
    @Test func prefixRules() {
        #expect(Support.problems(Config.azureSAS.with("specific_attributes", "prefix=images/")).isEmpty)
        #expect(described(Config.azureSAS.with("specific_attributes", "prefix=%2Fimages")) == [
            "/specific_attributes not: prefix must not start with /; found 'prefix=%2Fimages'",
        ])
        #expect(described(Config.gcsAnonymous.with("specific_attributes", "location=EU&prefix=a//b")) == [
            "/specific_attributes not: prefix must not contain an empty folder (//); found 'prefix=a//b'",
        ])
    }

    /// Spec §6: each manifest is a canonical relative path ending in .jsonl, reported at its item.
    @Test func manifests() {
        let good: JSONValue = ["manifest.jsonl", "2026/frames/manifest.jsonl"]
        #expect(Support.problems(Config.s3Pair.with("manifests", good)).isEmpty)
        #expect(Support.problems(Config.s3Pair.with("manifests", [])).isEmpty)

        let bad: JSONValue = ["ok.jsonl", "/abs.jsonl", "a/../m.jsonl", "./m.jsonl", "a//m.jsonl", "dir/", "m.json", ""]
        #expect(described(Config.s3Pair.with("manifests", bad)) == [
            "/manifests/1 not: a manifest path must be relative to the bucket, without a leading /; found '/abs.jsonl'",
            "/manifests/2 not: a manifest path must not contain '..'; found 'a/../m.jsonl'",
            "/manifests/3 not: a manifest path must not contain '.' segments; found './m.jsonl'",
            "/manifests/4 not: a manifest path must not contain empty segments (//); found 'a//m.jsonl'",
            "/manifests/5 not: a manifest path must name a file, not end with /; found 'dir/'",
            "/manifests/5 pattern: manifest files are JSON Lines files whose names end in .jsonl; found 'dir/'",
            "/manifests/6 pattern: manifest files are JSON Lines files whose names end in .jsonl; found 'm.json'",
            "/manifests/7 pattern: a manifest path must not be empty; found ''",
            "/manifests/7 pattern: manifest files are JSON Lines files whose names end in .jsonl; found ''",
        ])
        #expect(described(Config.s3Pair.with("manifests", [42])).contains("/manifests/0 type: must be text in double quotes, even a number: write \"42\"; found the number 42"))
        #expect(described(Config.s3Pair.with("manifests", "manifest.jsonl")) == ["/manifests type: must be a list in square brackets, as in [\"manifest.jsonl\"]; found 'manifest.jsonl'"])
        let long = String(repeating: "a", count: 1019) + ".jsonl"
        #expect(described(Config.s3Pair.with("manifests", [.string(long)])) == [
            "/manifests/0 maxLength: must be at most 1024 characters; found 1025 characters",
        ])
    }

    /// Spec §2: every field but manifests is a JSON string; a number is not turned into one.
    @Test func jsonTypesAreStrict() {
        let number = Support.problems(Config.s3Pair.with("resource", 12345))
        #expect(Support.described(number).contains("/resource type: must be text in double quotes, even a number: write \"12345\"; found the number 12345"))
        #expect(number.allSatisfy { $0.pointer == "/resource" && $0.line == 3 && $0.column == 15 })
        #expect(described(Config.s3Pair.with("description", nil)) == ["/description type: must be text in double quotes; to leave the field out, remove its key; found null"])
        #expect(Support.problems(Config.s3Pair.with("description", "")).isEmpty)
        #expect(described(Config.s3Pair.with("display_name", true)) == ["/display_name type: must be text in double quotes; found true"])
        // Code points, not bytes or UTF-16 units: 63 emoji fit the 63-character limit, 64 do not.
        #expect(Support.problems(Config.s3Pair.with("display_name", .string(String(repeating: "😀", count: 63)))).isEmpty)
        #expect(described(Config.s3Pair.with("display_name", .string(String(repeating: "😀", count: 64)))) == [
            "/display_name maxLength: must be at most 63 characters; found 64 characters",
        ])
        #expect(Support.problems(Config.s3Pair.with("$schema", "https://docgen.dev/schemas/cloud-storage.schema.json")).isEmpty)
    }

    /// A value of the wrong type gets the type error alone. The catalog's `notPattern` rules
    /// were `{"not": {"pattern": …}}`, and `pattern` ignores non-strings, so the `not` failed for
    /// every number, object or list: 12345 "must not look like an IP address", etc.
    @Test func nonStringValuesGetOnlyTheTypeError() {
        #expect(described(Config.s3Pair.with("resource", 12345)) == ["/resource type: must be text in double quotes, even a number: write \"12345\"; found the number 12345"])
        #expect(described(Config.s3Pair.with("manifests", [42])) == ["/manifests/0 type: must be text in double quotes, even a number: write \"42\"; found the number 42"])
        #expect(described(Config.s3Pair.with("specific_attributes", ["region": "eu"])) == [
            "/specific_attributes type: must be text in double quotes; found an object",
        ])
    }

    /// Spec §2: lengths count Unicode code points. "e\u{301}" is two code points but one
    /// Character, so 32 of them (64 code points) exceed display_name's 63.
    @Test func lengthsCountCodePoints() {
        let combining = String(repeating: "e\u{301}", count: 32)
        let problems = Support.problems(Config.s3Pair.with("display_name", .string(combining)))
        #expect(Support.located(problems) == ["4:19 /display_name maxLength"])
    }

    /// …and the message gives that same count (it once counted Characters: "found 32 characters").
    @Test func lengthMessageCountsCodePoints() {
        let combining = String(repeating: "e\u{301}", count: 32)
        #expect(described(Config.s3Pair.with("display_name", .string(combining))) == [
            "/display_name maxLength: must be at most 63 characters; found 64 characters",
        ])
    }
}
