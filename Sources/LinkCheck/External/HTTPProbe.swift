import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// The answer to one HTTP request, redirects not followed.
enum ProbeOutcome: Equatable, Sendable {
    case response(status: Int, location: String?, retryAfter: String?)
    case timeout
    case failure(String)
}

/// Sends single requests and reports the status line and the headers the checker needs. It never
/// follows redirects itself (the checker follows them to record the chain) and never downloads a
/// body: the task is cancelled as soon as the response head arrives, so a GET of a large file costs
/// no more than a HEAD.
final class HTTPProbe: @unchecked Sendable {
    private let session: URLSession
    private let delegate: ProbeDelegate
    private let userAgent: String

    init(maxConnectionsPerHost: Int, userAgent: String) {
        let configuration = URLSessionConfiguration.ephemeral
        configuration.httpMaximumConnectionsPerHost = maxConnectionsPerHost
        configuration.requestCachePolicy = .reloadIgnoringLocalCacheData
        configuration.urlCache = nil
        configuration.httpCookieStorage = nil
        delegate = ProbeDelegate()
        session = URLSession(configuration: configuration, delegate: delegate, delegateQueue: nil)
        self.userAgent = userAgent
    }

    /// Lets the session (which holds its delegate strongly) go.
    func invalidate() {
        session.invalidateAndCancel()
    }

    func send(_ url: URL, method: String, timeout: Double) async -> ProbeOutcome {
        var request = URLRequest(url: url)
        request.httpMethod = method
        // URLSession's own timeout is only a backstop; ours below covers the whole exchange.
        request.timeoutInterval = timeout + 5
        request.setValue(userAgent, forHTTPHeaderField: "User-Agent")
        request.setValue("*/*", forHTTPHeaderField: "Accept")
        let task = session.dataTask(with: request)
        return await withCheckedContinuation { continuation in
            let pending = PendingProbe(continuation)
            delegate.register(task, pending)
            DispatchQueue.global().asyncAfter(deadline: .now() + timeout) { [delegate] in
                if pending.finish(.timeout) {
                    delegate.forget(task)
                    task.cancel()
                }
            }
            task.resume()
        }
    }
}

/// A continuation that may be resumed from the delegate or the timer, whichever comes first.
private final class PendingProbe: @unchecked Sendable {
    private let lock = NSLock()
    private var continuation: CheckedContinuation<ProbeOutcome, Never>?

    init(_ continuation: CheckedContinuation<ProbeOutcome, Never>) {
        self.continuation = continuation
    }

    /// Resumes once; false if something else already did.
    func finish(_ outcome: ProbeOutcome) -> Bool {
        lock.lock()
        let c = continuation
        continuation = nil
        lock.unlock()
        c?.resume(returning: outcome)
        return c != nil
    }
}

private final class ProbeDelegate: NSObject, URLSessionDataDelegate, @unchecked Sendable {
    private let lock = NSLock()
    private var pending: [Int: PendingProbe] = [:]

    func register(_ task: URLSessionTask, _ probe: PendingProbe) {
        lock.lock()
        pending[task.taskIdentifier] = probe
        lock.unlock()
    }

    func forget(_ task: URLSessionTask) {
        lock.lock()
        pending[task.taskIdentifier] = nil
        lock.unlock()
    }

    private func probe(for task: URLSessionTask) -> PendingProbe? {
        lock.lock()
        defer { lock.unlock() }
        return pending[task.taskIdentifier]
    }

    func urlSession(_ session: URLSession, task: URLSessionTask, willPerformHTTPRedirection response: HTTPURLResponse,
                    newRequest request: URLRequest, completionHandler: @escaping (URLRequest?) -> Void) {
        completionHandler(nil)
    }

    func urlSession(_ session: URLSession, dataTask: URLSessionDataTask, didReceive response: URLResponse,
                    completionHandler: @escaping (URLSession.ResponseDisposition) -> Void) {
        guard let probe = probe(for: dataTask) else { return completionHandler(.cancel) }
        if let http = response as? HTTPURLResponse {
            forget(dataTask)
            _ = probe.finish(Self.outcome(http))
        }
        completionHandler(.cancel)
    }

    func urlSession(_ session: URLSession, task: URLSessionTask, didCompleteWithError error: Error?) {
        guard let probe = probe(for: task) else { return }
        forget(task)
        if let http = task.response as? HTTPURLResponse {
            _ = probe.finish(Self.outcome(http))
        } else if let error = error as? URLError, error.code == .timedOut {
            _ = probe.finish(.timeout)
        } else if let error {
            _ = probe.finish(.failure(Self.describe(error)))
        } else {
            _ = probe.finish(.failure("no HTTP response"))
        }
    }

    private static func outcome(_ http: HTTPURLResponse) -> ProbeOutcome {
        .response(status: http.statusCode,
                  location: http.value(forHTTPHeaderField: "Location"),
                  retryAfter: http.value(forHTTPHeaderField: "Retry-After"))
    }

    private static func describe(_ error: Error) -> String {
        if let error = error as? URLError {
            switch error.code {
            case .cannotFindHost, .dnsLookupFailed: return "host not found"
            case .cannotConnectToHost: return "connection refused"
            case .networkConnectionLost: return "connection lost"
            case .notConnectedToInternet: return "no network"
            case .secureConnectionFailed, .serverCertificateUntrusted, .serverCertificateHasBadDate,
                 .serverCertificateNotYetValid, .serverCertificateHasUnknownRoot:
                return "TLS error"
            default: break
            }
        }
        return error.localizedDescription
    }
}
