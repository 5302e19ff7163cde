import Foundation
import Testing
import JSON
import JSONSchema

@Suite struct ConcurrencyTests {
    /// One compiled schema shared by many threads gives each the same answers as a serial run.
    @Test func oneSchemaManyThreads() throws {
        let compiled = try CompiledSchema(root: ErrorDetailTests.storageSchema)
        let instances: [JSONValue] = try [
            #"{"provider_type": "AWS_S3_BUCKET", "resource": "ok.bucket", "key": "k"}"#,
            #"{"provider_type": "AWS_S3_BUCKET", "resource": "Bad_Bucket", "key": "k", "extra": 1}"#,
            #"{"provider_type": "AZURE_CONTAINER", "resource": "a.b", "tags": ["x", "x"]}"#,
            #"{"port": 0}"#,
        ].map { try JSONDocument(text: $0).root }
        let expected = instances.map { compiled.validate($0) }
        let rounds = 400
        let mismatches = LockedBox(0)
        DispatchQueue.concurrentPerform(iterations: 8) { worker in
            for round in 0..<rounds {
                let k = (worker + round) % instances.count
                if compiled.validate(instances[k]) != expected[k] { mismatches.withLock { $0 += 1 } }
            }
        }
        #expect(mismatches.withLock { $0 } == 0)
        #expect(expected.map(\.count) == [0, 2, 3, 4])
    }

    /// Patterns outside the built-in matcher's subset run on NSRegularExpression, shared too.
    @Test func foundationPatternsAcrossThreads() throws {
        let compiled = try CompiledSchema(root: ["items": ["pattern": "^(?=.*\\d)\\b\\w+\\b$"]])
        let instance: JSONValue = ["abc1", "abc", "a1 b", "x9"]
        let expected = compiled.validate(instance)
        #expect(expected.map(\.instancePointer) == ["/1", "/2"])
        let mismatches = LockedBox(0)
        DispatchQueue.concurrentPerform(iterations: 8) { _ in
            for _ in 0..<200 where compiled.validate(instance) != expected {
                mismatches.withLock { $0 += 1 }
            }
        }
        #expect(mismatches.withLock { $0 } == 0)
    }
}

/// A minimal lock-protected box, so the test needs nothing beyond Foundation.
final class LockedBox<Value>: @unchecked Sendable {
    private var value: Value
    private let lock = NSLock()
    init(_ value: Value) { self.value = value }
    func withLock<T>(_ body: (inout Value) -> T) -> T {
        lock.lock()
        defer { lock.unlock() }
        return body(&value)
    }
}
