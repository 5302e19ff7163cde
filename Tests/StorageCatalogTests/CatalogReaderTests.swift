import Testing
import Diagnostics
import StorageCatalog

/// A broken catalog is refused with the file, line and column of the mistake.
@Suite struct CatalogReaderTests {
    /// The smallest catalog the reader accepts; each test below breaks one line of it.
    static let minimal = """
    title: T
    description: D
    credentialTypes:
      KEY: A key
    fields:
      - key: resource
        label: Bucket
        help: H
    attributes:
      region:
        help: R
    providers:
      - id: p
        name: P
        providerType: P_TYPE
        credentials:
          KEY: [resource]
        attributes: [region]
    """

    func failure(_ text: String) -> Diagnostic? {
        if case .failure(let diagnostic) = CatalogReader.read(text, file: "broken.yaml") { return diagnostic }
        return nil
    }

    func replacing(_ old: String, with new: String) -> String {
        precondition(Self.minimal.contains(old), "the test's snippet is not in the minimal catalog")
        return Self.minimal.replacingOccurrences(of: old, with: new)
    }

    @Test func minimalCatalogReads() throws {
        let catalog = try CatalogReader.read(Self.minimal, file: "ok.yaml").get()
        #expect(catalog.title == "T")
        #expect(catalog.fields.map(\.label) == ["Bucket"])
        #expect(catalog.providers.first?.credentials.map(\.required) == [["resource"]])
    }

    @Test func structuralMistakesPointAtTheirNode() {
        // A field without a label: reported at the field's mapping ("- key:" starts it, column 5).
        #expect(failure(replacing("    label: Bucket\n", with: ""))?.description
                == "broken.yaml:6:5: error: missing 'label'")
        // A label that is a list, not text: at the list.
        #expect(failure(replacing("label: Bucket", with: "label: [a, b]"))?.description
                == "broken.yaml:7:12: error: 'label' must be text")
        // A credential type that credentialTypes does not declare: at that key.
        #expect(failure(replacing("      KEY: [resource]", with: "      KEYS: [resource]"))?.description
                == "broken.yaml:17:7: error: unknown credential type 'KEYS'")
        // An attribute no `attributes:` entry describes: at the provider.
        #expect(failure(replacing("attributes: [region]", with: "attributes: [region, zone]"))?.description
                == "broken.yaml:13:5: error: unknown attribute 'zone'")
        // A rule with a message but neither pattern nor notPattern: at the rule.
        #expect(failure(replacing("    help: H\n", with: "    help: H\n    rules:\n      - message: m\n"))?.description
                == "broken.yaml:10:9: error: a rule needs 'pattern' or 'notPattern'")
        // credentials must map to a list of field names.
        #expect(failure(replacing("KEY: [resource]", with: "KEY: resource"))?.description
                == "broken.yaml:17:12: error: expected a list")
        // No fields at all: at the document's root.
        #expect(failure(replacing("fields:\n  - key: resource\n    label: Bucket\n    help: H\n", with: ""))?.description
                == "broken.yaml:1:1: error: missing 'fields'")
    }

    @Test func sameAsMustNameARealProvider() {
        let text = Self.minimal + "\n  - id: b2\n    name: B2\n    sameAs: nope\n"
        #expect(failure(text) == .error("broken.yaml", 1, 1, "provider 'b2' is sameAs 'nope', which is not a provider"))
        // …and it resolves when it does.
        let good = Self.minimal + "\n  - id: b2\n    name: B2\n    sameAs: p\n"
        #expect(failure(good) == nil)
    }

    @Test func yamlSyntaxErrorsKeepLibyamlsPosition() {
        // An unclosed flow sequence: libyaml gives up at the ':' of the next line's key
        // ("    attributes: …", column 15) and names the line the sequence opened on.
        let unclosed = failure(replacing("KEY: [resource]", with: "KEY: [resource"))
        #expect(unclosed?.location == SourceLocation(file: "broken.yaml", line: 18, column: 15))
        #expect(unclosed?.message == "a list in [brackets] is not closed, or its items are not separated by commas: write [one, two] (YAML: did not find expected ',' or ']' (while parsing a flow sequence at line 17))")
        // A tab used for indentation, at the tab itself.
        let tab = failure("title: T\n\tdescription: D\n")
        #expect(tab?.location.line == 2)
        #expect(tab?.location.column == 1)
        #expect(tab?.message == "YAML indents with spaces, not tabs: replace the tab with spaces (YAML: found a tab character that violates indentation (while scanning a plain scalar at line 1))")
    }

    @Test func emptyCatalogIsRefused() {
        #expect(failure("") == .error("broken.yaml", 1, 1, "the catalog is empty"))
        #expect(failure("# nothing but a comment\n") == .error("broken.yaml", 1, 1, "the catalog is empty"))
    }

    /// A `maxLength` that is not a number was once dropped without a word, and the catalog lost
    /// a limit; so was a `required` that is not true or false.
    @Test func nonNumericMaxLengthIsReported() {
        let diagnostic = failure(replacing("    label: Bucket\n", with: "    label: Bucket\n    maxLength: forty\n"))
        #expect(diagnostic?.location.line == 8)
        #expect(diagnostic?.message == "'maxLength' must be a whole number")
        let quoted = failure(replacing("    label: Bucket\n", with: "    label: Bucket\n    maxLength: \"40\"\n"))
        #expect(quoted?.message == "'maxLength' must be a whole number")
        let required = failure(replacing("    label: Bucket\n", with: "    label: Bucket\n    required: yes please\n"))
        #expect(required?.message == "'required' must be true or false")
    }

    /// A provider's credential list naming a field that does not exist would make the schema
    /// require a key that `additionalProperties: false` forbids, so no config could pass.
    @Test func credentialFieldsMustBeCatalogFields() {
        let diagnostic = failure(replacing("KEY: [resource]", with: "KEY: [resourse]"))
        #expect(diagnostic?.location.line == 17)
        #expect(diagnostic?.message == "'resourse' is not a field of the catalog")
    }
}
