/// JSON Pointer (RFC 6901): "" is the whole document, "/a/0/b~1c" walks key "a", index 0,
/// key "b/c".
public enum JSONPointer {
    /// The reference tokens of `pointer`, unescaped; nil when it is neither "" nor starts with "/"
    /// or when it holds a "~" not followed by 0 or 1.
    public static func tokens(_ pointer: String) -> [String]? {
        if pointer.isEmpty { return [] }
        guard pointer.utf8.first == UInt8(ascii: "/") else { return nil }
        var result: [String] = []
        for raw in pointer.utf8.dropFirst().split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: false) {
            guard let token = unescape(Substring(raw)) else { return nil }
            result.append(token)
        }
        return result
    }

    /// Escapes one reference token ("~" → "~0", "/" → "~1").
    public static func escape(_ token: String) -> String {
        guard token.utf8.contains(where: { $0 == UInt8(ascii: "~") || $0 == UInt8(ascii: "/") }) else { return token }
        // On bytes: "~" followed by a combining mark is one Character, which a Character
        // comparison would not see as "~" (found by the json fuzz target).
        var out: [UInt8] = []
        out.reserveCapacity(token.utf8.count + 4)
        for byte in token.utf8 {
            switch byte {
            case UInt8(ascii: "~"): out += [UInt8(ascii: "~"), UInt8(ascii: "0")]
            case UInt8(ascii: "/"): out += [UInt8(ascii: "~"), UInt8(ascii: "1")]
            default: out.append(byte)
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Joins unescaped tokens into a pointer.
    public static func pointer<S: Sequence>(_ tokens: S) -> String where S.Element == String {
        var out = ""
        for token in tokens {
            out += "/"
            out += escape(token)
        }
        return out
    }

    static func unescape(_ raw: Substring) -> String? {
        guard raw.utf8.contains(UInt8(ascii: "~")) else { return String(raw) }
        var out = ""
        var iterator = raw.unicodeScalars.makeIterator()
        while let c = iterator.next() {
            if c == "~" {
                switch iterator.next() {
                case "0": out += "~"
                case "1": out += "/"
                default: return nil
                }
            } else {
                out.unicodeScalars.append(c)
            }
        }
        return out
    }

    /// Array index token per RFC 6901: digits without leading zeros.
    static func index(_ token: String) -> Int? {
        let u = token.utf8
        guard let first = u.first, first >= UInt8(ascii: "0"), first <= UInt8(ascii: "9") else { return nil }
        if first == UInt8(ascii: "0") && u.count > 1 { return nil }
        guard u.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) else { return nil }
        return Int(token)
    }
}

extension JSONValue {
    /// The value that `pointer` designates, or nil when the pointer is malformed or leads nowhere.
    public func value(at pointer: String) -> JSONValue? {
        guard let tokens = JSONPointer.tokens(pointer) else { return nil }
        return value(atTokens: tokens)
    }

    public func value<C: Collection>(atTokens tokens: C) -> JSONValue? where C.Element == String {
        var current = self
        for token in tokens {
            switch current {
            case .object(let object):
                guard let next = object[token] else { return nil }
                current = next
            case .array(let items):
                guard let i = JSONPointer.index(token), i < items.count else { return nil }
                current = items[i]
            default:
                return nil
            }
        }
        return current
    }
}
