/// Bytes and byte classes that the scanners of docgen's stages look for. All of them are ASCII,
/// so matching them on raw UTF-8 can never split a multi-byte scalar.
public enum ASCII {
    // Inlinable, so that the scanners' hot loops compare against constants across module lines.
    @inlinable public static var openBrace: UInt8 { UInt8(ascii: "{") }
    @inlinable public static var closeBrace: UInt8 { UInt8(ascii: "}") }
    @inlinable public static var lessThan: UInt8 { UInt8(ascii: "<") }
    @inlinable public static var greaterThan: UInt8 { UInt8(ascii: ">") }
    @inlinable public static var percent: UInt8 { UInt8(ascii: "%") }
    @inlinable public static var slash: UInt8 { UInt8(ascii: "/") }
    @inlinable public static var star: UInt8 { UInt8(ascii: "*") }
    @inlinable public static var quote: UInt8 { UInt8(ascii: "\"") }
    @inlinable public static var backtick: UInt8 { UInt8(ascii: "`") }
    @inlinable public static var backslash: UInt8 { UInt8(ascii: "\\") }
    @inlinable public static var equals: UInt8 { UInt8(ascii: "=") }
    @inlinable public static var dot: UInt8 { UInt8(ascii: ".") }
    @inlinable public static var space: UInt8 { UInt8(ascii: " ") }
    @inlinable public static var tab: UInt8 { UInt8(ascii: "\t") }
    @inlinable public static var newline: UInt8 { UInt8(ascii: "\n") }
    @inlinable public static var carriageReturn: UInt8 { UInt8(ascii: "\r") }

    @inlinable public static func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }
    @inlinable public static func isAlpha(_ b: UInt8) -> Bool { (b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A }
    @inlinable public static func isHex(_ b: UInt8) -> Bool { isDigit(b) || ((b | 0x20) >= 0x61 && (b | 0x20) <= 0x66) }

    /// The value of the decimal digits, or nil if any byte is not a digit or there are none.
    @inlinable public static func number<C: Collection>(_ digits: C) -> Int? where C.Element == UInt8 {
        guard !digits.isEmpty, digits.count <= 18 else { return nil }
        var value = 0
        for b in digits {
            guard isDigit(b) else { return nil }
            value = value * 10 + Int(b - 0x30)
        }
        return value
    }
}
