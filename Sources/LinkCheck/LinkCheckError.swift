import Diagnostics
/// Reasons a check could not run at all, as opposed to findings about the site.
public enum LinkCheckError: Error, Equatable, Sendable, CustomStringConvertible {
    case siteFolderMissing(String)
    case notAFolder(String)
    case unreadable(path: String, reason: String)
    case tooLarge(path: String, bytes: Int)
    case invalidPattern(String)
    case invalidRootPath(String)

    public var exitCode: LinkCheckExitCode { .usageOrIOError }

    public var description: String {
        switch self {
        case .siteFolderMissing(let path): return "site folder not found: \(path)"
        case .notAFolder(let path): return "not a folder: \(path)"
        case .unreadable(let path, let reason): return "\(path): \(reason)"
        case .tooLarge(let path, let bytes):
            return "\(path):1:1: the file is \(megabytes(bytes)); docgen check reads HTML files of at most \(megabytes(Limits.htmlFileBytes))"
        case .invalidPattern(let pattern): return "invalid regular expression: \(pattern)"
        case .invalidRootPath(let path): return "root path must start with /: \(path)"
        }
    }
}
