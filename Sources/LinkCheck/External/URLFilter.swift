import Foundation

/// The `--include` / `--exclude` patterns. Compiled once, up front, so a bad pattern is a usage
/// error before any work is done.
struct URLFilter: @unchecked Sendable {  // NSRegularExpression is immutable and thread-safe
    private let include: [NSRegularExpression]
    private let exclude: [NSRegularExpression]

    init(include: [String], exclude: [String]) throws {
        func compile(_ pattern: String) throws -> NSRegularExpression {
            do { return try NSRegularExpression(pattern: pattern) } catch { throw LinkCheckError.invalidPattern(pattern) }
        }
        self.include = try include.map(compile)
        self.exclude = try exclude.map(compile)
    }

    /// Patterns search anywhere in the URL (`example\.com` needs no `.*` around it).
    func allows(_ url: String) -> Bool {
        let range = NSRange(url.startIndex..., in: url)
        func matches(_ regex: NSRegularExpression) -> Bool { regex.firstMatch(in: url, range: range) != nil }
        if !include.isEmpty, !include.contains(where: matches) { return false }
        return !exclude.contains(where: matches)
    }
}
