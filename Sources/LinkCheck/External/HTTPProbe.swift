import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// The answer to one HTTP request, redirects not followed.
enum ProbeOutcome: Equatable, Sendable {
    case response(status: Int, location: String?, retryAfter: String?)
    case timeout
    case failure(String)
}

/// Sends single requests and reports the status line and the headers the checker needs. It never
/// follows redirects itself (the checker follows them to record the chain) and never downloads a
/// body: a GET is cut off as soon as the response head has arrived, so it costs no more than a HEAD.
///
/// Requests go through libcurl, loaded at run time (see `LibCurl`). `curl_easy_perform` blocks, so
/// each request runs on a thread of its own; the checker bounds how many run at once.
final class HTTPProbe: @unchecked Sendable {
    private let curl: LibCurl?
    private let handles: EasyHandlePool?
    private let userAgent: String

    /// `maxConnectionsPerHost` is kept for the caller's sake: every request in flight has its own
    /// connection, and the checker's `HostLimiter` already bounds the requests per host.
    convenience init(maxConnectionsPerHost: Int, userAgent: String) {
        self.init(userAgent: userAgent, curl: LibCurl.shared)
    }

    /// `curl` nil: libcurl is not available, and every request fails saying so.
    init(userAgent: String, curl: LibCurl?) {
        self.curl = curl
        self.handles = curl.map(EasyHandlePool.init)
        self.userAgent = userAgent
    }

    deinit {
        handles?.close()
    }

    /// Frees the idle curl handles (and closes the connections they keep); handles still in use are
    /// freed when their request ends.
    func invalidate() {
        handles?.close()
    }

    func send(_ url: URL, method: String, timeout: Double) async -> ProbeOutcome {
        guard let curl, let handles else { return .failure(LibCurl.missingMessage) }
        // Only http(s) links reach here; a stray file: or ftp: URL must not be fetched by curl.
        guard let scheme = url.scheme?.lowercased(), scheme == "http" || scheme == "https" else {
            return .failure("unsupported URL")
        }
        let request = CurlRequest(curl: curl, handles: handles, url: url.absoluteString, method: method,
                                  timeout: timeout, userAgent: userAgent)
        return await withCheckedContinuation { continuation in
            let thread = Thread {
                continuation.resume(returning: request.perform())
            }
            thread.name = "docgen-linkcheck-http"
            thread.start()
        }
    }
}

/// curl easy handles not in use. A handle is used by one request (so one thread) at a time and
/// then kept for the next request, with its open connections and DNS cache: a later request to
/// the same host can skip the connect and TLS handshake.
private final class EasyHandlePool: @unchecked Sendable {
    private let curl: LibCurl
    private let lock = NSLock()
    private var idle: [LibCurl.Easy] = []
    private var closed = false

    init(curl: LibCurl) {
        self.curl = curl
    }

    func take() -> LibCurl.Easy? {
        lock.lock()
        let handle = idle.popLast()
        lock.unlock()
        return handle ?? curl.easyInit()
    }

    /// Returns a handle whose options have been reset.
    func put(_ handle: LibCurl.Easy) {
        lock.lock()
        let keep = !closed
        if keep { idle.append(handle) }
        lock.unlock()
        if !keep { curl.easyCleanup(handle) }
    }

    func close() {
        lock.lock()
        closed = true
        let handles = idle
        idle = []
        lock.unlock()
        for handle in handles { curl.easyCleanup(handle) }
    }
}

/// One request, performed synchronously on the calling thread.
private struct CurlRequest: Sendable {
    let curl: LibCurl
    let handles: EasyHandlePool
    let url: String
    let method: String
    let timeout: Double
    let userAgent: String

    func perform() -> ProbeOutcome {
        guard let easy = handles.take() else { return .failure("libcurl could not start a request") }
        let head = ResponseHead(stopAtEnd: method != "HEAD")
        let errorBuffer = UnsafeMutablePointer<CChar>.allocate(capacity: Curl.ERROR_SIZE)
        errorBuffer.initialize(repeating: 0, count: Curl.ERROR_SIZE)
        let outcome = withExtendedLifetime(head) {
            perform(easy, head: head, errorBuffer: errorBuffer)
        }
        // Reset clears every option, so the handle no longer points at `head` or the buffer; it
        // keeps its connections and DNS cache for the next request.
        curl.easyReset(easy)
        handles.put(easy)
        errorBuffer.deinitialize(count: Curl.ERROR_SIZE)
        errorBuffer.deallocate()
        return outcome
    }

