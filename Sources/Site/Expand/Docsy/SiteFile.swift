import Basics
import Foundation

/// A file that a shortcode names by path, found only inside the site's folders: a page must not
/// be able to publish `/etc/passwd` or a key from a home folder, by `..` or by a symbolic link.
enum SiteFile {
    enum Lookup: Equatable {
        /// `path` as messages name it; `real` with links resolved, the same for every spelling.
        case found(path: String, real: String)
        case missing(tried: [String])
        /// Why the path is refused, in a sentence that names it.
        case outside(String)
    }

    /// The first of `candidates` that exists, each of which must stay inside one of `roots`.
    static func locate(_ candidates: [String], roots: [String]) -> Lookup {
        let lexicalRoots = roots.map(standardized)
        let realRoots = roots.map(FolderWalk.realPath)
        for candidate in candidates {
            if candidate.utf8.contains(0) { return .outside("'\(candidate)' holds a NUL character") }
            let plain = standardized(candidate)
            guard lexicalRoots.contains(where: { isSameOrInside(plain, $0) }) else {
                return .outside("'\(candidate)' leads outside the site folder (to \(plain))")
            }
            guard let resolved = realpath(candidate, nil) else { continue }
            let real = String(cString: resolved)
            free(resolved)
            guard realRoots.contains(where: { isSameOrInside(real, $0) }) else {
                return .outside("'\(candidate)' is a symbolic link to '\(real)', outside the site folder")
            }
            return .found(path: tidied(candidate), real: real)
        }
        return .missing(tried: candidates.map(tidied))
    }

    /// With "x/.." and "." taken out but still relative when it was, as messages and the file
    /// watcher name files ("content/docs/../shared/a.md" is "content/shared/a.md").
    static func tidied(_ path: String) -> String {
        var parts: [Substring] = []
        for part in path.split(separator: "/", omittingEmptySubsequences: false) {
            if part == "." && !parts.isEmpty { continue }
            if part == "..", let last = parts.last, last != "..", last != ".", !last.isEmpty {
                parts.removeLast()
                continue
            }
            parts.append(part)
        }
        return parts.joined(separator: "/")
    }

    /// Absolute, with "." and ".." taken out, links left as they are.
    private static func standardized(_ path: String) -> String {
        URL(fileURLWithPath: path).standardizedFileURL.path
    }
}
