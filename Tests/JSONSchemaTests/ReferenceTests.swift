import Foundation
import Testing
import JSON
import JSONSchema

@Suite struct ReferenceTests {
    @Test func referenceCyclesReportAnErrorInsteadOfHanging() throws {
        let schema: JSONValue = [
            "$defs": ["a": ["$ref": "#/$defs/b"], "b": ["$ref": "#/$defs/a"]],
            "$ref": "#/$defs/a",
        ]
        let found = try CompiledSchema(root: schema).validate(["x": 1])
        #expect(found.count == 1)
        #expect(found.first?.keyword == "$ref")
        #expect(found.first?.message == "the schema's references loop back to themselves here without checking anything")
    }

    @Test func recursiveSchemasWorkOnRecursiveData() throws {
        let schema: JSONValue = [
            "type": "object",
            "properties": ["name": ["type": "string"], "children": ["type": "array", "items": ["$ref": "#"]]],
        ]
        let compiled = try CompiledSchema(root: schema)
        let tree: JSONValue = ["name": "a", "children": [["name": "b", "children": [["name": 3]]]]]
        #expect(compiled.validate(tree).map(\.instancePointer) == ["/children/0/children/0/name"])
    }

    @Test func tooDeepEvaluationIsAnErrorNotACrash() throws {
        // The deepest document the reader accepts, against a schema that follows it all the way.
        let text = String(repeating: "[", count: 1000) + String(repeating: "]", count: 1000)
        let instance = try JSONDocument(text: text).root
        let compiled = try CompiledSchema(root: ["items": ["$ref": "#"]])
        // Debug builds use far bigger stack frames than release ones; give the thread room.
        let result = LockedBox<[ValidationError]>([])
        let done = DispatchSemaphore(value: 0)
        let thread = Thread {
            let errors = compiled.validate(instance)
            result.withLock { $0 = errors }
            done.signal()
        }
        thread.stackSize = 16 << 20
        thread.start()
        done.wait()
        let found = result.withLock { $0 }
        #expect(found.count == 1)
        #expect(found.first?.message == "the schema nests deeper than 500 levels here; it cannot be evaluated")
    }

    @Test func unresolvableReferencesFailToCompile() {
        #expect(throws: SchemaError.self) {
            _ = try CompiledSchema(root: ["$ref": "other.json#/nope"])
        }
        #expect(throws: SchemaError.self) {
            _ = try CompiledSchema(root: ["$ref": "#/$defs/missing"])
        }
        #expect(throws: SchemaError.self) {
            _ = try CompiledSchema(root: ["pattern": "("])
        }
    }

    @Test func remoteDocumentsComeFromTheCallback() throws {
        var asked: [String] = []
        let compiled = try CompiledSchema(
            root: ["$id": "https://example.com/config.json", "properties": ["port": ["$ref": "types.json#/$defs/port"]]],
            remotes: { uri in
                asked.append(uri)
                return uri == "https://example.com/types.json"
                    ? ["$defs": ["port": ["type": "integer", "maximum": 65535]]] : nil
            })
        #expect(asked == ["https://example.com/types.json"])
        let found = compiled.validate(["port": 70000])
        #expect(found.map(\.schemaLocation) == ["https://example.com/types.json#/$defs/port/maximum"])
    }

    @Test func theMetaschemaIsBuiltIn() throws {
        let compiled = try CompiledSchema(root: ["$ref": "https://json-schema.org/draft/2020-12/schema"])
        #expect(compiled.validate(["type": "string", "minLength": 2]).isEmpty)
        let found = compiled.validate(["properties": ["a": ["minLength": -1]]])
        #expect(found.map(\.instancePointer) == ["/properties/a/minLength"])
    }
}
