import Foundation

/// The entries of one folder, with whether each is a folder, from one `readdir` pass: asking
/// FileManager for each entry's attributes costs more than the rest of listing a site.
/// Links to folders count as files, so a walk built on this cannot go round in circles.
public func folderEntries(_ path: String) -> [(name: String, isFolder: Bool)]? {
    guard let dir = opendir(path) else { return nil }
    defer { closedir(dir) }
    var entries: [(name: String, isFolder: Bool)] = []
    while let entry = readdir(dir) {
        let name = withUnsafeBytes(of: entry.pointee.d_name) { String(cString: $0.bindMemory(to: CChar.self).baseAddress!) }
        if name == "." || name == ".." { continue }
        var isFolder = Int32(entry.pointee.d_type) == Int32(DT_DIR)
        if Int32(entry.pointee.d_type) == Int32(DT_UNKNOWN) {
            // File systems that do not fill in d_type.
            var info = stat()
            isFolder = lstat(path + "/" + name, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
        }
        entries.append((name, isFolder))
    }
    return entries
}
