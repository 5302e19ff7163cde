import Testing
import JSON
import JSONSchema

/// The fields of reported errors for representative failures.
@Suite struct ErrorDetailTests {
    static let storageSchema: JSONValue = try! JSONDocument(text: """
    {
      "type": "object",
      "required": ["provider_type", "resource", "key"],
      "additionalProperties": false,
      "properties": {
        "provider_type": {"enum": ["AWS_S3_BUCKET", "AZURE_CONTAINER", "GOOGLE_CLOUD_STORAGE"]},
        "resource": {"type": "string", "maxLength": 128},
        "key": {"type": "string", "title": "Access key", "x-docgen-message": "Use the key ID from the AWS console"},
        "secret_key": {"type": "string", "minLength": 40},
        "port": {"type": "integer", "minimum": 1, "exclusiveMaximum": 65536, "multipleOf": 1},
        "tags": {"type": "array", "items": {"type": "string"}, "uniqueItems": true, "maxItems": 3}
      },
      "allOf": [
        {"if": {"properties": {"provider_type": {"const": "AWS_S3_BUCKET"}}},
         "then": {"properties": {"resource": {"pattern": "^[a-z0-9.-]+$"}}}},
        {"if": {"properties": {"provider_type": {"const": "AZURE_CONTAINER"}}},
         "then": {"properties": {"resource": {"pattern": "^[a-z0-9-]+$"}}}}
      ]
    }
    """).root

    private func errors(_ instance: String, schema: JSONValue = storageSchema) throws -> [ValidationError] {
        try CompiledSchema(root: schema).validate(try JSONDocument(text: instance).root)
    }

    @Test func validInstanceHasNoErrors() throws {
        #expect(try errors(#"{"provider_type": "AWS_S3_BUCKET", "resource": "my.bucket", "key": "k", "port": 443}"#).isEmpty)
    }

