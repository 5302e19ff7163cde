import Basics
/// The `format` values checked when format assertion is on. `format` is an annotation by
/// default in 2020-12; `CompiledSchema(assertFormats: true)` or a metaschema with the
/// format-assertion vocabulary turns these into assertions. Unknown formats always pass.
enum FormatCheck: String, Sendable {
    case dateTime = "date-time"
    case date
    case time
    case duration
    case email
    case idnEmail = "idn-email"
    case hostname
    case idnHostname = "idn-hostname"
    case ipv4
    case ipv6
    case uri
    case uriReference = "uri-reference"
    case iri
    case iriReference = "iri-reference"
    case uriTemplate = "uri-template"
    case uuid
    case regex
    case jsonPointer = "json-pointer"
    case relativeJSONPointer = "relative-json-pointer"

    func accepts(_ s: String) -> Bool {
        let u = Array(s.utf8)
        switch self {
        case .dateTime: return DateTimeFormats.isDateTime(u)
        case .date: return DateTimeFormats.isDate(u[...])
        case .time: return DateTimeFormats.isTime(u[...])
        case .duration: return DateTimeFormats.isDuration(u)
        case .email: return NetworkFormats.isEmail(s, international: false)
        case .idnEmail: return NetworkFormats.isEmail(s, international: true)
        case .hostname: return NetworkFormats.isHostname(s, international: false)
        case .idnHostname: return NetworkFormats.isHostname(s, international: true)
        case .ipv4: return NetworkFormats.isIPv4(u[...])
        case .ipv6: return NetworkFormats.isIPv6(u[...])
        case .uri: return URIFormats.isURI(s, requireScheme: true, international: false)
        case .uriReference: return URIFormats.isURI(s, requireScheme: false, international: false)
        case .iri: return URIFormats.isURI(s, requireScheme: true, international: true)
        case .iriReference: return URIFormats.isURI(s, requireScheme: false, international: true)
        case .uriTemplate: return URIFormats.isURITemplate(s)
        case .uuid: return Self.isUUID(u)
        case .regex: return (try? Pattern(s)) != nil
        case .jsonPointer: return URIFormats.isJSONPointer(u[...])
        case .relativeJSONPointer: return URIFormats.isRelativeJSONPointer(u)
        }
    }

    /// For messages: "must be a valid …".
    var readableName: String {
        switch self {
        case .dateTime: return "date-time (RFC 3339, e.g. 2024-05-01T12:00:00Z)"
        case .date: return "date (YYYY-MM-DD)"
        case .time: return "time (RFC 3339, e.g. 12:00:00Z)"
        case .duration: return "duration (ISO 8601, e.g. P1DT2H)"
        case .email, .idnEmail: return "email address"
        case .hostname, .idnHostname: return "hostname"
        case .ipv4: return "IPv4 address"
        case .ipv6: return "IPv6 address"
        case .uri, .iri: return "absolute URI"
        case .uriReference, .iriReference: return "URI reference"
        case .uriTemplate: return "URI template"
        case .uuid: return "UUID"
        case .regex: return "regular expression"
        case .jsonPointer: return "JSON Pointer"
        case .relativeJSONPointer: return "relative JSON Pointer"
        }
    }

    private static func isUUID(_ u: [UInt8]) -> Bool {
        guard u.count == 36 else { return false }
        for (i, b) in u.enumerated() {
            if i == 8 || i == 13 || i == 18 || i == 23 {
                if b != UInt8(ascii: "-") { return false }
            } else if !ASCII.isHex(b) {
                return false
            }
        }
        return true
    }
}
