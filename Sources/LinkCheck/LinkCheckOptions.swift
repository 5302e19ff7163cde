import Foundation

/// Maps a link on a built page back to the Markdown that produced it. `occurrence` is 0-based: the
/// number of earlier links on the same page with exactly the same `link` text, so a page that
/// writes the same URL twice can be told apart.
public typealias LinkSourceResolver =
    @Sendable (_ page: String, _ link: String, _ occurrence: Int) -> (file: String, line: Int, column: Int)?

public struct LinkCheckOptions: Sendable {
    /// The path the site is served under (`/docs/` for `https://example.com/docs/`); links starting
    /// with it map to the folder root, other site-absolute links leave the site.
    public var rootPath: String
    /// The URL the site is published at (Hugo's `baseURL`), if any. Links to its host, over http or
    /// https, are checked as files in the folder rather than over the network, since Hugo writes
    /// absolute URLs for aliases and permalinks. Its path is the root path when `rootPath` is "/".
    public var baseURL: String?
    /// Check `http(s)://` and `//host` links over the network.
    public var external: Bool
    public var externalOptions: ExternalCheckOptions
    public var sourceResolver: LinkSourceResolver?
    /// Worker count for reading and parsing; nil means one per core.
    public var parallelism: Int?

    public init(rootPath: String = "/", baseURL: String? = nil, external: Bool = false,
                externalOptions: ExternalCheckOptions = ExternalCheckOptions(),
                sourceResolver: LinkSourceResolver? = nil, parallelism: Int? = nil) {
        self.rootPath = rootPath
        self.baseURL = baseURL
        self.external = external
        self.externalOptions = externalOptions
        self.sourceResolver = sourceResolver
        self.parallelism = parallelism
    }
}

public struct ExternalCheckOptions: Sendable {
    /// Regular expressions (NSRegularExpression syntax) matched against the URL without its
    /// fragment. With any include, only matching URLs are checked; an exclude match always skips.
    public var include: [String]
    public var exclude: [String]
    /// Seconds one request may take before it counts as a timeout.
    public var timeout: Double
    /// Extra attempts after the first for 5xx, 429 and timeouts.
    public var retries: Int
    /// First backoff in seconds; doubled on each further retry.
    public var backoff: Double
    /// Longest wait a `Retry-After` header may impose, in seconds; longer waits are cut to this.
    public var maxRetryAfter: Double
    public var maxConcurrentRequests: Int
    public var maxRequestsPerHost: Int
    public var maxRedirects: Int
    public var userAgent: String
    /// JSON file of earlier results; nil disables caching.
    public var cacheFile: String?
    /// How long a success stays fresh in the cache, in seconds.
    public var cacheTTL: Double
    /// How long a failure stays fresh; 0 (the default) never caches failures, so a broken link is
    /// looked at again on every run and a transient outage cannot hide a fix or stick around.
    public var failureCacheTTL: Double

    public init(include: [String] = [], exclude: [String] = [], timeout: Double = 20, retries: Int = 2,
                backoff: Double = 1, maxRetryAfter: Double = 60, maxConcurrentRequests: Int = 32,
                maxRequestsPerHost: Int = 4, maxRedirects: Int = 10,
                userAgent: String = "docgen-linkcheck/1.0", cacheFile: String? = nil,
                cacheTTL: Double = 24 * 3600, failureCacheTTL: Double = 0) {
        self.include = include
        self.exclude = exclude
        self.timeout = timeout
        self.retries = retries
        self.backoff = backoff
        self.maxRetryAfter = maxRetryAfter
        self.maxConcurrentRequests = maxConcurrentRequests
        self.maxRequestsPerHost = maxRequestsPerHost
        self.maxRedirects = maxRedirects
        self.userAgent = userAgent
        self.cacheFile = cacheFile
        self.cacheTTL = cacheTTL
        self.failureCacheTTL = failureCacheTTL
    }
}
