/// What checking one external URL found, in a form that can be cached and turned into findings.
struct URLCheckResult: Codable, Equatable, Sendable {
    struct Hop: Codable, Equatable, Sendable {
        /// The redirect's status and the URL it pointed to.
        var status: Int
        var location: String
    }

    /// Final HTTP status; nil when there was no response.
    var status: Int?
    var redirects: [Hop] = []
    var timedOut = false
    var error: String?
    /// Requests made for the last hop, for the timeout message.
    var attempts = 1

    var isSuccess: Bool {
        guard let status else { return false }
        return (200..<300).contains(status)
    }

    /// The finding (if any) this result means for a use of `url`.
    func finding(url: String, timeout: Double) -> (LinkFinding.Kind, String)? {
        if timedOut {
            let tries = attempts == 1 ? "1 attempt" : "\(attempts) attempts"
            return (.externalTimeout, "timed out after \(formatSeconds(timeout)) s (\(tries)): \(finalURL(url))")
        }
        if let error {
            return (.externalError, "\(error): \(finalURL(url))")
        }
        guard let status else { return (.externalError, "no response: \(url)") }
        let via = redirects.isEmpty ? "" : " (redirected from \(url))"
        if !isSuccess {
            return (.externalStatus, "HTTP \(status)\(Self.reason(status)): \(finalURL(url))\(via)")
        }
        guard !redirects.isEmpty else { return nil }
        let chain = (redirects.map { String($0.status) } + [String(status)]).joined(separator: " → ")
        return (.externalRedirect, "redirects to \(finalURL(url)) (\(chain))")
    }

    func finalURL(_ url: String) -> String { redirects.last?.location ?? url }

    private static func reason(_ status: Int) -> String {
        switch status {
        case 400: return " Bad Request"
        case 401: return " Unauthorized"
        case 403: return " Forbidden"
        case 404: return " Not Found"
        case 405: return " Method Not Allowed"
        case 410: return " Gone"
        case 429: return " Too Many Requests"
        case 500: return " Internal Server Error"
        case 502: return " Bad Gateway"
        case 503: return " Service Unavailable"
        case 504: return " Gateway Timeout"
        default: return ""
        }
    }
}

func formatSeconds(_ seconds: Double) -> String {
    seconds == seconds.rounded() ? String(Int(seconds)) : String(seconds)
}
