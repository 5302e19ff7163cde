import Foundation
import Testing

/// `docgen validate` through the binary: verdicts, positions, formats, secrets, hostile input.
struct ValidateCommandTests {
    let cli = BuildCommandTests()
    static let configs = BuildCommandTests.packageRoot.appendingPathComponent("Tests/CLITests/Fixtures/configs").path
    static var fixtureFiles: [String] {
        (try? FileManager.default.contentsOfDirectory(atPath: configs))?.filter { $0.hasSuffix(".json") || $0.hasSuffix(".yaml") }.sorted() ?? []
    }

    func validate(_ arguments: [String], input: Data? = nil) throws -> (status: Int32, out: String, err: String) {
        let process = Process()
        process.executableURL = BuildCommandTests.binary
        process.arguments = ["validate"] + arguments
        process.currentDirectoryURL = URL(fileURLWithPath: Self.configs)
        let out = Pipe(), err = Pipe(), inPipe = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = inPipe
        try process.run()
        if let input { inPipe.fileHandleForWriting.write(input) }
        try inPipe.fileHandleForWriting.close()
        let o = out.fileHandleForReading.readDataToEndOfFile(), e = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: o, as: UTF8.self), String(decoding: e, as: UTF8.self))
    }

    @Test(arguments: ["aws-s3-valid.json", "backblaze-b2-valid.json", "azure-blob-valid.json", "google-cloud-storage-valid.yaml"])
    func validExamplePasses(file: String) throws {
        let result = try validate([file])
        #expect(result.status == 0)
        #expect(result.out == "docgen: 1 config valid\n")
    }

    /// The whole report for every invalid example, reviewed by hand: positions, pointers, messages.
    @Test func invalidExamplesReportEveryProblem() throws {
        let files = Self.fixtureFiles.filter { $0.contains("invalid") || $0.hasPrefix("secret") || $0.hasPrefix("unknown") }
        let result = try validate(files)
        #expect(result.status == 1)
        let golden = BuildCommandTests.packageRoot.appendingPathComponent("Tests/CLITests/Fixtures/validate-expected.txt").path
        if ProcessInfo.processInfo.environment["DOCGEN_UPDATE_GOLDEN"] == "1" {
            try result.out.write(toFile: golden, atomically: true, encoding: .utf8)
        }
        #expect(result.out == (try String(contentsOfFile: golden, encoding: .utf8)))
    }

    @Test(arguments: ["text", "json", "github"])
    func secretsNeverReachAnyOutput(format: String) throws {
        // Every secret in the fixtures contains this marker; none may be printed, valid or not.
        let result = try validate(Self.fixtureFiles + ["--format", format])
        #expect(!result.out.contains("EXAMPLE-SECRET"))
        #expect(!result.err.contains("EXAMPLE-SECRET"))
        #expect(!result.out.contains("AKIAEXAMPLE"))
    }

    @Test func jsonFormatHasPointerPositionKeywordAndMessage() throws {
        let result = try validate(["aws-s3-invalid.json", "aws-s3-valid.json", "--format", "json"])
        #expect(result.status == 1)
        let json = try JSONSerialization.jsonObject(with: Data(result.out.utf8)) as! [String: Any]
        let files = json["files"] as! [[String: Any]]
        #expect(files.map { $0["valid"] as! Bool } == [false, true])
        let first = (files[0]["errors"] as! [[String: Any]]).first { $0["pointer"] as? String == "/resource" }!
        #expect(first["line"] as? Int == 3)
        #expect(first["column"] as? Int == 15)
        #expect(first["keyword"] as? String == "pattern")
        #expect(first["message"] as? String == "Amazon S3 bucket names use lowercase letters, digits, dots and hyphens; found 'M', '_' and 'B' in 'My_Bucket'")
        #expect(first["label"] as? String == "Bucket name")
    }

    @Test func standardInputAndYAML() throws {
        let yaml = try Data(contentsOf: URL(fileURLWithPath: Self.configs + "/google-cloud-storage-valid.yaml"))
        #expect(try validate(["-"], input: yaml).status == 0)
        let result = try validate(["-"], input: Data("provider_type: AWS_S3_BUCKET\nresource: Bad\n".utf8))
        #expect(result.status == 1)
        #expect(result.out.contains("<stdin>:2:11: error: Bucket name (/resource): Amazon S3 bucket names use lowercase letters"))
    }

    @Test func hostileInputGetsAClearErrorAndNoCrash() throws {
        let dir = NSTemporaryDirectory() + "docgen-hostile-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let cases: [(String, Data, String)] = [
            ("empty.json", Data(), "empty.json:1:1: error: file is empty"),
            ("utf8.json", Data([0x7B, 0x22, 0x61, 0x22, 0x3A, 0x22, 0xFF, 0x22, 0x7D]), "utf8.json:1:7: error: file is not valid UTF-8 from here on: save it as UTF-8"),
            ("deep.json", Data(String(repeating: "[", count: 100_000).utf8), "deep.json:1:1001: error:"),
            ("big.json", Data(("{\"description\": \"" + String(repeating: "a", count: 10_000_000) + "\"}").utf8), "big.json:1:1: error: Provider (/provider_type): missing"),
        ]
        for (name, data, _) in cases { FileManager.default.createFile(atPath: dir + "/" + name, contents: data) }
        for (name, _, expected) in cases {
            let result = try validate([dir + "/" + name])
            #expect(result.status == 1, "\(name)")
            #expect(result.out.contains(dir + "/" + expected), "\(name): \(result.out.prefix(300))")
        }
    }

    /// Past `Limits.configFileBytes` the file is not read at all (a sparse file: nothing is written).
    @Test func configPastTheSizeLimitIsRefusedUnread() throws {
        let file = NSTemporaryDirectory() + "docgen-huge-\(UUID().uuidString).json"
        FileManager.default.createFile(atPath: file, contents: nil)
        defer { try? FileManager.default.removeItem(atPath: file) }
        #expect(truncate(file, off_t(33 << 20)) == 0)
        let result = try validate([file])
        #expect(result.status == 2)
        #expect(result.out.hasPrefix("\(file):1:1: error: the file is 33 MiB; configs may be at most 32 MiB\n"))
    }

    @Test func missingFileAndBadUsageExitWithTwo() throws {
        let missing = try validate(["does-not-exist.json"])
        #expect(missing.status == 2)
        #expect(missing.out.hasPrefix("does-not-exist.json:1:1: error: cannot read the file: there is no such file; check the path (it is relative to the folder docgen runs in, \(Self.configs))\n"))
        let device = try validate(["/dev/null"])
        #expect(device.status == 2)
        #expect(device.out.hasPrefix("/dev/null:1:1: error: cannot read the file: it is a device or a pipe, not a file\n"))
        #expect(try validate([]).status == 2)
        #expect(try validate(["--format", "yaml", "aws-s3-valid.json"]).status == 2)
        #expect(try validate(["aws-s3-valid.json", "--schema", "no-such-schema.json"]).status == 2)
    }

    @Test func anyJSONSchemaWithSchemaOption() throws {
        let dir = NSTemporaryDirectory() + "docgen-schema-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try #"{"$schema": "https://json-schema.org/draft/2020-12/schema", "type": "object", "properties": {"n": {"$ref": "defs.json#/$defs/small"}}}"#
            .write(toFile: dir + "/s.json", atomically: true, encoding: .utf8)
        try #"{"$defs": {"small": {"type": "integer", "maximum": 3}}}"#.write(toFile: dir + "/defs.json", atomically: true, encoding: .utf8)
        try #"{"n": 7}"#.write(toFile: dir + "/i.json", atomically: true, encoding: .utf8)
        let result = try validate([dir + "/i.json", "--schema", dir + "/s.json"])
        #expect(result.status == 1)
        #expect(result.out.contains("i.json:1:7: error: /n: must be at most 3; found the number 7"))
    }
}
