import Foundation

/// Credentials that ride inside URLs, which a field that is not itself secret may hold
/// (`endpoint_url=https://user:password@host`, a pre-signed address with `X-Amz-Signature=`):
/// before a value is quoted in a message, they become `***`.
public enum URLCredentials {
    /// Query parameters that carry a credential (compared without regard to case): Azure SAS
    /// signatures, AWS pre-signed and temporary credentials, and the usual token and key names.
    public static let parameterNames = [
        "sig", "signature", "x-amz-signature", "x-amz-credential", "x-amz-security-token",
        "token", "access_token", "id_token", "refresh_token", "key", "api_key", "apikey",
        "password", "passwd", "secret", "client_secret",
    ]

    // `scheme://userinfo@`, also percent-encoded as the CVAT form writes it (https%3A%2F%2F…%40).
    private static let userinfo = try! NSRegularExpression(
        pattern: "([a-zA-Z][a-zA-Z0-9+.-]*(?::|%3[aA])(?://|%2[fF]%2[fF]))([^/?#@\\s]*?)(@|%40)")
    // `name=value` after `?`, `&`, `;` or the start, or percent-encoded (%3F, %26); the value
    // runs to the next separator.
    private static let parameter = try! NSRegularExpression(
        pattern: "(^|[?&;#]|%3[fF]|%26)((?:\(parameterNames.map(NSRegularExpression.escapedPattern(for:)).joined(separator: "|")))(?:=|%3[dD]))([^&;#\\s]*?)(?=$|[&;#\\s]|%26)",
        options: [.caseInsensitive])

    /// The text with every embedded credential replaced by `***`.
    public static func masked(_ text: String) -> String {
        guard text.contains("@") || text.contains("%40") || text.contains("=") || text.contains("%3D") || text.contains("%3d") else { return text }
        let whole = NSRange(text.startIndex..., in: text)
        var out = userinfo.stringByReplacingMatches(in: text, range: whole, withTemplate: "$1***$3")
        out = parameter.stringByReplacingMatches(in: out, range: NSRange(out.startIndex..., in: out), withTemplate: "$1$2***")
        return out
    }
}
