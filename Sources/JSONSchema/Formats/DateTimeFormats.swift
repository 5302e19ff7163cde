import Basics
/// RFC 3339 dates, times and durations (its appendix A grammar for durations).
enum DateTimeFormats {
    static func isDateTime(_ u: [UInt8]) -> Bool {
        guard u.count > 11, u[10] == UInt8(ascii: "T") || u[10] == UInt8(ascii: "t") else { return false }
        return isDate(u[0..<10]) && isTime(u[11...])
    }

    /// full-date: YYYY-MM-DD with a day that exists in that month.
    static func isDate(_ u: ArraySlice<UInt8>) -> Bool {
        let d = Array(u)
        guard d.count == 10, d[4] == UInt8(ascii: "-"), d[7] == UInt8(ascii: "-"),
              let year = ASCII.number(d[0..<4]), let month = ASCII.number(d[5..<7]), let day = ASCII.number(d[8..<10]),
              (1...12).contains(month), day >= 1 else { return false }
        let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
        let days = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        return day <= days[month - 1]
    }

    /// full-time: HH:MM:SS[.frac](Z|±HH:MM). A leap second (:60) is valid only at 23:59 UTC.
    static func isTime(_ u: ArraySlice<UInt8>) -> Bool {
        let t = Array(u)
        guard t.count >= 9, t[2] == UInt8(ascii: ":"), t[5] == UInt8(ascii: ":"),
              let hour = ASCII.number(t[0..<2]), let minute = ASCII.number(t[3..<5]), let second = ASCII.number(t[6..<8]),
              hour <= 23, minute <= 59, second <= 60 else { return false }
        var i = 8
        if t[i] == UInt8(ascii: ".") {
            i += 1
            let start = i
            while i < t.count, ASCII.isDigit(t[i]) { i += 1 }
            guard i > start else { return false }
        }
        guard i < t.count else { return false }
        var offsetMinutes = 0
        switch t[i] {
        case UInt8(ascii: "Z"), UInt8(ascii: "z"):
            guard i + 1 == t.count else { return false }
        case UInt8(ascii: "+"), UInt8(ascii: "-"):
            guard t.count - i == 6, t[i + 3] == UInt8(ascii: ":"),
                  let oh = ASCII.number(t[(i + 1)..<(i + 3)]), let om = ASCII.number(t[(i + 4)..<(i + 6)]),
                  oh <= 23, om <= 59 else { return false }
            offsetMinutes = (oh * 60 + om) * (t[i] == UInt8(ascii: "+") ? 1 : -1)
        default:
            return false
        }
        if second == 60 {
            let utc = ((hour * 60 + minute - offsetMinutes) % 1440 + 1440) % 1440
            return utc == 23 * 60 + 59
        }
        return true
    }

    /// duration = "P" (dur-date | dur-time | dur-week), where the parts come in order,
    /// without gaps (Y then M then D; H then M then S), and "T" is followed by a time part.
    static func isDuration(_ u: [UInt8]) -> Bool {
        guard u.first == UInt8(ascii: "P"), u.count > 1 else { return false }
        var elements: [(UInt8, Bool)] = []  // (unit, in time part)
        var i = 1
        var inTime = false
        while i < u.count {
            if u[i] == UInt8(ascii: "T") {
                guard !inTime else { return false }
                inTime = true
                i += 1
                guard i < u.count else { return false }
                continue
            }
            let start = i
            while i < u.count, ASCII.isDigit(u[i]) { i += 1 }
            guard i > start, i < u.count else { return false }
            elements.append((u[i], inTime))
            i += 1
        }
        guard !elements.isEmpty else { return false }
        if elements.count == 1, elements[0].0 == UInt8(ascii: "W"), !elements[0].1 { return true }
        let dateUnits = elements.filter { !$0.1 }.map(\.0)
        let timeUnits = elements.filter { $0.1 }.map(\.0)
        if inTime && timeUnits.isEmpty { return false }
        return isContiguous(dateUnits, in: Array("YMD".utf8)) && isContiguous(timeUnits, in: Array("HMS".utf8))
    }

    /// Whether `units` is a run of consecutive entries of `order`.
    private static func isContiguous(_ units: [UInt8], in order: [UInt8]) -> Bool {
        guard let first = units.first else { return true }
        guard let start = order.firstIndex(of: first), start + units.count <= order.count else { return false }
        return Array(order[start..<(start + units.count)]) == units
    }
}
