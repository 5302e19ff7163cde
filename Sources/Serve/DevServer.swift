import Diagnostics
import Dispatch
import FlyingFox
import FlyingSocks
import Foundation
import Site

/// What `docgen serve` was asked for.
public struct ServeSettings: Sendable {
    public var request: BuildRequest
    public var bind: String
    public var port: UInt16
    /// Look for changes every `pollInterval` milliseconds instead of using inotify.
    public var poll: Bool
    public var pollInterval: Int
    public var batching: ChangeBatching

    public init(request: BuildRequest, bind: String = "127.0.0.1", port: UInt16 = 1313, poll: Bool = false,
                pollInterval: Int = 300, batching: ChangeBatching = ChangeBatching()) {
        self.request = request
        self.bind = bind
        self.port = port
        self.poll = poll
        self.pollInterval = pollInterval
        self.batching = batching
    }
}

/// What happened, for the command line to print (the server itself prints nothing).
public enum ServeEvent: Sendable {
    /// A build or rebuild ended; `trigger` holds the changed paths that started it (empty for
    /// the first), `fresh` its errors and the warnings the build before did not have: a warning
    /// is printed once, not after every save.
    case built(MemoryBuild, trigger: Set<String>, fresh: [Diagnostic])
    case listening(url: String)
    case watching(how: String, problems: [String])
}

public enum ServeError: Error, CustomStringConvertible {
    case cannotListen(address: String, reason: String)

    public var description: String {
        switch self {
        case .cannotListen(let address, let reason):
            return "cannot listen on \(address): \(reason) (is another server using the port? pick one with --port)"
        }
    }
}

/// Why the server stopped, from the task it runs in.
actor ServerFailure {
    private(set) var error: (any Error)?

    func record(_ error: any Error) { self.error = error }
}

/// `docgen serve`: builds the site in memory, serves it, watches its files and rebuilds what a
/// change reaches, and tells open pages to reload.
public enum DevServer {
    /// Runs until the task is cancelled or the server fails.
    public static func run(_ settings: ServeSettings, events: @escaping @Sendable (ServeEvent) -> Void) async throws {
        let config = settings.request.config
        let live = LiveSite(basePath: config.rootPath)
        // Watching starts before the first build, so that a save during it is not missed.
        let (changes, problems, how) = watch(settings)
        let first = await offThread { SiteBuilder.buildInMemory(settings.request) }
        await live.take(first)
        var warned = Set(first.diagnostics.filter { $0.severity == .warning })
        events(.built(first, trigger: [], fresh: first.diagnostics))

        let address: any SocketAddress
        do {
            if settings.bind.contains(":") {
                address = try sockaddr_in6.inet6(ip6: settings.bind, port: settings.port)
            } else {
                address = try sockaddr_in.inet(ip4: settings.bind, port: settings.port)
            }
        } catch {
            throw ServeError.cannotListen(address: settings.bind, reason: "not an IP address")
        }
        let server = HTTPServer(address: address, logger: .disabled)
        await server.appendRoute(HTTPRoute("GET \(LiveReload.socketPath)"), to: WebSocketHTTPHandler.webSocket(ReloadSocket(live: live)))
        await server.appendRoute("*", to: SiteHandler(live: live))
        let failure = ServerFailure()
        let serving = Task {
            do { try await server.run() } catch { await failure.record(error) }
        }
        // The server either listens or fails at once (a port in use); wait for whichever comes.
        while await server.listeningAddress == nil {
            if let error = await failure.error {
                throw ServeError.cannotListen(address: "\(settings.bind):\(settings.port)", reason: "\(error)")
            }
            try? await Task.sleep(for: .milliseconds(2))
        }
        var port = settings.port
        if case .ip4(_, let actual)? = await server.listeningAddress { port = actual }
        if case .ip6(_, let actual)? = await server.listeningAddress { port = actual }
        let host = settings.bind.contains(":") ? "[\(settings.bind)]" : settings.bind
        events(.listening(url: "http://\(host):\(port)\(config.rootPath)"))

        events(.watching(how: how, problems: problems))
        await withTaskCancellationHandler {
            var previous = await live.site
            for await _ in changes.signals {
                let batch = changes.take()
                if batch.isEmpty { continue }
                let last = previous
                let build = await offThread { SiteBuilder.buildInMemory(settings.request, previous: last, changed: batch) }
                if let site = build.site { previous = site }
                await live.take(build)
                let fresh = build.diagnostics.filter { $0.severity == .error || !warned.contains($0) }
                if build.site != nil { warned = Set(build.diagnostics.filter { $0.severity == .warning }) }
                events(.built(build, trigger: batch, fresh: fresh))
            }
        } onCancel: {
            serving.cancel()
        }
        await server.stop(timeout: 0)
    }

    /// The changes of the site's files, from inotify or from polling.
    static func watch(_ settings: ServeSettings) -> (PendingChanges, [String], String) {
        let config = settings.request.config
        let folders = config.watchedFolders
        let files = config.configFiles
        let pending = PendingChanges()
        #if canImport(Glibc)
        if !settings.poll, let watcher = InotifyWatcher(folders: folders, files: files, batching: settings.batching) {
            Thread { watcher.run { batch in pending.add(batch); return true } }.start()
            return (pending, watcher.problems, "inotify")
        }
        #endif
        let poller = PollingWatcher(folders: folders, files: files, interval: settings.pollInterval)
        let start = poller.snapshot()
        Thread { poller.run(from: start) { batch in pending.add(batch); return true } }.start()
        return (pending, [], "polling every \(settings.pollInterval) ms")
    }

    /// Runs blocking work (a build spreads over every core itself) away from the threads that
    /// serve requests.
    static func offThread<T: Sendable>(_ work: @escaping @Sendable () -> T) async -> T {
        await withCheckedContinuation { continuation in
            Thread { continuation.resume(returning: work()) }.start()
        }
    }
}
