import Basics
import Content
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Which folders a build may replace. docgen swaps whole folders in and out, so pointing it at the
/// wrong folder (the site root, a home folder) would move someone's files away; it therefore only
/// replaces, empties or deletes folders that carry its marker file, which it writes into every
/// output, staging and spare folder it makes.
enum OutputOwnership {
    /// Hidden, so static servers and `docgen check` pass it by; its text says what it is for.
    static let markerName = ".docgen-output"
    static let markerText = """
        This folder was written by docgen build. docgen replaces it on the next build, so keep \
        nothing of your own in it. Delete this file and docgen will no longer touch the folder.

        """

    static func isMarked(_ folder: String) -> Bool {
        var info = stat()
        return lstat(folder + "/" + markerName, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG
    }

    static func mark(_ folder: String) -> Bool {
        let path = folder + "/" + markerName
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, 0o644)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        let bytes = Array(markerText.utf8)
        return bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) } == bytes.count
    }

    /// Why the site must not be written to `destination`, or nil when it may. The destination
    /// may lie inside the site root (the default `public/`) but must not be it or hold it; it
    /// must not be, hold or lie inside any of `sources` (content, templates, static).
    static func refusal(destination: String, siteRoot: String, sources: [(name: String, path: String)]) -> String? {
        let target = resolved(destination)
        for (name, path) in [("site root", siteRoot)] + sources where isSameOrInside(resolved(path), target) {
            return "the destination '\(destination)' is or holds the \(name) '\(path)'; building there would move "
                + "your sources away. Choose a folder of its own, such as public/ under the site root"
        }
        for (name, path) in sources where isSameOrInside(target, resolved(path)) {
            return "the destination '\(destination)' lies inside the \(name) '\(path)', which the build reads; "
                + "choose a folder outside it"
        }
        var info = stat()
        guard lstat(destination, &info) == 0 else { return nil }  // not there yet: docgen makes it
        if (info.st_mode & S_IFMT) == S_IFLNK {
            return "the destination '\(destination)' is a symbolic link; docgen swaps the folder it builds into, "
                + "which would replace the link. Give the folder it points to, or a new folder"
        }
        guard (info.st_mode & S_IFMT) == S_IFDIR else {
            return "the destination '\(destination)' is a file, not a folder; choose another destination"
        }
        guard isMarked(destination) || (folderEntries(destination)?.isEmpty ?? false) else {
            return "the destination '\(destination)' already holds files that docgen did not write (it has no "
                + "\(markerName) file), so docgen will not replace it. Build into a new or empty folder, "
                + "or move those files away first"
        }
        return nil
    }

    /// `path` made absolute with symbolic links resolved as far as it exists, so that two names
    /// of one folder compare equal.
    static func resolved(_ path: String) -> String {
        var absolute = URL(fileURLWithPath: path).standardizedFileURL.path
        var missing: [String] = []
        while true {
            if let real = realpath(absolute, nil) {
                defer { free(real) }
                let base = String(cString: real)
                return missing.reversed().reduce(base) { $0 == "/" ? "/" + $1 : $0 + "/" + $1 }
            }
            guard absolute != "/", let slash = absolute.lastIndex(of: "/") else { return path }
            missing.append(String(absolute[absolute.index(after: slash)...]))
            absolute = slash == absolute.startIndex ? "/" : String(absolute[..<slash])
        }
    }
}
