import Testing
@testable import ConfigValidation

/// The example configs of Tests/CLITests/Fixtures/configs, validated in-process.
@Suite struct FixtureTests {
    @Test(arguments: ["aws-s3-valid.json", "backblaze-b2-valid.json", "azure-blob-valid.json", "google-cloud-storage-valid.yaml"])
    func validExampleHasNoProblems(file: String) throws {
        let problems = Support.problems(try Support.fixture(file), file: file)
        #expect(problems.isEmpty, "\(problems)")
    }

    /// Positions checked by counting columns in the fixture files; messages from validate-expected.txt.
    @Test func awsExampleReportsEveryProblemAtItsPlace() throws {
        let problems = Support.problems(try Support.fixture("aws-s3-invalid.json"), file: "aws-s3-invalid.json")
        #expect(Support.located(problems) == [
            "1:1 /secret_key required",             // missing: reported at the object, pointer where it would go
            "3:15 /resource pattern",               // "My_Bucket": 'M', '_' and 'B', one message for them all
            "7:3 /secret_access_key additionalProperties",  // at the key, not its value
            "8:26 /specific_attributes not",        // prefix=/frames
            "9:17 /manifests/0 not",                // ../manifest.jsonl, at the item inside the list
        ])
        #expect(problems.allSatisfy { $0.file == "aws-s3-invalid.json" })
        #expect(problems.first { $0.pointer == "/manifests/0" }?.message == "a manifest path must not contain '..'; found '../manifest.jsonl'")
    }

    @Test func otherInvalidExamples() throws {
        func located(_ file: String) throws -> [String] { Support.located(Support.problems(try Support.fixture(file), file: file)) }
        #expect(try located("azure-blob-invalid.json") == [
            "3:15 /resource not", "5:23 /credentials_type enum", "6:19 /account_name pattern",
        ])
        #expect(try located("backblaze-b2-invalid.json") == ["8:20 /session_token not", "9:26 /specific_attributes pattern"])
        #expect(try located("google-cloud-storage-invalid.json") == [
            "3:15 /resource not", "3:15 /resource not", "4:19 /display_name pattern", "6:10 /key not",
            "7:26 /specific_attributes pattern", "8:17 /manifests/0 not", "8:17 /manifests/0 pattern",
        ])
        #expect(try located("secret-too-long.json") == ["6:10 /key maxLength", "7:17 /secret_key maxLength"])
        #expect(try located("unknown-provider.json") == ["2:20 /provider_type enum"])
    }
}