    private func perform(_ easy: LibCurl.Easy, head: ResponseHead,
                         errorBuffer: UnsafeMutablePointer<CChar>) -> ProbeOutcome {
        let setLong = { (option: Int32, value: Int) in _ = curl.setoptLong(easy, option, value) }
        let setString = { (option: Int32, value: String) -> Int32 in
            // libcurl copies string options.
            value.withCString { curl.setoptPointer(easy, option, $0) }
        }
        let context = UnsafeRawPointer(Unmanaged.passUnretained(head).toOpaque())

        let urlSet = setString(Curl.OPT_URL, url)
        guard urlSet == Curl.E_OK else { return .failure(describe(urlSet, easy, errorBuffer)) }
        _ = curl.setoptPointer(easy, Curl.OPT_ERRORBUFFER, errorBuffer)
        setLong(Curl.OPT_NOSIGNAL, 1)
        setLong(Curl.OPT_FOLLOWLOCATION, 0)
        // The timeout covers the whole exchange, from name lookup to the end of the response head.
        let milliseconds = max(1, Int((timeout * 1000).rounded(.up)))
        setLong(Curl.OPT_TIMEOUT_MS, milliseconds)
        setLong(Curl.OPT_CONNECTTIMEOUT_MS, milliseconds)
        setLong(Curl.OPT_SUPPRESS_CONNECT_HEADERS, 1)  // unknown before 7.54.0, which is harmless
        _ = setString(Curl.OPT_USERAGENT, userAgent)    // curl sends `Accept: */*` itself
        switch method {
        case "HEAD": setLong(Curl.OPT_NOBODY, 1)
        case "GET": setLong(Curl.OPT_HTTPGET, 1)
        default: _ = setString(Curl.OPT_CUSTOMREQUEST, method)
        }
        _ = curl.setoptCallback(easy, Curl.OPT_HEADERFUNCTION, headerCallback)
        _ = curl.setoptPointer(easy, Curl.OPT_HEADERDATA, context)
        _ = curl.setoptCallback(easy, Curl.OPT_WRITEFUNCTION, discardBody)
        _ = curl.setoptPointer(easy, Curl.OPT_WRITEDATA, context)

        let code = curl.easyPerform(easy)

        // A head that arrived is the answer, whatever happened after it (including our own abort).
        if head.complete, let status = head.status {
            return .response(status: status, location: head.location, retryAfter: head.retryAfter)
        }
        if code == Curl.E_OPERATION_TIMEDOUT { return .timeout }
        if code == Curl.E_OK || code == Curl.E_WRITE_ERROR {
            var status = 0
            _ = curl.getinfoLong(easy, Curl.INFO_RESPONSE_CODE, &status)
            if status > 0 {
                return .response(status: status, location: head.location, retryAfter: head.retryAfter)
            }
            if code == Curl.E_OK { return .failure("no HTTP response") }
        }
        return .failure(describe(code, easy, errorBuffer))
    }

    /// The failure in plain words, as the checker prints it before the URL.
    private func describe(_ code: Int32, _ easy: LibCurl.Easy, _ errorBuffer: UnsafeMutablePointer<CChar>) -> String {
        switch code {
        case Curl.E_COULDNT_RESOLVE_HOST: return "host not found"
        case Curl.E_COULDNT_RESOLVE_PROXY: return "proxy not found"
        case Curl.E_COULDNT_CONNECT:
            var osError = 0
            _ = curl.getinfoLong(easy, Curl.INFO_OS_ERRNO, &osError)
            switch Int32(truncatingIfNeeded: osError) {
            case ENETUNREACH: return "no network"
            case EHOSTUNREACH: return "host unreachable"
            default: return "connection refused"
            }
        case Curl.E_SEND_ERROR, Curl.E_RECV_ERROR: return "connection lost"
        case Curl.E_GOT_NOTHING: return "no HTTP response"
        case Curl.E_WEIRD_SERVER_REPLY: return "invalid HTTP response"
        case Curl.E_URL_MALFORMAT: return "invalid URL"
        case Curl.E_UNSUPPORTED_PROTOCOL: return "unsupported URL"
        case let code where Curl.E_TLS.contains(code): return "TLS error"
        default:
            let detail = String(cString: errorBuffer)
            return detail.isEmpty ? curl.strerror(code) : detail
        }
    }
}

/// The status and headers of the final response head, filled in by `headerCallback` as curl reads
/// it. Only the thread running the request touches it.
private final class ResponseHead {
    /// True for GET: abort the transfer once the head is complete instead of reading the body.
    let stopAtEnd: Bool
    var status: Int?
    var location: String?
    var retryAfter: String?
    var complete = false

    init(stopAtEnd: Bool) {
        self.stopAtEnd = stopAtEnd
    }

    /// Takes one header line (CRLF included); false aborts the transfer.
    func add(_ line: String) -> Bool {
        let text = line.trimmingCharacters(in: .whitespacesAndNewlines)
        if text.hasPrefix("HTTP/") {
            // A status line starts a new head: after a 1xx interim response or, were curl to follow
            // one, a redirect.
            let parts = text.split(separator: " ", maxSplits: 2)
            status = parts.count >= 2 ? Int(parts[1]) : nil
            location = nil
            retryAfter = nil
            complete = false
        } else if text.isEmpty {
            guard let status, !(100..<200).contains(status) || status == 101 else { return true }
            complete = true
            return !stopAtEnd
        } else if let colon = text.firstIndex(of: ":") {
            let name = text[..<colon].lowercased()
            let value = text[text.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            if name == "location" {
                location = location ?? value
            } else if name == "retry-after" {
                retryAfter = retryAfter ?? value
            }
        }
        return true
    }
}

/// CURLOPT_HEADERFUNCTION: called once per header line, the status line and the blank line ending
/// the head included. Returning anything but the length given aborts the transfer
/// (CURLE_WRITE_ERROR).
private let headerCallback: LibCurl.DataCallback = { data, size, count, context in
    let length = size * count
    guard let data, let context else { return length }
    let head = Unmanaged<ResponseHead>.fromOpaque(context).takeUnretainedValue()
    let line = String(decoding: UnsafeRawBufferPointer(start: data, count: length), as: UTF8.self)
    return head.add(line) ? length : 0
}

/// CURLOPT_WRITEFUNCTION: body bytes. The body is never wanted: a GET is cut off at the end of the
/// head, so this runs only for responses whose head we could not make out; stop those too (and
/// never let curl's default write the body to stdout).
private let discardBody: LibCurl.DataCallback = { _, _, _, _ in 0 }
