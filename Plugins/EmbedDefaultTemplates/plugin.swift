import Foundation
import PackagePlugin

/// Compiles data files into the target, so the docgen binary works wherever it is copied:
/// the `Site` target gets the repository's `templates/` as `EmbeddedTemplates.files`; any other
/// target gets its own `Embedded/` folder as `EmbeddedResources.files`.
@main
struct EmbedDefaultTemplates: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let isSite = target.name == "Site"
        let folder = isSite
            ? context.package.directoryURL.appendingPathComponent("templates")
            : URL(fileURLWithPath: target.directory.string).appendingPathComponent("Embedded")
        let typeName = isSite ? "EmbeddedTemplates" : "EmbeddedResources"
        let output = context.pluginWorkDirectoryURL.appendingPathComponent("\(typeName).swift")
        var inputs: [URL] = []
        if let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil) {
            for case let url as URL in enumerator where !url.hasDirectoryPath { inputs.append(url) }
        }
        return [.buildCommand(
            displayName: "Embedding \(folder.lastPathComponent)/ into \(target.name)",
            executable: try context.tool(named: "EmbedFiles").url,
            arguments: [output.path, typeName, folder.path],
            inputFiles: inputs,
            outputFiles: [output]
        )]
    }
}
