import Foundation

/// The entries of one folder, with whether each is a folder or a symbolic link, from one
/// `readdir` pass: asking FileManager for each entry's attributes costs more than the rest of
/// listing a site. A link is never counted as a folder, so a walk that does not look at links
/// cannot go round in circles (`FolderWalk` decides which links to follow).
private let nameOffset = MemoryLayout<dirent>.offset(of: \dirent.d_name)!

public func folderEntries(_ path: String) -> [(name: String, isFolder: Bool, isLink: Bool)]? {
    guard let dir = opendir(path) else { return nil }
    defer { closedir(dir) }
    var entries: [(name: String, isFolder: Bool, isLink: Bool)] = []
    while let entry = readdir(dir) {
        // The name is read where it lies: glibc sizes each entry to its name (d_reclen), so
        // copying the whole 256-byte d_name field out of the last entry of a buffer reads past
        // the buffer's end (AddressSanitizer caught it).
        let name = String(cString: UnsafeRawPointer(entry).advanced(by: nameOffset).assumingMemoryBound(to: CChar.self))
        if name == "." || name == ".." { continue }
        var type = Int32(entry.pointee.d_type)
        if type == Int32(DT_UNKNOWN) {
            // File systems that do not fill in d_type.
            var info = stat()
            guard lstat(path + "/" + name, &info) == 0 else { continue }
            let mode = info.st_mode & S_IFMT
            type = mode == S_IFDIR ? Int32(DT_DIR) : mode == S_IFLNK ? Int32(DT_LNK) : Int32(DT_REG)
        }
        entries.append((name, type == Int32(DT_DIR), type == Int32(DT_LNK)))
    }
    return entries
}
