import ArgumentParser
import JSON
import StorageCatalog

struct Schema: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Print the JSON Schema (draft 2020-12) of a CVAT cloud-storage config.",
        discussion: """
        The schema is generated from docgen's provider catalog, the same source as the field tables \
        in the docs and the checks of `docgen validate`. `docgen build` also writes it to \
        public/schemas/cloud-storage.schema.json.

        Example:
          docgen schema > cloud-storage.schema.json
        """
    )

    @Flag(name: .long, help: "Print on one line instead of indented.")
    var compact = false

    func run() throws {
        print(SchemaGenerator.schema(Catalog.bundled).serialized(pretty: !compact))
    }
}
