import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A tiny HTTP/1.1 server on 127.0.0.1 for the external-check tests: one thread per connection,
/// `Connection: close`, routes given as a closure. It counts requests so tests can prove what was
/// (not) sent. Nothing leaves the loopback interface.
final class TestHTTPServer: @unchecked Sendable {
    struct Request {
        var method: String
        var path: String
        /// 1 for the first request to this path (any method), 2 for the second, …
        var nth: Int
    }

    struct Response {
        var status: Int
        var headers: [(String, String)] = []
        var body = ""
        /// Seconds to wait before answering, to exercise timeouts and concurrency limits.
        var delay: Double = 0
        /// Seconds between the head and the body, to show the checker does not wait for bodies.
        var bodyDelay: Double = 0
    }

    let port: UInt16
    private let listener: Int32
    private let route: @Sendable (Request) -> Response
    private let lock = NSLock()
    private var counts: [String: Int] = [:]
    private var methodCounts: [String: Int] = [:]
    private var inFlight = 0
    private(set) var maxInFlight = 0

    init(route: @escaping @Sendable (Request) -> Response) throws {
        self.route = route
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { throw POSIXError(.EIO) }
        var yes: Int32 = 1
        setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &yes, socklen_t(MemoryLayout<Int32>.size))
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = 0  // any free port
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        let bound = withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        }
        guard bound == 0, listen(fd, 64) == 0 else {
            close(fd)
            throw POSIXError(.EADDRINUSE)
        }
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
        }
        listener = fd
        port = UInt16(bigEndian: address.sin_port)
        let thread = Thread { [self] in acceptLoop() }
        thread.start()
    }

    var baseURL: String { "http://127.0.0.1:\(port)" }

    /// Requests to `path`, all methods.
    func count(_ path: String) -> Int {
        lock.lock()
        defer { lock.unlock() }
        return counts[path, default: 0]
    }

    func count(_ method: String, _ path: String) -> Int {
        lock.lock()
        defer { lock.unlock() }
        return methodCounts[method + " " + path, default: 0]
    }

    var totalRequests: Int {
        lock.lock()
        defer { lock.unlock() }
        return counts.values.reduce(0, +)
    }

    func stop() {
        shutdown(listener, Int32(SHUT_RDWR))
        close(listener)
    }

    private func acceptLoop() {
        while true {
            let client = accept(listener, nil, nil)
            guard client >= 0 else { return }  // closed by stop()
            let thread = Thread { [self] in serve(client) }
            thread.start()
        }
    }

    private func serve(_ client: Int32) {
        defer { close(client) }
        var received: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 4096)
        while received.count < 65536 {
            let n = recv(client, &buffer, buffer.count, 0)
            guard n > 0 else { return }
            received += buffer[0..<n]
            if String(decoding: received, as: UTF8.self).contains("\r\n\r\n") { break }
        }
        let head = String(decoding: received, as: UTF8.self)
        let parts = head.split(separator: "\r\n").first?.split(separator: " ") ?? []
        guard parts.count >= 2 else { return }
        let method = String(parts[0]), path = String(parts[1])

        lock.lock()
        counts[path, default: 0] += 1
        methodCounts[method + " " + path, default: 0] += 1
        let nth = counts[path]!
        inFlight += 1
        maxInFlight = max(maxInFlight, inFlight)
        lock.unlock()

        let response = route(Request(method: method, path: path, nth: nth))
        if response.delay > 0 { Thread.sleep(forTimeInterval: response.delay) }
        lock.lock()
        inFlight -= 1
        lock.unlock()

        var text = "HTTP/1.1 \(response.status) Status\r\n"
        for (name, value) in response.headers { text += "\(name): \(value)\r\n" }
        text += "Content-Length: \(response.body.utf8.count)\r\nConnection: close\r\n\r\n"
        write(text, to: client)
        guard method != "HEAD" else { return }
        if response.bodyDelay > 0 { Thread.sleep(forTimeInterval: response.bodyDelay) }
        write(response.body, to: client)
    }

    private func write(_ text: String, to client: Int32) {
        let bytes = Array(text.utf8)
        // MSG_NOSIGNAL: the client may have given up (timeout tests); that must not kill the tests.
        _ = bytes.withUnsafeBytes { send(client, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
    }
}

/// A port on 127.0.0.1 that nothing listens on, for connection-refused cases.
func closedLocalPort() -> UInt16 {
    let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
    defer { close(fd) }
    var address = sockaddr_in()
    address.sin_family = sa_family_t(AF_INET)
    address.sin_addr.s_addr = inet_addr("127.0.0.1")
    _ = withUnsafePointer(to: &address) {
        $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
    }
    var length = socklen_t(MemoryLayout<sockaddr_in>.size)
    _ = withUnsafeMutablePointer(to: &address) {
        $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) }
    }
    return UInt16(bigEndian: address.sin_port)
}
