/// Front-matter dates in the forms Hugo reads and sitemaps carry: a day (2024-05-01), or a day
/// and a time, with or without seconds, fractions and a time zone (2024-05-01T10:30:00Z,
/// 2024-05-01 10:30:00 +02:00). Anything else would be copied into the sitemap's <lastmod>
/// unread, so it is refused with the form to use.
enum FrontMatterDate {
    static func isValid(_ text: String) -> Bool {
        let pattern = #/^(\d{4})-(\d{2})-(\d{2})(?:[Tt ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(?:[Zz]| ?[+-]\d{2}:?\d{2})?)?$/#
        guard let match = text.wholeMatch(of: pattern),
              let year = Int(match.1), let month = Int(match.2), let day = Int(match.3) else { return false }
        guard (1...12).contains(month), (1...daysIn(month: month, year: year)).contains(day) else { return false }
        if let hour = match.4.flatMap({ Int($0) }), hour > 23 { return false }
        if let minute = match.5.flatMap({ Int($0) }), minute > 59 { return false }
        if let second = match.6.flatMap({ Int($0) }), second > 60 { return false }
        return true
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
