import Diagnostics
import Basics
import Foundation

/// External results kept between runs in a JSON file, so CI does not re-request every URL on every
/// build. Successes stay fresh for `successTTL`; failures for `failureTTL`, which defaults to 0
/// (never cached) so that a broken link is looked at again each run and a passing outage is not
/// remembered as broken.
struct ResultCache {
    struct Entry: Codable, Equatable {
        /// Seconds since 1970, so the file reads the same in every time zone.
        var checkedAt: Double
        var result: URLCheckResult
    }

    private struct File: Codable {
        var version: Int
        var entries: [String: Entry]
    }

    static let version = 1
    let successTTL: Double
    let failureTTL: Double
    private(set) var entries: [String: Entry] = [:]

    /// Reads the cache; a missing, unreadable or older-format file just means an empty cache, since
    /// a cache is never worth failing a run for.
    init(path: String?, successTTL: Double, failureTTL: Double, now: Date = Date()) {
        self.successTTL = successTTL
        self.failureTTL = failureTTL
        guard let path, case .success(let bytes) = readFile(path, limit: Limits.configFileBytes),
              let file = try? JSONDecoder().decode(File.self, from: Data(bytes)), file.version == Self.version else { return }
        entries = file.entries.filter { isFresh($0.value, now: now) }
    }

    func fresh(_ url: String, now: Date = Date()) -> URLCheckResult? {
        guard let entry = entries[url], isFresh(entry, now: now) else { return nil }
        return entry.result
    }

    mutating func store(_ result: URLCheckResult, for url: String, now: Date = Date()) {
        let entry = Entry(checkedAt: now.timeIntervalSince1970, result: result)
        if ttl(of: result) > 0 { entries[url] = entry } else { entries[url] = nil }
    }

    /// Writes atomically so an interrupted run cannot leave half a file; sorted keys keep diffs small
    /// for teams that commit the cache.
    func save(to path: String) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        let data = try encoder.encode(File(version: Self.version, entries: entries))
        let url = URL(fileURLWithPath: path)
        try? FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: url, options: .atomic)
    }

    private func ttl(of result: URLCheckResult) -> Double { result.isSuccess ? successTTL : failureTTL }

    private func isFresh(_ entry: Entry, now: Date) -> Bool {
        let age = now.timeIntervalSince1970 - entry.checkedAt
        return age >= 0 && age < ttl(of: entry.result)
    }
}
