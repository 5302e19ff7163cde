/// Which version of Hugo's heading-ID rules to follow. Hugo changed what text an ID is made
/// from; sites written for one set of rules have links that only work under that set.
public enum HeadingIDRules: String, Sendable, CaseIterable {
    /// Hugo 0.110/0.111 (goldmark of early 2023): the ID is made from the heading's raw Markdown
    /// source, so link destinations and raw HTML tags count as text.
    case hugo0110 = "hugo-0.110"
    /// Current Hugo: the ID is made from the heading's rendered text only.
    case hugoCurrent = "hugo-current"
}

/// Generates unique heading IDs for one page the way Hugo's goldmark integration does
/// (GitHub style): letters, digits and `_` kept and lower-cased, spaces and `-` become `-`,
/// everything else dropped; an empty result becomes "heading"; a repeat gets `-1`, `-2`, ….
public struct HeadingIDGenerator: Sendable {
    private var used: Set<String> = []
    /// The suffix to try first for each ID already used: IDs are only ever added, so every
    /// lower suffix is still taken, and a page of many equal headings is not quadratic.
    private var nextSuffix: [String: Int] = [:]

    public init() {}

    public static func slug(_ text: String) -> String {
        // Most headings are ASCII: one pass over the bytes, no scalar decoding.
        if text.utf8.allSatisfy({ $0 < 0x80 }) {
            var bytes: [UInt8] = []
            bytes.reserveCapacity(text.utf8.count)
            for byte in text.utf8 {
                switch byte {
                case UInt8(ascii: " "), UInt8(ascii: "-"): bytes.append(UInt8(ascii: "-"))
                case UInt8(ascii: "A")...UInt8(ascii: "Z"): bytes.append(byte + 32)
                case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "_"): bytes.append(byte)
                default: break
                }
            }
            return String(decoding: bytes, as: UTF8.self)
        }
        var result = ""
        result.unicodeScalars.reserveCapacity(text.unicodeScalars.count)
        for scalar in text.unicodeScalars {
            if scalar.isASCII {
                switch scalar {
                case " ", "-": result.unicodeScalars.append("-")
                case "A"..."Z": result.unicodeScalars.append(Unicode.Scalar(scalar.value + 32)!)
                case "a"..."z", "0"..."9", "_": result.unicodeScalars.append(scalar)
                default: break
                }
            } else if isLetter(scalar) || isDigit(scalar) {
                result += scalar.properties.lowercaseMapping
            }
        }
        return result
    }

    /// Marks an ID as taken (an explicit `{#id}`), so generated ones avoid it.
    public mutating func reserve(_ id: String) { used.insert(id) }

    /// The ID for a heading with `text`, numbered if it is taken; `type` chooses only the slug:
    /// Hugo numbers repeats the same way for every type.
    public mutating func next(for text: String, type: MarkupSettings.HeadingIDType = .github) -> String {
        var id = Self.slug(text, type: type)
        if id.isEmpty { id = "heading" }
        if used.contains(id) {
            var n = nextSuffix[id] ?? 1
            while used.contains("\(id)-\(n)") { n += 1 }
            nextSuffix[id] = n + 1
            id = "\(id)-\(n)"
        }
        used.insert(id)
        return id
    }

    // Go's unicode.IsLetter: general categories L*.
    private static func isLetter(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter: return true
        default: return false
        }
    }

    // Go's unicode.IsDigit: decimal digits (Nd).
    private static func isDigit(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.generalCategory == .decimalNumber
    }
}
