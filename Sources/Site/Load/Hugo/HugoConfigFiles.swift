import Foundation

/// Which Hugo configuration files a site has, in the order Hugo applies them (each later one
/// wins over the ones before): the root file (`hugo.toml|yaml|yml|json`, else `config.…`),
/// then the files of `config/_default/`, then those of `config/production/` (Hugo's
/// environment when it builds).
public enum HugoConfigFiles {
    static let names = ["hugo", "config"]
    static let formats = ["toml", "yaml", "yml", "json"]

    /// One file and where its settings go: a root file and `config/_default/hugo.toml` hold
    /// the whole configuration; `params.toml` holds `params`; `menus.en.toml` holds the `menus`
    /// of language `en`.
    public struct File: Sendable, Equatable {
        public var path: String
        /// The key the file's contents sit under ("" for the whole configuration).
        public var key: String
        /// The language the file is for (`menus.en.toml`), or nil.
        public var language: String?
    }

    public static func find(in root: String) -> [File] {
        var files: [File] = []
        search: for name in names {
            for format in formats {
                let path = SiteConfig.join(root, "\(name).\(format)")
                if isFile(path) { files.append(File(path: path, key: "")); break search }
            }
        }
        for environment in ["_default", "production"] {
            let folder = SiteConfig.join(root, "config/\(environment)")
            let entries = (try? FileManager.default.contentsOfDirectory(atPath: folder))?.sorted() ?? []
            for entry in entries where formats.contains((entry as NSString).pathExtension.lowercased()) {
                let path = folder + "/" + entry
                guard isFile(path) else { continue }
                let parts = (entry as NSString).deletingPathExtension.split(separator: ".").map(String.init)
                guard let first = parts.first else { continue }
                let key = names.contains(first.lowercased()) ? "" : first
                files.append(File(path: path, key: key, language: parts.count > 1 ? parts[1] : nil))
            }
        }
        return files
    }

    static func isFile(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && !isDirectory.boolValue
    }
}
