/// Output paths come from front matter (`url`, `aliases`, `slug`) and file names; none of them
/// may lead outside the output folder.
enum SafePath {
    /// A clean relative path under the output folder, or nil when it would escape it.
    static func relative(_ path: String) -> String? {
        // Runs for every file of every build, so paths that are already clean (nearly all) are
        // recognised in one pass over the bytes and returned as they are.
        var clean = true
        var segmentStart = true, segmentLength = 0, dots = 0
        for byte in path.utf8 {
            switch byte {
            case 0, UInt8(ascii: "\\"):
                return nil
            case UInt8(ascii: "/"):
                if segmentStart || dots == segmentLength { clean = false }  // "//", leading "/", "." or ".."
                segmentStart = true
                segmentLength = 0
                dots = 0
            default:
                segmentStart = false
                segmentLength += 1
                if byte == UInt8(ascii: ".") { dots += 1 }
            }
            if !clean { break }
        }
        if clean && !segmentStart && dots != segmentLength { return path }
        return slowRelative(path)
    }

    private static func slowRelative(_ path: String) -> String? {
        var parts: [Substring] = []
        for part in path.utf8.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: true) {
            if part.elementsEqual(".".utf8) { continue }
            if part.elementsEqual("..".utf8) || part.contains(0) || part.contains(UInt8(ascii: "\\")) { return nil }
            parts.append(Substring(part))
        }
        return parts.isEmpty ? nil : parts.joined(separator: "/")
    }
}
