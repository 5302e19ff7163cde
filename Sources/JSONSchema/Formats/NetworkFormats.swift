import Basics
/// Host names, IP addresses and email addresses.
enum NetworkFormats {
    /// RFC 1123 host name: dot-separated labels of letters, digits and inner hyphens, each at
    /// most 63 bytes, 253 in all, without a trailing dot. The international form also admits non-ASCII letters (no
    /// full IDNA2008 check), measured in their punycode-free length.
    static func isHostname(_ s: String, international: Bool) -> Bool {
        var name = s
        // IDNA treats the ideographic, fullwidth and halfwidth full stops as dots.
        if international { name = String(name.unicodeScalars.map { "\u{3002}\u{FF0E}\u{FF61}".unicodeScalars.contains($0) ? "." : Character($0) }) }
        guard !name.isEmpty, name.utf8.count <= 253 else { return false }
        for label in name.split(separator: ".", omittingEmptySubsequences: false) {
            let scalars = label.unicodeScalars
            guard !scalars.isEmpty, scalars.count <= 63, scalars.first != "-", scalars.last != "-" else { return false }
            for c in scalars {
                if c.isASCII {
                    let b = UInt8(c.value)
                    guard ASCII.isAlpha(b) || ASCII.isDigit(b) || b == UInt8(ascii: "-") else { return false }
                } else {
                    guard international, c.properties.isAlphabetic || c.properties.numericType != nil
                            || c.properties.generalCategory == .nonspacingMark
                            || c.properties.generalCategory == .spacingMark else { return false }
                }
            }
            // "--" in the third and fourth place is reserved for A-labels ("xn--").
            let bytes = Array(label.utf8)
            if bytes.count >= 4, bytes[2] == UInt8(ascii: "-"), bytes[3] == UInt8(ascii: "-"),
               !(ASCII.isAlpha(bytes[0]) && (bytes[0] | 0x20) == UInt8(ascii: "x") && (bytes[1] | 0x20) == UInt8(ascii: "n")) {
                return false
            }
        }
        return true
    }

    /// Dotted decimal, four parts 0-255, no leading zeros.
    static func isIPv4(_ u: ArraySlice<UInt8>) -> Bool {
        let parts = u.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
        guard parts.count == 4 else { return false }
        for part in parts {
            guard part.count <= 3, let value = ASCII.number(part), value <= 255 else { return false }
            if part.count > 1 && part.first == UInt8(ascii: "0") { return false }
        }
        return true
    }

    /// RFC 4291 text form: up to eight groups of 1-4 hex digits, at most one "::", optionally
    /// ending in a dotted IPv4 address that counts as two groups.
    static func isIPv6(_ u: ArraySlice<UInt8>) -> Bool {
        guard u.count >= 2, u.count <= 45 else { return false }
        let text = Array(u)
        var groups = 0
        var compressed = false
        var i = 0
        if text.starts(with: Array("::".utf8)) {
            compressed = true
            i = 2
            if i == text.count { return true }
        } else if text[0] == UInt8(ascii: ":") {
            return false
        }
        while i < text.count {
            let start = i
            while i < text.count, ASCII.isHex(text[i]) { i += 1 }
            if i < text.count, text[i] == UInt8(ascii: ".") {
                // Embedded IPv4 must be the last part.
                guard isIPv4(text[start...]) else { return false }
                groups += 2
                i = text.count
                break
            }
            let length = i - start
            guard length >= 1, length <= 4 else { return false }
            groups += 1
            if i == text.count { break }
            guard text[i] == UInt8(ascii: ":") else { return false }
            i += 1
            if i < text.count, text[i] == UInt8(ascii: ":") {
                guard !compressed else { return false }
                compressed = true
                i += 1
                if i == text.count { break }
            } else if i == text.count {
                return false
            }
        }
        return compressed ? groups <= 7 : groups == 8
    }

    /// RFC 5321 mailbox: a dot-atom or quoted local part, "@", and a host name or an address
    /// literal ([1.2.3.4] or [IPv6:…]). The international form admits non-ASCII in both parts.
    static func isEmail(_ s: String, international: Bool) -> Bool {
        guard let at = s.lastIndex(of: "@") else { return false }
        let local = s[..<at], domain = s[s.index(after: at)...]
        guard !local.isEmpty, !domain.isEmpty else { return false }
        if local.hasPrefix("\"") {
            guard local.count >= 2, local.hasSuffix("\"") else { return false }
            var escaped = false
            for c in local.unicodeScalars.dropFirst().dropLast() {
                if escaped { escaped = false; continue }
                if c == "\\" { escaped = true; continue }
                if c == "\"" || c.value < 0x20 { return false }
                if !c.isASCII && !international { return false }
            }
            if escaped { return false }
        } else {
            guard !local.hasPrefix("."), !local.hasSuffix("."), !local.contains("..") else { return false }
            let atext = Set("!#$%&'*+-/=?^_`{|}~.".unicodeScalars)
            for c in local.unicodeScalars {
                if c.isASCII {
                    let b = UInt8(c.value)
                    guard ASCII.isAlpha(b) || ASCII.isDigit(b) || atext.contains(c) else { return false }
                } else if !international {
                    return false
                }
            }
        }
        if domain.hasPrefix("[") {
            guard domain.hasSuffix("]") else { return false }
            let literal = domain.dropFirst().dropLast()
            if literal.hasPrefix("IPv6:") { return isIPv6(Array(literal.dropFirst(5).utf8)[...]) }
            return isIPv4(Array(literal.utf8)[...])
        }
        return isHostname(String(domain), international: international)
    }
}
