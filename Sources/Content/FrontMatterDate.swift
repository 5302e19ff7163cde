import Foundation

/// Front-matter dates in the forms Hugo reads and sitemaps carry: a day (2024-05-01), or a day
/// and a time, with or without seconds, fractions and a time zone (2024-05-01T10:30:00Z,
/// 2024-05-01 10:30:00 +02:00). Anything else would be copied into the sitemap's <lastmod>
/// unread, so it is refused with the form to use.
public enum FrontMatterDate {
    static func isValid(_ text: String) -> Bool { instant(text) != nil }

    /// The moment a valid date names; a date without a time zone is in UTC, Hugo's default
    /// `timeZone`, and a day alone is its midnight.
    public static func instant(_ text: String) -> Date? {
        let pattern = #/^(\d{4})-(\d{2})-(\d{2})(?:[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?([Zz]| ?([+-])(\d{2}):?(\d{2}))?)?$/#
        guard let match = text.wholeMatch(of: pattern),
              let year = Int(match.1), let month = Int(match.2), let day = Int(match.3) else { return nil }
        guard (1...12).contains(month), (1...daysIn(month: month, year: year)).contains(day) else { return nil }
        let hour = match.4.flatMap { Int($0) } ?? 0, minute = match.5.flatMap { Int($0) } ?? 0
        let second = match.6.flatMap { Int($0) } ?? 0
        guard hour <= 23, minute <= 59, second <= 60 else { return nil }
        var offset = 0
        if let sign = match.8, let hours = match.9.flatMap({ Int($0) }), let minutes = match.10.flatMap({ Int($0) }) {
            offset = (hours * 3600 + minutes * 60) * (sign == "-" ? -1 : 1)
        }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(secondsFromGMT: offset) ?? TimeZone(secondsFromGMT: 0)!
        return calendar.date(from: DateComponents(year: year, month: month, day: day, hour: hour, minute: minute, second: second))
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    static let problem = "is not a date docgen can read: write it as 2024-05-01 (year-month-day), optionally with a time, "
        + "as in 2024-05-01T10:30:00Z or 2024-05-01 10:30:00 +02:00"
}
