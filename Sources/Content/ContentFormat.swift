/// What a file in `content/` is by its extension, as Hugo sorts them: Markdown and HTML become
/// pages; the formats Hugo hands to other programs (AsciiDoc, reStructuredText, Pandoc) and
/// Org mode docgen cannot render, so they are reported rather than published as they are.
enum ContentFormat: Equatable {
    case markdown
    case html
    case unsupported(String)

    init?(fileName: String) {
        guard let dot = fileName.utf8.lastIndex(of: UInt8(ascii: ".")) else { return nil }
        switch fileName[fileName.index(after: dot)...].lowercased() {
        case "md", "markdown", "mdown": self = .markdown
        case "html", "htm": self = .html
        case "adoc", "asciidoc": self = .unsupported("AsciiDoc")
        case "rst": self = .unsupported("reStructuredText")
        case "pandoc", "pdc": self = .unsupported("Pandoc")
        case "org": self = .unsupported("Org mode")
        default: return nil
        }
    }

    /// The name without its extension: "install" for "install.md".
    static func stem(_ fileName: String) -> Substring {
        guard let dot = fileName.utf8.lastIndex(of: UInt8(ascii: ".")) else { return fileName[...] }
        return fileName[..<dot]
    }

    /// `_index.md`, `_index.html`, …: a section's own page.
    static func isSectionIndex(_ fileName: String) -> Bool {
        stem(fileName) == "_index" && isPageFormat(fileName)
    }

    /// `index.md`, `index.html`, …: a leaf bundle's page.
    static func isBundleIndex(_ fileName: String) -> Bool {
        stem(fileName) == "index" && isPageFormat(fileName)
    }

    static func isPageFormat(_ fileName: String) -> Bool {
        switch ContentFormat(fileName: fileName) {
        case .markdown?, .html?: return true
        default: return false
        }
    }
}
