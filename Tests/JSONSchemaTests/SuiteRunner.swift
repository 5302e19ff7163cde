import Foundation
import JSON
import JSONSchema

/// Runs files of the official JSON-Schema-Test-Suite (in ../shared beside the repository).
struct SuiteRunner {
    struct Outcome {
        var passed = 0
        var total = 0
        /// "file: group / test" → what went wrong.
        var failures: [(id: String, problem: String)] = []
    }

    static let suiteRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent()  // JSONSchemaTests
        .deletingLastPathComponent()  // Tests
        .deletingLastPathComponent()  // the repository
        .deletingLastPathComponent()  // its parent, where shared/ lives
        .appendingPathComponent("shared/json-schema-test-suite")

    static var isAvailable: Bool {
        FileManager.default.fileExists(atPath: suiteRoot.appendingPathComponent("draft2020-12").path)
    }

    /// Serves http://localhost:1234/… from remotes/, as the suite's README asks; nothing else.
    static func remote(_ uri: String) -> JSONValue? {
        let prefix = "http://localhost:1234/"
        guard uri.hasPrefix(prefix) else { return nil }
        let file = suiteRoot.appendingPathComponent("remotes").appendingPathComponent(String(uri.dropFirst(prefix.count)))
        guard let data = FileManager.default.contents(atPath: file.path) else { return nil }
        return try? JSONDocument(data: data).root
    }

    /// The .json files under `folder` (relative to draft2020-12), sorted, optionally recursing.
    static func files(in folder: String, recursive: Bool, excluding excluded: Set<String> = []) -> [String] {
        let base = suiteRoot.appendingPathComponent("draft2020-12")
        let start = folder.isEmpty ? base : base.appendingPathComponent(folder)
        var result: [String] = []
        var pending = [start]
        while let dir = pending.popLast() {
            let names = (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []
            for name in names {
                let url = dir.appendingPathComponent(name)
                var isDir: ObjCBool = false
                _ = FileManager.default.fileExists(atPath: url.path, isDirectory: &isDir)
                let relative = String(url.path.dropFirst(base.path.count + 1))
                if isDir.boolValue {
                    if recursive && !excluded.contains(relative) { pending.append(url) }
                } else if name.hasSuffix(".json") {
                    result.append(relative)
                }
            }
        }
        return result.sorted()
    }

    static func run(files: [String], assertFormats: Bool = false) throws -> Outcome {
        var outcome = Outcome()
        let base = suiteRoot.appendingPathComponent("draft2020-12")
        for file in files {
            let data = try Data(contentsOf: base.appendingPathComponent(file))
            guard case .array(let groups) = try JSONDocument(data: data).root else { continue }
            for group in groups {
                let description = group["description"]?.stringValue ?? "?"
                let tests = group["tests"]?.arrayValue ?? []
                let schema: CompiledSchema?
                var compileProblem = ""
                do {
                    schema = try CompiledSchema(root: group["schema"] ?? true, assertFormats: assertFormats, remotes: remote)
                } catch {
                    schema = nil
                    compileProblem = "schema did not compile: \(error)"
                }
                for test in tests {
                    outcome.total += 1
                    let id = "\(file): \(description) / \(test["description"]?.stringValue ?? "?")"
                    guard let schema else {
                        outcome.failures.append((id, compileProblem))
                        continue
                    }
                    let expected = test["valid"] == .bool(true)
                    let errors = schema.validate(test["data"] ?? .null)
                    if errors.isEmpty == expected && schema.isValid(test["data"] ?? .null) == expected {
                        outcome.passed += 1
                    } else {
                        let got = errors.isEmpty ? "valid" : "invalid (\(errors.map(\.description).joined(separator: "; ")))"
                        outcome.failures.append((id, "expected \(expected ? "valid" : "invalid"), got \(got)"))
                    }
                }
            }
        }
        return outcome
    }
}
