import Basics
/// URIs and IRIs (RFC 3986/3987), URI templates (RFC 6570) and JSON Pointers (RFC 6901 and
/// the relative JSON Pointer draft).
enum URIFormats {
    /// Checks the characters of each URI component; with `requireScheme` the reference must be
    /// absolute. IRIs also admit non-ASCII characters outside the scheme.
    static func isURI(_ s: String, requireScheme: Bool, international: Bool) -> Bool {
        var rest = Substring(s)
        // Scheme: ALPHA *(ALPHA / DIGIT / "+" / "-" / ".") ":" before any "/", "?" or "#".
        if let colon = rest.firstIndex(of: ":"),
           !rest[..<colon].contains(where: { $0 == "/" || $0 == "?" || $0 == "#" }) {
            let scheme = rest[..<colon].utf8
            guard let first = scheme.first, ASCII.isAlpha(first),
                  scheme.allSatisfy({ ASCII.isAlpha($0) || ASCII.isDigit($0) || $0 == UInt8(ascii: "+")
                                        || $0 == UInt8(ascii: "-") || $0 == UInt8(ascii: ".") }) else { return false }
            rest = rest[rest.index(after: colon)...]
        } else if requireScheme {
            return false
        }
        var fragment: Substring?
        if let hash = rest.firstIndex(of: "#") {
            fragment = rest[rest.index(after: hash)...]
            rest = rest[..<hash]
        }
        var query: Substring?
        if let mark = rest.firstIndex(of: "?") {
            query = rest[rest.index(after: mark)...]
            rest = rest[..<mark]
        }
        if rest.hasPrefix("//") {
            rest = rest.dropFirst(2)
            let end = rest.firstIndex(of: "/") ?? rest.endIndex
            guard isAuthority(rest[..<end], international: international) else { return false }
            rest = rest[end...]
        }
        let pathExtra: Set<Unicode.Scalar> = ["/", ":", "@"]
        let queryExtra: Set<Unicode.Scalar> = ["/", ":", "@", "?"]
        guard allowed(rest, extra: pathExtra, international: international) else { return false }
        if let query, !allowed(query, extra: queryExtra, international: international) { return false }
        if let fragment, !allowed(fragment, extra: queryExtra, international: international) { return false }
        return true
    }

    /// userinfo@host:port, with an IP literal in brackets.
    private static func isAuthority(_ authority: Substring, international: Bool) -> Bool {
        var host = authority
        if let at = host.lastIndex(of: "@") {
            guard allowed(host[..<at], extra: [":"], international: international) else { return false }
            host = host[host.index(after: at)...]
        }
        if host.hasPrefix("[") {
            guard let close = host.firstIndex(of: "]") else { return false }
            let literal = host[host.index(after: host.startIndex)..<close]
            guard NetworkFormats.isIPv6(Array(literal.utf8)[...]) else { return false }
            host = host[host.index(after: close)...]
            if host.isEmpty { return true }
            guard host.hasPrefix(":") else { return false }
            return host.dropFirst().utf8.allSatisfy(ASCII.isDigit)
        }
        if let colon = host.lastIndex(of: ":") {
            guard host[host.index(after: colon)...].utf8.allSatisfy(ASCII.isDigit) else { return false }
            host = host[..<colon]
        }
        return allowed(host, extra: [], international: international)
    }

    /// unreserved / pct-encoded / sub-delims / `extra`, plus non-ASCII for IRIs.
    private static func allowed(_ text: Substring, extra: Set<Unicode.Scalar>, international: Bool) -> Bool {
        let scalars = Array(text.unicodeScalars)
        var i = 0
        while i < scalars.count {
            let c = scalars[i]
            if c == "%" {
                guard i + 2 < scalars.count, scalars[i + 1].isASCII, scalars[i + 2].isASCII,
                      ASCII.isHex(UInt8(scalars[i + 1].value)), ASCII.isHex(UInt8(scalars[i + 2].value)) else { return false }
                i += 3
                continue
            }
            if c.isASCII {
                let b = UInt8(c.value)
                let ok = ASCII.isAlpha(b) || ASCII.isDigit(b) || "-._~!$&'()*+,;=".unicodeScalars.contains(c) || extra.contains(c)
                if !ok { return false }
            } else if !international || c.properties.generalCategory == .control || c.properties.isWhitespace {
                return false
            }
            i += 1
        }
        return true
    }

