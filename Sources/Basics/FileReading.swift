import Diagnostics
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Why a file could not be read, as a value: each stage turns it into its own diagnostic.
public enum FileReadError: Error, Equatable, Sendable {
    case cannotOpen(errno: Int32)
    case notAFile
    case tooLarge(bytes: Int, limit: Int)
    case readFailed(errno: Int32)
    /// The text is not UTF-8: the first bad byte is at this line and column.
    case notUTF8(line: Int, column: Int)

    /// A sentence for a diagnostic, without the file's name (the caller puts it in front).
    public var message: String {
        switch self {
        case .cannotOpen(let code): return "cannot read the file: \(String(cString: strerror(code)))"
        case .notAFile: return "cannot read the file: it is a folder or a device, not a file"
        case .tooLarge(let bytes, let limit): return "the file is \(megabytes(bytes)); at most \(megabytes(limit)) is read"
        case .readFailed(let code): return "reading the file failed: \(String(cString: strerror(code)))"
        case .notUTF8: return Self.notUTF8Message
        }
    }

    /// Said of any text docgen reads that is not UTF-8, at the first byte that is not.
    public static let notUTF8Message = "file is not valid UTF-8 from here on: save it as UTF-8 (it was probably saved in another encoding, such as Latin-1 or UTF-16)"
}

/// The whole file, read with plain POSIX calls: Foundation's readers cost more per file than
/// docgen spends on a small page, and a large site has thousands of files. Files larger than
/// `limit` are refused before any byte is read.
public func readFile(_ path: String, limit: Int = .max) -> Result<[UInt8], FileReadError> {
    let fd = open(path, O_RDONLY | O_CLOEXEC)
    guard fd >= 0 else { return .failure(.cannotOpen(errno: errno)) }
    defer { close(fd) }
    var info = stat()
    guard fstat(fd, &info) == 0 else { return .failure(.readFailed(errno: errno)) }
    guard (info.st_mode & S_IFMT) == S_IFREG else { return .failure(.notAFile) }
    guard Int(info.st_size) <= limit else { return .failure(.tooLarge(bytes: Int(info.st_size), limit: limit)) }
    // One byte more than fstat's size, so the read that sees the end needs no bigger buffer; the
    // size is only a hint, since the file may change while it is read.
    var bytes = [UInt8](repeating: 0, count: Int(info.st_size) + 1)
    var filled = 0
    while true {
        if filled == bytes.count {
            guard bytes.count <= limit else { return .failure(.tooLarge(bytes: bytes.count, limit: limit)) }
            bytes.append(contentsOf: repeatElement(0, count: bytes.count))
        }
        let got = bytes.withUnsafeMutableBytes { raw in read(fd, raw.baseAddress! + filled, raw.count - filled) }
        if got < 0 {
            if errno == EINTR { continue }
            return .failure(.readFailed(errno: errno))
        }
        if got == 0 { break }
        filled += got
    }
    bytes.removeSubrange(filled...)
    guard filled <= limit else { return .failure(.tooLarge(bytes: filled, limit: limit)) }
    return .success(bytes)
}

/// The whole file as text; invalid UTF-8 is an error rather than replaced, so no byte a writer
/// typed is silently changed.
public func readTextFile(_ path: String, limit: Int = .max) -> Result<String, FileReadError> {
    readFile(path, limit: limit).flatMap { bytes in
        if let text = String(validating: bytes, as: UTF8.self) { return .success(text) }
        let (line, column) = invalidUTF8Position(bytes)
        return .failure(.notUTF8(line: line, column: column))
    }
}

/// Line and column of the first byte that is not valid UTF-8 (columns count the scalars before
/// it), for an error that points at it; the end of the text if every byte is valid.
public func invalidUTF8Position(_ bytes: [UInt8]) -> (line: Int, column: Int) {
    var parser = Unicode.UTF8.ForwardParser()
    var iterator = bytes.makeIterator()
    var offset = 0
    scan: while true {
        switch parser.parseScalar(from: &iterator) {
        case .valid(let scalar): offset += scalar.count
        case .error, .emptyInput: break scan
        }
    }
    return bytes.withUnsafeBufferPointer { buffer in
        var counter = LineCounter(buffer)
        return counter.position(of: offset)
    }
}
