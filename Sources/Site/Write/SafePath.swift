/// Output paths come from front matter (`url`, `aliases`, `slug`) and file names; none of them
/// may lead outside the output folder.
enum SafePath {
    /// A clean relative path under the output folder, or nil when it would escape it.
    static func relative(_ path: String) -> String? {
        var parts: [Substring] = []
        for part in path.split(separator: "/", omittingEmptySubsequences: true) {
            if part == "." { continue }
            if part == ".." || part.contains("\0") || part.contains("\\") { return nil }
            parts.append(part)
        }
        return parts.isEmpty ? nil : parts.joined(separator: "/")
    }
}