    /// RFC 6570 level 4: literals plus {operator? varname[:prefix|*](,…)} expressions.
    static func isURITemplate(_ s: String) -> Bool {
        var inExpression = false
        var expression = ""
        for c in s.unicodeScalars {
            if inExpression {
                if c == "}" {
                    guard isTemplateExpression(expression) else { return false }
                    inExpression = false
                    expression = ""
                } else if c == "{" {
                    return false
                } else {
                    expression.unicodeScalars.append(c)
                }
            } else if c == "{" {
                inExpression = true
            } else if c == "}" || c == " " || c == "\"" || c == "<" || c == ">" || c == "\\" || c == "^"
                        || c == "`" || c == "|" || c.value < 0x20 || c.value == 0x7F {
                return false
            }
        }
        return !inExpression
    }

    private static func isTemplateExpression(_ e: String) -> Bool {
        var body = Substring(e)
        if let first = body.first, "+#./;?&=,!@|".contains(first) { body = body.dropFirst() }
        guard !body.isEmpty else { return false }
        for spec in body.split(separator: ",", omittingEmptySubsequences: false) {
            var name = spec
            if name.hasSuffix("*") {
                name = name.dropLast()
            } else if let colon = name.firstIndex(of: ":") {
                let prefix = name[name.index(after: colon)...]
                guard let n = ASCII.number(prefix.utf8), n > 0, n < 10000, prefix.first != "0" else { return false }
                name = name[..<colon]
            }
            guard !name.isEmpty, !name.hasPrefix("."), !name.hasSuffix("."), !name.contains("..") else { return false }
            for b in name.utf8 where !(ASCII.isAlpha(b) || ASCII.isDigit(b) || b == UInt8(ascii: "_")
                                       || b == UInt8(ascii: ".") || b == UInt8(ascii: "%")) {
                return false
            }
        }
        return true
    }

    /// "" or "/"-prefixed tokens where "~" is followed by 0 or 1.
    static func isJSONPointer(_ u: ArraySlice<UInt8>) -> Bool {
        if u.isEmpty { return true }
        guard u.first == UInt8(ascii: "/") else { return false }
        var i = u.startIndex
        while i < u.endIndex {
            if u[i] == UInt8(ascii: "~") {
                let next = u.index(after: i)
                guard next < u.endIndex, u[next] == UInt8(ascii: "0") || u[next] == UInt8(ascii: "1") else { return false }
            }
            i = u.index(after: i)
        }
        return true
    }

    /// A non-negative integer (no leading zeros), optionally "+n"/"-n" index adjustment, then
    /// "#" or a JSON Pointer.
    static func isRelativeJSONPointer(_ u: [UInt8]) -> Bool {
        var i = 0
        while i < u.count, ASCII.isDigit(u[i]) { i += 1 }
        guard i > 0, !(i > 1 && u[0] == UInt8(ascii: "0")) else { return false }
        if i < u.count, u[i] == UInt8(ascii: "+") || u[i] == UInt8(ascii: "-") {
            let start = i + 1
            var j = start
            while j < u.count, ASCII.isDigit(u[j]) { j += 1 }
            guard j > start, !(j - start > 1 && u[start] == UInt8(ascii: "0")), !(u[start] == UInt8(ascii: "0") && u[i] == UInt8(ascii: "-")) else { return false }
            i = j
        }
        if i == u.count { return true }
        if u[i] == UInt8(ascii: "#") { return i + 1 == u.count }
        return isJSONPointer(u[i...])
    }
}
