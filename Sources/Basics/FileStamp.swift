import Foundation

/// What tells a file's versions apart without reading it: size, modification time (to the
/// nanosecond) and inode, which an editor's write-and-rename changes. Used to skip files that
/// did not change since they were last read, and to notice changes by polling.
public struct FileStamp: Sendable, Equatable {
    public var size: Int64
    public var seconds: Int
    public var nanoseconds: Int
    public var inode: UInt64

    public init?(path: String) {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        size = Int64(info.st_size)
        seconds = Int(info.st_mtim.tv_sec)
        nanoseconds = Int(info.st_mtim.tv_nsec)
        inode = UInt64(info.st_ino)
    }
}
