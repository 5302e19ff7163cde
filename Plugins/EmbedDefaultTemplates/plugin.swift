import Foundation
import PackagePlugin

/// Embeds the repository's `templates/` folder into the target as `EmbeddedTemplates.files`.
@main
struct EmbedDefaultTemplates: BuildToolPlugin {
    func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
        let folder = context.package.directoryURL.appendingPathComponent("templates")
        let output = context.pluginWorkDirectoryURL.appendingPathComponent("EmbeddedTemplates.swift")
        var inputs: [URL] = []
        if let enumerator = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil) {
            for case let url as URL in enumerator where !url.hasDirectoryPath { inputs.append(url) }
        }
        return [.buildCommand(
            displayName: "Embedding default templates",
            executable: try context.tool(named: "EmbedFiles").url,
            arguments: [output.path, "EmbeddedTemplates", folder.path],
            inputFiles: inputs,
            outputFiles: [output]
        )]
    }
}
