import Foundation
import Testing

/// Everything docgen validate enforces is in the generated schema, so Python's `jsonschema` must
/// reach the same verdict on every config.
struct CrossCheckTests {
    static var pythonHasJSONSchema: Bool {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", "import jsonschema, yaml"]
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return false }
        process.waitUntilExit()
        return process.terminationStatus == 0
    }

    @Test(.enabled(if: pythonHasJSONSchema, "python3 with jsonschema and PyYAML is not installed (pip install jsonschema pyyaml)"))
    func pythonJSONSchemaAgreesOnEveryConfig() throws {
        let cli = BuildCommandTests()
        let dir = NSTemporaryDirectory() + "docgen-cross-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }

        var files = ValidateCommandTests.fixtureFiles.map { ValidateCommandTests.configs + "/" + $0 }
        let generator = BuildCommandTests.packageRoot.appendingPathComponent("../shared/bench/gen-configs.py").standardizedFileURL.path
        if FileManager.default.fileExists(atPath: generator) {
            try run("/usr/bin/env", ["python3", generator, "300", dir + "/generated"])
            files += try FileManager.default.contentsOfDirectory(atPath: dir + "/generated").sorted().map { dir + "/generated/" + $0 }
        } else {
            print("../shared/bench/gen-configs.py is absent: cross-checking the fixtures only")
        }
        let schema = try cli.run(["schema"])
        try schema.out.write(toFile: dir + "/schema.json", atomically: true, encoding: .utf8)

        let docgen = try cli.run(["validate", "--format", "json"] + files)
        let report = try JSONSerialization.jsonObject(with: Data(docgen.out.utf8)) as! [String: Any]
        let ours = Dictionary(uniqueKeysWithValues: (report["files"] as! [[String: Any]]).map { ($0["file"] as! String, $0["valid"] as! Bool) })

        let script = """
        import json, sys, yaml, jsonschema
        schema = json.load(open(sys.argv[1]))
        validator = jsonschema.Draft202012Validator(schema)
        for path in sys.argv[2:]:
            try:
                text = open(path, encoding="utf-8").read()
                data = yaml.safe_load(text) if path.endswith((".yaml", ".yml")) else json.loads(text)
                print(path, validator.is_valid(data))
            except Exception:
                print(path, False)  # unreadable JSON is invalid for both
        """
        try script.write(toFile: dir + "/check.py", atomically: true, encoding: .utf8)
        let python = try run("/usr/bin/env", ["python3", dir + "/check.py", dir + "/schema.json"] + files)
        var theirs: [String: Bool] = [:]
        for line in python.split(separator: "\n") {
            let parts = line.split(separator: " ")
            theirs[String(parts[0])] = parts[1] == "True"
        }
        let disagreements = files.filter { ours[$0] != theirs[$0] }
        print("cross-check with Python jsonschema: \(files.count) configs, \(files.count - disagreements.count) same verdict, \(ours.values.filter { !$0 }.count) invalid")
        #expect(files.count > 10)
        #expect(disagreements.isEmpty, "verdicts differ: \(disagreements)")
    }

    @discardableResult
    func run(_ tool: String, _ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = arguments
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }
}
