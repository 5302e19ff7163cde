import Diagnostics
import Foundation

/// Every file under a folder, as Hugo would publish them: hidden entries skipped, symbolic links
/// followed while they stay inside the folders the site may read. A link that leaves them is
/// refused unless the user allows it, since a link to `/etc` or a home folder would publish it;
/// a link back to a folder being walked, or to itself, is reported as a loop instead of being
/// walked forever.
public struct FolderWalk: Sendable {
    /// Folders links may point into (the site root; a templates folder given from elsewhere).
    public var allowedRoots: [String]
    public var allowLinksOutside: Bool
    /// Hugo skips hidden files and folders in a site's sources; a built site's own (a
    /// `.well-known/` folder) are served, so the link checker lists them.
    public var includeHidden: Bool

    public init(allowedRoots: [String], allowLinksOutside: Bool = false, includeHidden: Bool = false) {
        self.allowedRoots = allowedRoots.map(Self.realPath)
        self.allowLinksOutside = allowLinksOutside
        self.includeHidden = includeHidden
    }

    /// The files as sorted paths relative to `root`, and one error per link that was refused.
    public func files(under root: String) -> (files: [String], problems: [Diagnostic]) {
        var files: [String] = []
        var problems: [Diagnostic] = []
        walk(root, relative: "", ancestors: [Self.realPath(root)], files: &files, problems: &problems)
        return (files.sorted(), problems)
    }

    private func walk(_ root: String, relative: String, ancestors: [String], files: inout [String], problems: inout [Diagnostic]) {
        let folder = relative.isEmpty ? root : root + "/" + relative
        if ancestors.count > Limits.folderNesting + 1 {  // the walk's root is not a level
            problems.append(.error(folder, "folders are nested more than \(Limits.folderNesting) deep here; "
                + "what is inside is left out: move it up"))
            return
        }
        for (name, isFolder, isLink) in folderEntries(folder) ?? [] where includeHidden || !name.hasPrefix(".") {
            let path = relative.isEmpty ? name : relative + "/" + name
            if isFolder {
                // Not a link, so its real path is its parent's and its name: no system call.
                let parent = ancestors[ancestors.count - 1]
                walk(root, relative: path, ancestors: ancestors + [parent == "/" ? "/" + name : parent + "/" + name],
                     files: &files, problems: &problems)
            } else if !isLink {
                files.append(path)
            } else {
                let display = root + "/" + path
                guard let target = realpath(display, nil) else {
                    let reason = errno == ELOOP ? "this symbolic link is a loop: it leads back to itself"
                        : "this symbolic link points to '\(linkText(display))', which does not exist"
                    problems.append(.error(display, reason))
                    continue
                }
                let real = String(cString: target)
                free(target)
                if !allowLinksOutside && !allowedRoots.contains(where: { isSameOrInside(real, $0) }) {
                    problems.append(.error(display, "this symbolic link points to '\(real)', outside the site; docgen follows "
                        + "links only within the site root (build with --allow-symlinks-outside to follow it)"))
                    continue
                }
                var info = stat()
                guard stat(real, &info) == 0 else { continue }
                if (info.st_mode & S_IFMT) != S_IFDIR {
                    files.append(path)
                } else if ancestors.contains(where: { isSameOrInside($0, real) }) {
                    problems.append(.error(display, "this symbolic link is a loop: it points to '\(real)', a folder that holds it"))
                } else {
                    walk(root, relative: path, ancestors: ancestors + [real], files: &files, problems: &problems)
                }
            }
        }
    }

    private func linkText(_ path: String) -> String {
        (try? FileManager.default.destinationOfSymbolicLink(atPath: path)) ?? "?"
    }

    public static func realPath(_ path: String) -> String {
        guard let real = realpath(path, nil) else { return URL(fileURLWithPath: path).standardizedFileURL.path }
        defer { free(real) }
        return String(cString: real)
    }
}

/// Whether the absolute path `path` is `folder` or lies inside it, compared by path components.
public func isSameOrInside(_ path: String, _ folder: String) -> Bool {
    path == folder || path.hasPrefix(folder == "/" ? "/" : folder + "/")
}
