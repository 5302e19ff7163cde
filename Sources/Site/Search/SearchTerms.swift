/// The words search matches: runs of Unicode letters and digits, lower-cased. The browser's
/// engine splits queries with the same rule (`/[\p{L}\p{N}]+/gu`, `toLowerCase`), so that a word
/// typed is the word indexed.
enum SearchTerms {
    /// Longer runs are hashes, keys and encoded data, which nobody types.
    static let longest = 40

    static func each(in text: String, _ body: (String) -> Void) {
        var word = String.UnicodeScalarView()
        var ascii = true
        func flush() {
            if !word.isEmpty && word.count <= longest {
                let term = String(word)
                body(ascii ? term : term.lowercased())
            }
            word.removeAll(keepingCapacity: true)
            ascii = true
        }
        for scalar in text.unicodeScalars {
            let value = scalar.value
            if value < 0x80 {
                if value >= 0x61 && value <= 0x7A || value >= 0x30 && value <= 0x39 {
                    word.append(scalar)
                } else if value >= 0x41 && value <= 0x5A {
                    word.append(Unicode.Scalar(value + 0x20)!)
                } else {
                    flush()
                }
            } else if isLetterOrNumber(scalar) {
                word.append(scalar)
                ascii = false
            } else {
                flush()
            }
        }
        flush()
    }

    static func all(in text: String) -> [String] {
        var terms: [String] = []
        each(in: text) { terms.append($0) }
        return terms
    }

    /// `\p{L}` or `\p{N}`, as JavaScript's regular expressions take them.
    static func isLetterOrNumber(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
             .decimalNumber, .letterNumber, .otherNumber:
            return true
        default:
            return false
        }
    }

    /// The dictionary shard a term is listed in: its first letter when that is a–z, "0" for a
    /// digit, "_" for anything else.
    static func shard(of term: String) -> String {
        guard let first = term.unicodeScalars.first else { return "_" }
        if first.value >= 0x61 && first.value <= 0x7A { return String(first) }
        if first.value >= 0x30 && first.value <= 0x39 { return "0" }
        return "_"
    }
}
