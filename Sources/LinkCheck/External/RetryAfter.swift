import Foundation

/// The `Retry-After` header: either a number of seconds or an HTTP date.
enum RetryAfter {
    /// Seconds to wait from `now`, never negative; nil when the header cannot be read.
    static func seconds(_ header: String?, now: Date = Date()) -> Double? {
        guard let text = header?.trimmingCharacters(in: .whitespaces), !text.isEmpty else { return nil }
        if let seconds = Double(text), seconds.isFinite {
            return max(0, seconds)
        }
        for formatter in makeFormatters() {
            if let date = formatter.date(from: text) {
                return max(0, date.timeIntervalSince(now))
            }
        }
        return nil
    }

    /// IMF-fixdate, which servers must send, then the two obsolete forms they may still send. Made
    /// per call: a 429 is rare, and formatters shared across threads are not safe everywhere.
    private static func makeFormatters() -> [DateFormatter] {
        let formats = ["EEE, dd MMM yyyy HH:mm:ss zzz", "EEEE, dd-MMM-yy HH:mm:ss zzz", "EEE MMM d HH:mm:ss yyyy"]
        return formats.map { format in
            let formatter = DateFormatter()
            formatter.locale = Locale(identifier: "en_US_POSIX")
            formatter.timeZone = TimeZone(identifier: "GMT")
            formatter.dateFormat = format
            return formatter
        }
    }
}
