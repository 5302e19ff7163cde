import Content
import Foundation

/// A page bundle's own files (Hugo's `.Page.Resources`), which Docsy's imgproc and cover find by name.
enum PageResources {
    static let imageExtensions: Set<String> = ["jpg", "jpeg", "png", "gif", "webp", "avif", "svg", "bmp", "tif", "tiff"]

    /// The folder whose files are the page's resources, and whether its subfolders count too:
    /// a leaf bundle (index.md) owns everything below it, a branch bundle (_index.md) only what
    /// is beside it. Nil for a page that is a file of its own, which has none.
    static func bundle(of page: Page) -> (folder: String, deep: Bool)? {
        let name = (page.sourceFile as NSString).lastPathComponent
        guard name == "index.md" || name == "_index.md" else { return nil }
        return ((page.sourceFile as NSString).deletingLastPathComponent, name == "index.md")
    }

    /// Hugo's `GetMatch "**NAME*"`: the first resource whose path in the bundle holds NAME with
    /// no "/" after it, compared case-insensitively.
    static func match(_ name: String, page: Page, in tree: ContentTree, imagesOnly: Bool = false) -> StaticFile? {
        guard let (folder, deep) = bundle(of: page), !name.isEmpty else { return nil }
        let wanted = name.lowercased()
        let prefix = folder + "/"
        return tree.files.first { file in
            guard file.source.hasPrefix(prefix) else { return false }
            let relative = file.source.dropFirst(prefix.count).lowercased()
            if !deep && relative.contains("/") { return false }
            if imagesOnly && !imageExtensions.contains((relative as NSString).pathExtension) { return false }
            return relative.ranges(of: wanted).contains { !relative[$0.upperBound...].contains("/") }
        }
    }
}
