import JSON

/// Exact comparisons between integers and doubles, and an exact `multipleOf`.
enum NumberMath {
    /// -1, 0 or 1; nil when either value is not a number.
    static func compare(_ a: JSONValue, _ b: JSONValue) -> Int? {
        switch (a, b) {
        case (.integer(let x), .integer(let y)): return x < y ? -1 : (x == y ? 0 : 1)
        case (.number(let x), .number(let y)): return x < y ? -1 : (x == y ? 0 : 1)
        case (.integer(let x), .number(let y)): return compare(x, y)
        case (.number(let x), .integer(let y)): return -compare(y, x)
        default: return nil
        }
    }

    /// Compares without converting the integer to Double, which would round above 2^53.
    static func compare(_ x: Int, _ d: Double) -> Int {
        if d.isNaN { return 0 }
        if d >= 9.223372036854775807e18 { return -1 }
        if d < -9.223372036854775808e18 { return 1 }
        let whole = d.rounded(.towardZero)
        let w = Int(whole)
        if x != w { return x < w ? -1 : 1 }
        let fraction = d - whole
        return fraction > 0 ? -1 : (fraction < 0 ? 1 : 0)
    }

    static func isNumber(_ v: JSONValue) -> Bool {
        switch v {
        case .integer, .number: return true
        default: return false
        }
    }

    /// Whether `value` is an integral multiple of `divisor` (> 0). Doubles are compared through
    /// their shortest decimal form, which is what the author wrote, so 0.0075 is a multiple of
    /// 0.0001 even though the binary quotient is 74.99999….
    static func isMultiple(_ value: JSONValue, of divisor: JSONValue) -> Bool {
        if case .integer(let x) = value, case .integer(let m) = divisor {
            let (r, overflow) = x.remainderReportingOverflow(dividingBy: m)
            return overflow || r == 0
        }
        guard let x = decimal(value), let m = decimal(divisor) else { return false }
        if x.digits == 0 { return true }
        if m.digits == 0 { return false }
        if x.exponent >= m.exponent {
            // x / m = dx * 10^k / dm: reduce dx * 10^k modulo dm step by step.
            var r = x.digits % m.digits
            var k = x.exponent - m.exponent
            while k > 0 && r != 0 {
                let wide = r.multipliedFullWidth(by: 10)
                r = m.digits.dividingFullWidth(wide).remainder
                k -= 1
            }
            return r == 0
        }
        // dx / (dm * 10^k): impossible once the divisor outgrows dx.
        var big = m.digits
        for _ in 0..<(m.exponent - x.exponent) {
            let (p, overflow) = big.multipliedReportingOverflow(by: 10)
            if overflow { return false }
            big = p
        }
        return x.digits % big == 0
    }

    /// |value| as digits × 10^exponent, digits without trailing zeros.
    static func decimal(_ value: JSONValue) -> (digits: UInt64, exponent: Int)? {
        let text: String
        switch value {
        case .integer(let i): text = String(i.magnitude)
        case .number(let d):
            guard d.isFinite else { return nil }
            text = d.magnitude.description
        default: return nil
        }
        var digits: UInt64 = 0
        var exponent = 0
        var afterPoint = false
        var chars = text.utf8[...]
        while let c = chars.first, c != UInt8(ascii: "e"), c != UInt8(ascii: "E") {
            chars = chars.dropFirst()
            if c == UInt8(ascii: ".") { afterPoint = true; continue }
            let (p, o1) = digits.multipliedReportingOverflow(by: 10)
            let (s, o2) = p.addingReportingOverflow(UInt64(c &- UInt8(ascii: "0")))
            if o1 || o2 {
                // More digits than fit: drop the rest of the integer part into the exponent.
                if !afterPoint { exponent += 1 }
                continue
            }
            digits = s
            if afterPoint { exponent -= 1 }
        }
        if !chars.isEmpty {
            chars = chars.dropFirst()
            exponent += Int(String(decoding: chars, as: UTF8.self)) ?? 0
        }
        if digits == 0 { return (0, 0) }
        while digits % 10 == 0 { digits /= 10; exponent += 1 }
        return (digits, exponent)
    }

    /// Text for a schema number in messages: integers without a fraction.
    static func describe(_ v: JSONValue) -> String { v.serialized() }
}
