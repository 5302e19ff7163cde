/// The two attribute values that hold URLs inside other syntax, parsed the way browsers do.
enum AttributeParsers {
    /// The URLs of a `srcset` value ("a.png 1x, b.png 2x"), following the HTML spec's parsing
    /// steps so that URLs with commas (`a,b.png 1x`) and descriptors with parentheses survive.
    static func srcsetURLs(_ value: String) -> [String] {
        let b = Array(value.utf8)
        var urls: [String] = []
        var i = 0
        while true {
            while i < b.count, isSpace(b[i]) || b[i] == UInt8(ascii: ",") { i += 1 }
            guard i < b.count else { return urls }
            let start = i
            while i < b.count, !isSpace(b[i]) { i += 1 }
            var end = i
            if b[end - 1] == UInt8(ascii: ",") {
                while end > start, b[end - 1] == UInt8(ascii: ",") { end -= 1 }
            } else {
                // Descriptors run to the next comma that is not inside parentheses.
                var depth = 0
                while i < b.count {
                    let c = b[i]
                    if c == UInt8(ascii: "(") { depth += 1 }
                    else if c == UInt8(ascii: ")") { depth = max(0, depth - 1) }
                    else if c == UInt8(ascii: ","), depth == 0 { break }
                    i += 1
                }
            }
            if end > start { urls.append(String(decoding: b[start..<end], as: UTF8.self)) }
        }
    }

    /// The target of `<meta http-equiv="refresh" content="0; url=/x/">`, or nil when the refresh
    /// only reloads the page.
    static func refreshURL(_ content: String) -> String? {
        let b = Array(content.utf8)
        var i = 0
        while i < b.count, isSpace(b[i]) { i += 1 }
        while i < b.count, (b[i] >= UInt8(ascii: "0") && b[i] <= UInt8(ascii: "9")) || b[i] == UInt8(ascii: ".") { i += 1 }
        while i < b.count, isSpace(b[i]) { i += 1 }
        if i < b.count, b[i] == UInt8(ascii: ";") || b[i] == UInt8(ascii: ",") { i += 1 }
        while i < b.count, isSpace(b[i]) { i += 1 }
        guard i < b.count else { return nil }
        if i + 3 <= b.count, lowercase(b[i]) == UInt8(ascii: "u"), lowercase(b[i + 1]) == UInt8(ascii: "r"),
           lowercase(b[i + 2]) == UInt8(ascii: "l") {
            var j = i + 3
            while j < b.count, isSpace(b[j]) { j += 1 }
            if j < b.count, b[j] == UInt8(ascii: "=") {
                j += 1
                while j < b.count, isSpace(b[j]) { j += 1 }
                i = j
            }
        }
        var end = b.count
        if i < b.count, b[i] == UInt8(ascii: "\"") || b[i] == UInt8(ascii: "'") {
            let quote = b[i]
            i += 1
            if let close = b[i...].firstIndex(of: quote) { end = close }
        }
        while end > i, isSpace(b[end - 1]) { end -= 1 }
        guard end > i else { return nil }
        return String(decoding: b[i..<end], as: UTF8.self)
    }
}
