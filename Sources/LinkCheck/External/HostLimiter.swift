/// At most `limit` requests in flight per host, so a page full of links to one site does not
/// hammer it (and get us rate-limited). Waiters are served in arrival order.
actor HostLimiter {
    private let limit: Int
    private var active: [String: Int] = [:]
    private var waiting: [String: [CheckedContinuation<Void, Never>]] = [:]

    init(limit: Int) {
        self.limit = max(1, limit)
    }

    func acquire(_ host: String) async {
        if active[host, default: 0] < limit {
            active[host, default: 0] += 1
            return
        }
        // The releasing task hands its slot straight over, so `active` stays as it is.
        await withCheckedContinuation { waiting[host, default: []].append($0) }
    }

    func release(_ host: String) {
        if var queue = waiting[host], !queue.isEmpty {
            let next = queue.removeFirst()
            waiting[host] = queue.isEmpty ? nil : queue
            next.resume()
        } else {
            let now = active[host, default: 1] - 1
            active[host] = now == 0 ? nil : now
        }
    }
}