    @Test func representativeFailures() throws {
        let found = try errors("""
        {"provider_type": "AWS_S3_BUCKET", "resource": "My_Bucket", "bucket_name": "x",
         "secret_key": "short", "port": 70000.5, "tags": ["a", 1, "a", "b"]}
        """)
        let summary = found.map { "\($0.instancePointer) | \($0.keyword) | \($0.schemaPointer) | \($0.message)" }
        #expect(summary == [
            " | required | /required | missing required property 'key'",
            "/resource | pattern | /allOf/0/then/properties/resource/pattern | must match the pattern ^[a-z0-9.-]+$",
            "/bucket_name | additionalProperties | /additionalProperties | property 'bucket_name' is not allowed",
            "/secret_key | minLength | /properties/secret_key/minLength | must be at least 40 characters",
            "/port | type | /properties/port/type | must be an integer",
            "/port | exclusiveMaximum | /properties/port/exclusiveMaximum | must be less than 65536",
            "/port | multipleOf | /properties/port/multipleOf | must be a multiple of 1",
            "/tags | uniqueItems | /properties/tags/uniqueItems | must not contain duplicate items (items 0 and 2 are equal)",
            "/tags | maxItems | /properties/tags/maxItems | must have at most 3 items",
            "/tags/1 | type | /properties/tags/items/type | must be a string",
        ])
    }

    @Test func messagesNeverContainTheValue() throws {
        let secret = "S3cr3t-Value-0123456789"
        let found = try errors("""
        {"provider_type": "\(secret)", "resource": "\(secret)\(String(repeating: "x", count: 200))",
         "key": ["\(secret)"], "secret_key": "\(secret)"}
        """)
        #expect(found.count == 4)
        for error in found {
            #expect(!error.message.contains(secret))
            #expect(!error.description.contains(secret))
        }
        #expect(found[0].message == "must be one of: AWS_S3_BUCKET, AZURE_CONTAINER, GOOGLE_CLOUD_STORAGE")
        #expect(found[1].message == "must be at most 128 characters")
    }

    @Test func errorsCarryTheSchemaObjectAndLocation() throws {
        let found = try errors(#"{"provider_type": "AZURE_CONTAINER", "resource": "r", "key": 5}"#)
        #expect(found.count == 1)
        let error = found[0]
        #expect(error.instancePointer == "/key")
        #expect(error.keyword == "type")
        #expect(error.schema["x-docgen-message"] == .string("Use the key ID from the AWS console"))
        #expect(error.schema["title"] == .string("Access key"))
        #expect(error.schemaLocation == "\(CompiledSchema.defaultBaseURI)#/properties/key/type")
        // For a `false` subschema the holder of the keyword is reported.
        let extra = try errors(#"{"provider_type": "AZURE_CONTAINER", "resource": "r", "key": "k", "x": 1}"#)
        #expect(extra.first?.schema["additionalProperties"] == .bool(false))
        #expect(extra.first?.schemaLocation == "\(CompiledSchema.defaultBaseURI)#/additionalProperties")
    }

    @Test func oneErrorPerUnevaluatedProperty() throws {
        let schema: JSONValue = [
            "properties": ["a": true],
            "allOf": [["properties": ["b": true]]],
            "unevaluatedProperties": false,
        ]
        let found = try errors(#"{"a": 1, "x": 2, "b": 3, "y": 4}"#, schema: schema)
        #expect(found.map(\.instancePointer) == ["/x", "/y"])
        #expect(found.map(\.keyword) == ["unevaluatedProperties", "unevaluatedProperties"])
        #expect(found.map(\.message) == ["property 'x' is not allowed", "property 'y' is not allowed"])
        #expect(found.map(\.schemaPointer) == ["/unevaluatedProperties", "/unevaluatedProperties"])
    }

    @Test func anyOfAndOneOfReportOnceWithCauses() throws {
        let schema: JSONValue = [
            "properties": [
                "a": ["anyOf": [["type": "string"], ["type": "integer", "minimum": 10]]],
                "b": ["oneOf": [["type": "integer"], ["minimum": 0]]],
            ],
        ]
        let found = try errors(#"{"a": 5, "b": 3}"#, schema: schema)
        #expect(found.count == 2)
        #expect(found[0].keyword == "anyOf")
        #expect(found[0].instancePointer == "/a")
        #expect(found[0].message == "must match at least one of the 2 allowed schemas (anyOf)")
        #expect(found[0].causes.map(\.schemaPointer) == ["/properties/a/anyOf/0/type", "/properties/a/anyOf/1/minimum"])
        #expect(found[1].keyword == "oneOf")
        #expect(found[1].message == "must match exactly one of the 2 allowed schemas (oneOf), but matches #0 and #1")
    }

    @Test func referencesShowInTheEvaluationPath() throws {
        let schema: JSONValue = [
            "$defs": ["name": ["type": "string", "maxLength": 3]],
            "properties": ["a": ["$ref": "#/$defs/name"]],
        ]
        let found = try errors(#"{"a": "long"}"#, schema: schema)
        #expect(found.map(\.schemaPointer) == ["/properties/a/$ref/maxLength"])
        #expect(found.map(\.schemaLocation) == ["\(CompiledSchema.defaultBaseURI)#/$defs/name/maxLength"])
    }

    @Test func errorsFollowDocumentOrderOfTheInstance() throws {
        let schema: JSONValue = ["additionalProperties": ["type": "string"], "required": ["zz"]]
        let found = try errors(#"{"c": 1, "a": 2, "b": "ok", "d": 3}"#, schema: schema)
        #expect(found.map(\.instancePointer) == ["", "/c", "/a", "/d"])
    }

    @Test func propertyNamesAndDependencies() throws {
        let schema: JSONValue = [
            "propertyNames": ["maxLength": 3],
            "dependentRequired": ["key": ["secret_key"]],
        ]
        let found = try errors(#"{"key": 1, "toolong": 2}"#, schema: schema)
        #expect(found.map(\.message) == [
            "missing property 'secret_key', which is required when 'key' is present",
            "property name 'toolong' is not allowed",
        ])
        #expect(found[1].instancePointer == "/toolong")
        #expect(found[1].causes.map(\.message) == ["must be at most 3 characters"])
    }
}

@Suite struct DiagnosticPositionTests {
    @Test func errorsPointIntoTheInstanceText() throws {
        let text = """
        {
          "provider_type": "AWS_S3_BUCKET",
          "resource": "Bad_Bucket", "key": "k",
          "bucket_name": "x"
        }
        """
        let document = try JSONDocument(text: text)
        let found = try CompiledSchema(root: ErrorDetailTests.storageSchema).validate(document.root)
        let lines = found.map { $0.diagnostic(file: "s3.json", document: document).description }
        #expect(lines == [
            "s3.json:3:15: error: must match the pattern ^[a-z0-9.-]+$",
            "s3.json:4:3: error: property 'bucket_name' is not allowed",
        ])
    }
}

@Suite struct FormatTests {
    @Test func formatsAreAnnotationsUnlessAsserted() throws {
        let schema: JSONValue = ["properties": ["when": ["format": "date-time"], "host": ["format": "hostname"]]]
        let instance: JSONValue = ["when": "yesterday", "host": "-bad-.example"]
        #expect(try CompiledSchema(root: schema).validate(instance).isEmpty)
        let found = try CompiledSchema(root: schema, assertFormats: true).validate(instance)
        #expect(found.map { "\($0.instancePointer) \($0.keyword): \($0.message)" } == [
            "/when format: must be a valid date-time (RFC 3339, e.g. 2024-05-01T12:00:00Z)",
            "/host format: must be a valid hostname",
        ])
        let good: JSONValue = ["when": "2024-02-29T23:59:60Z", "host": "bucket.s3.amazonaws.com"]
        #expect(try CompiledSchema(root: schema, assertFormats: true).validate(good).isEmpty)
    }
}
