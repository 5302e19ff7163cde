import Foundation

struct ExternalOutcome {
    var findings: [PendingFinding]
    var checkedURLs: Int
    var cachedURLs: Int
    var filteredURLs: Int
}

/// Checks each distinct external URL once (fragment dropped) and reports the result at every use.
struct ExternalChecker {
    let options: ExternalCheckOptions
    let filter: URLFilter

    func check(uses: [ExternalUse]) async -> ExternalOutcome {
        var usesByURL: [String: [ExternalUse]] = [:]
        for use in uses { usesByURL[use.url, default: []].append(use) }
        var outcome = ExternalOutcome(findings: [], checkedURLs: 0, cachedURLs: 0, filteredURLs: 0)

        var cache = ResultCache(path: options.cacheFile, successTTL: options.cacheTTL,
                                failureTTL: options.failureCacheTTL)
        var results: [String: URLCheckResult] = [:]
        var toRequest: [String] = []
        for url in usesByURL.keys.sorted() {
            if !filter.allows(url) {
                outcome.filteredURLs += 1
            } else if let cached = cache.fresh(url) {
                results[url] = cached
                outcome.cachedURLs += 1
            } else {
                toRequest.append(url)
            }
        }
        outcome.checkedURLs = results.count + toRequest.count

        let fetched = await request(toRequest)
        for (url, result) in fetched {
            results[url] = result
            cache.store(result, for: url)
        }
        if let path = options.cacheFile {
            // A cache that cannot be written costs time on the next run, not correctness now.
            try? cache.save(to: path)
        }

        for (url, result) in results {
            guard let (kind, message) = result.finding(url: url, timeout: options.timeout) else { continue }
            for use in usesByURL[url] ?? [] {
                outcome.findings.append(PendingFinding(page: use.page, link: use.link, kind: kind, message: message))
            }
        }
        return outcome
    }

    /// Runs at most `maxConcurrentRequests` URL checks at a time.
    private func request(_ urls: [String]) async -> [(String, URLCheckResult)] {
        guard !urls.isEmpty else { return [] }
        let probe = HTTPProbe(maxConnectionsPerHost: options.maxRequestsPerHost, userAgent: options.userAgent)
        defer { probe.invalidate() }
        let checker = SingleURLCheck(probe: probe, limiter: HostLimiter(limit: options.maxRequestsPerHost),
                                    options: options)
        return await withTaskGroup(of: (String, URLCheckResult).self) { group in
            var next = 0
            var done: [(String, URLCheckResult)] = []
            func startOne() {
                let url = urls[next]
                next += 1
                group.addTask { (url, await checker.check(url)) }
            }
            while next < min(urls.count, max(1, options.maxConcurrentRequests)) { startOne() }
            while let result = await group.next() {
                done.append(result)
                if next < urls.count { startOne() }
            }
            return done
        }
    }
}

/// The per-URL logic: redirects, HEAD→GET fallback, retries and backoff.
private struct SingleURLCheck: Sendable {
    let probe: HTTPProbe
    let limiter: HostLimiter
    let options: ExternalCheckOptions

    func check(_ text: String) async -> URLCheckResult {
        guard var current = Self.makeURL(text) else { return URLCheckResult(error: "invalid URL") }
        var result = URLCheckResult()
        var method = "HEAD"
        var seen: Set<String> = [current.absoluteString]
        while true {
            var (outcome, attempts) = await send(current, method: method)
            if method == "HEAD", Self.headRefused(outcome) {
                // Many servers and CDNs reject or mishandle HEAD; a GET asks the real question.
                method = "GET"
                (outcome, attempts) = await send(current, method: method)
            }
            result.attempts = attempts
            switch outcome {
            case .timeout:
                result.timedOut = true
                return result
            case .failure(let message):
                result.error = message
                return result
            case .response(let status, let location, _):
                if (300..<400).contains(status), status != 304, let location,
                   let next = URL(string: location, relativeTo: current)?.absoluteURL ?? Self.makeURL(location) {
                    result.redirects.append(URLCheckResult.Hop(status: status, location: next.absoluteString))
                    if result.redirects.count > options.maxRedirects {
                        result.error = "more than \(options.maxRedirects) redirects"
                        return result
                    }
                    if !seen.insert(next.absoluteString).inserted {
                        result.error = "redirect loop"
                        return result
                    }
                    current = next
                    continue
                }
                result.status = status
                return result
            }
        }
    }

    private static func headRefused(_ outcome: ProbeOutcome) -> Bool {
        switch outcome {
        case .response(let status, _, _): return status == 405 || status == 403 || status == 501
        case .failure: return true
        case .timeout: return false  // a server too slow for HEAD is as slow for GET
        }
    }

    /// One request with retries. The host slot is held through backoff so a host that asked us to
    /// slow down (429) is not sent other requests meanwhile.
    private func send(_ url: URL, method: String) async -> (ProbeOutcome, Int) {
        let host = url.host ?? ""
        await limiter.acquire(host)
        var attempt = 0
        var outcome: ProbeOutcome
        while true {
            outcome = await probe.send(url, method: method, timeout: options.timeout)
            attempt += 1
            guard attempt <= options.retries, let wait = retryDelay(outcome, attempt: attempt) else { break }
            try? await Task.sleep(nanoseconds: UInt64(max(0, wait) * 1_000_000_000))
        }
        await limiter.release(host)
        return (outcome, attempt)
    }

    /// Seconds before the next try, or nil when the outcome is final.
    private func retryDelay(_ outcome: ProbeOutcome, attempt: Int) -> Double? {
        let backoff = options.backoff * pow(2, Double(attempt - 1))
        switch outcome {
        case .timeout:
            return backoff
        case .response(429, _, let retryAfter):
            return min(RetryAfter.seconds(retryAfter) ?? backoff, options.maxRetryAfter)
        case .response(let status, _, _) where status >= 500 && status != 501:
            return backoff  // 501 Not Implemented will not change on its own
        default:
            return nil
        }
    }

    /// URLs as written may hold spaces or non-ASCII characters that `URL(string:)` rejects; browsers
    /// percent-encode those, so we do too.
    static func makeURL(_ text: String) -> URL? {
        if let url = URL(string: text), url.host != nil { return url }
        var allowed = CharacterSet()
        allowed.insert(charactersIn: Unicode.Scalar(0x21)...Unicode.Scalar(0x7E))
        allowed.remove(charactersIn: "\"<>\\^`{|}")
        guard let encoded = text.addingPercentEncoding(withAllowedCharacters: allowed),
              let url = URL(string: encoded), url.host != nil else { return nil }
        return url
    }
}
