import Diagnostics
import FlyingFox
import Foundation
import Site

/// The site being served, as the last good build left it, the last build's errors, and the open
/// pages' sockets. The one piece of shared state of `docgen serve`, so an actor.
actor LiveSite {
    private(set) var site: MemorySite?
    private(set) var errors: [Diagnostic] = []
    let basePath: String
    private var sockets: [UUID: AsyncStream<WSMessage>.Continuation] = [:]

    init(basePath: String) {
        self.basePath = basePath
    }

    var responder: SiteResponder { SiteResponder(site: site, basePath: basePath) }

    /// Takes a build's result: a good one replaces the site, a failed one only its errors. Every
    /// open page hears what changed.
    func take(_ build: MemoryBuild) {
        if let new = build.site { site = new }
        errors = build.diagnostics.filter { $0.severity == .error }
        let message = ReloadMessage.json(changed: build.site == nil ? [] : build.changedOutputs, errors: errors, basePath: basePath)
        for socket in sockets.values { socket.yield(.text(message)) }
    }

    /// A new page's socket: it is told the current errors at once.
    func open() -> AsyncStream<WSMessage> {
        let id = UUID()
        let (stream, continuation) = AsyncStream<WSMessage>.makeStream()
        continuation.onTermination = { [weak self] _ in Task { await self?.close(id) } }
        sockets[id] = continuation
        continuation.yield(.text(ReloadMessage.json(changed: [], errors: errors, basePath: basePath)))
        return stream
    }

    private func close(_ id: UUID) {
        sockets[id] = nil
    }
}

/// The live-reload socket of one page: what it sends is ignored, and it ends with the page.
struct ReloadSocket: WSMessageHandler {
    let live: LiveSite

    func makeMessages(for client: AsyncStream<WSMessage>) async throws -> AsyncStream<WSMessage> {
        let outgoing = await live.open()
        let (stream, continuation) = AsyncStream<WSMessage>.makeStream()
        let forward = Task {
            for await message in outgoing { continuation.yield(message) }
            continuation.finish()
        }
        Task {
            for await _ in client {}
            forward.cancel()
            continuation.finish()
        }
        return stream
    }
}

/// Every other request: an answer from the site as it is now.
struct SiteHandler: HTTPHandler {
    let live: LiveSite

    func handleRequest(_ request: HTTPRequest) async throws -> HTTPResponse {
        let reply = await live.responder.reply(method: request.method.rawValue, rawPath: request.target.path())
        var headers = HTTPHeaders()
        for (name, value) in reply.headers { headers[HTTPHeader(name)] = value }
        let body = request.method == .HEAD ? Data() : Data(reply.body)
        if request.method == .HEAD { headers[.contentLength] = String(reply.body.count) }
        return HTTPResponse(statusCode: HTTPStatusCode(reply.status, phrase: Self.phrase(reply.status)), headers: headers, body: body)
    }

    static func phrase(_ status: Int) -> String {
        switch status {
        case 200: return "OK"
        case 301: return "Moved Permanently"
        case 400: return "Bad Request"
        case 404: return "Not Found"
        case 405: return "Method Not Allowed"
        case 503: return "Service Unavailable"
        default: return "Status"
        }
    }
}
