import Foundation
import JSON
import StorageCatalog
@testable import ConfigValidation

/// Shared by the suites: the validator `docgen validate` uses, and configs built member by member.
enum Support {
    static let validator: ConfigValidator = {
        do { return try ConfigValidator(schema: SchemaGenerator.schema(Catalog.bundled)) } catch {
            fatalError("the generated schema does not compile: \(error)")
        }
    }()

    /// The repository root, from this file's place in Tests/ConfigValidationTests/.
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let fixtures = packageRoot.appendingPathComponent("Tests/CLITests/Fixtures/configs")

    static func fixture(_ name: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: fixtures.appendingPathComponent(name)))
    }

    /// What `docgen validate` does with one file: a parse problem, or the validator's problems.
    static func problems(_ bytes: [UInt8], file: String, yaml: Bool? = nil) -> [ConfigProblem] {
        let isYAML = yaml ?? (file.hasSuffix(".yaml") || file.hasSuffix(".yml"))
        switch ConfigDocument.load(bytes: bytes, file: file, isYAML: isYAML) {
        case .failure(let diagnostic):
            return [ConfigProblem(file: file, line: diagnostic.location.line, column: diagnostic.location.column,
                                  pointer: "", keyword: "parse", message: diagnostic.message)]
        case .success(let document):
            return validator.validate(document)
        }
    }

    static func problems(_ text: String, file: String = "config.json", yaml: Bool? = nil) -> [ConfigProblem] {
        problems(Array(text.utf8), file: file, yaml: yaml)
    }

    static func problems(_ config: Config) -> [ConfigProblem] { problems(config.text) }

    /// Where, at what and why, one string per problem, sorted so the schema's order does not matter.
    static func located(_ problems: [ConfigProblem]) -> [String] {
        problems.map { "\($0.line):\($0.column) \($0.pointer) \($0.keyword)" }.sorted()
    }

    /// Pointer, keyword and message, sorted.
    static func described(_ problems: [ConfigProblem]) -> [String] {
        problems.map { "\($0.pointer) \($0.keyword): \($0.message)" }.sorted()
    }
}

/// A JSON config, one member per line ("  \"key\": value"), so member N (0-based) is on line N + 2.
struct Config {
    var members: [(String, JSONValue)]

    init(_ members: [(String, JSONValue)]) { self.members = members }

    func with(_ key: String, _ value: JSONValue) -> Config {
        var copy = self
        if let i = copy.members.firstIndex(where: { $0.0 == key }) { copy.members[i].1 = value } else { copy.members.append((key, value)) }
        return copy
    }

    func without(_ key: String) -> Config {
        Config(members.filter { $0.0 != key })
    }

    var text: String {
        "{\n" + members.map { "  \"\($0.0)\": \($0.1.serialized())" }.joined(separator: ",\n") + "\n}\n"
    }

    // One valid config for each provider × credentials type the spec allows.
    static let s3Pair = Config([
        ("provider_type", "AWS_S3_BUCKET"), ("resource", "frames"), ("display_name", "Frames"),
        ("credentials_type", "KEY_SECRET_KEY_PAIR"), ("key", "AKIAIOSFODNN7EXAMPLE"), ("secret_key", "not-the-secret-0001"),
    ])
    static let s3Anonymous = Config([
        ("provider_type", "AWS_S3_BUCKET"), ("resource", "frames"), ("display_name", "Frames"), ("credentials_type", "ANONYMOUS_ACCESS"),
    ])
    static let azureSAS = Config([
        ("provider_type", "AZURE_CONTAINER"), ("resource", "frames"), ("display_name", "Frames"),
        ("credentials_type", "ACCOUNT_NAME_TOKEN_PAIR"), ("account_name", "cvatstore01"), ("session_token", "sv=2022&sig=abc"),
    ])
    static let azureConnection = Config([
        ("provider_type", "AZURE_CONTAINER"), ("resource", "frames"), ("display_name", "Frames"),
        ("credentials_type", "CONNECTION_STRING"), ("connection_string", "DefaultEndpointsProtocol=https;AccountKey=abc"),
    ])
    static let azureAnonymous = Config([
        ("provider_type", "AZURE_CONTAINER"), ("resource", "frames"), ("display_name", "Frames"),
        ("credentials_type", "ANONYMOUS_ACCESS"), ("account_name", "cvatstore01"),
    ])
    static let gcsKeyFile = Config([
        ("provider_type", "GOOGLE_CLOUD_STORAGE"), ("resource", "frames"), ("display_name", "Frames"),
        ("credentials_type", "KEY_FILE_PATH"), ("key_file", "keys/sa.json"),
    ])
    static let gcsAnonymous = Config([
        ("provider_type", "GOOGLE_CLOUD_STORAGE"), ("resource", "frames"), ("display_name", "Frames"), ("credentials_type", "ANONYMOUS_ACCESS"),
    ])
}
