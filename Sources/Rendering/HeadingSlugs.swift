import Foundation

/// The slug rules of Hugo's `autoHeadingIDType`s other than github (markup/goldmark/autoid.go and
/// markup/blackfriday/anchors.go in Hugo 0.111.3). Numbering repeats is the same for every type.
extension HeadingIDGenerator {
    public static func slug(_ text: String, type: MarkupSettings.HeadingIDType) -> String {
        switch type {
        case .github: return slug(text)
        case .githubASCII: return asciiSlug(text)
        case .blackfriday: return blackfridaySlug(text)
        }
    }

    /// Hugo removes accents (NFD, then drops the combining marks) and then skips every character
    /// that is not one byte. The marks are not ASCII, so keeping the ASCII scalars of the NFD form
    /// is the same; the NFC step Hugo ends with cannot bring an ASCII character back.
    static func asciiSlug(_ text: String) -> String {
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return slug(text) }
        var ascii = String.UnicodeScalarView()
        for scalar in text.decomposedStringWithCanonicalMapping.unicodeScalars where scalar.isASCII {
            ascii.append(scalar)
        }
        return slug(String(ascii))
    }

    /// Blackfriday's SanitizedAnchorName: runs of letters and numbers (any script, and number
    /// here includes `½` and `Ⅻ`) lower-cased and joined by one `-`; everything else, `_`
    /// included, only separates them, so no `-` leads or trails.
    static func blackfridaySlug(_ text: String) -> String {
        var result = String.UnicodeScalarView()
        var dashPending = false
        for scalar in text.unicodeScalars {
            let lower: Unicode.Scalar
            switch scalar {
            case "A"..."Z": lower = Unicode.Scalar(scalar.value + 32)!
            case "a"..."z", "0"..."9": lower = scalar
            default:
                guard !scalar.isASCII, isLetterOrNumber(scalar) else {
                    dashPending = true
                    continue
                }
                lower = goLowercase(scalar)
            }
            if dashPending && !result.isEmpty { result.append("-") }
            dashPending = false
            result.append(lower)
        }
        return String(result)
    }

    // Go's unicode.IsLetter || unicode.IsNumber: general categories L* and N*.
    private static func isLetterOrNumber(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
             .decimalNumber, .letterNumber, .otherNumber: return true
        default: return false
        }
    }

    /// Go's unicode.ToLower maps one character to one (the simple mapping); Swift gives the full
    /// mapping, which differs only where it is longer (`İ` → `i̇`), and there starts with the
    /// simple one.
    private static func goLowercase(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        scalar.properties.lowercaseMapping.unicodeScalars.first ?? scalar
    }
}
