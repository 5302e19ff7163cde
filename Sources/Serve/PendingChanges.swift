import Foundation

/// The changes the watcher has seen and no rebuild has taken yet. The watcher's thread adds to
/// them; the rebuild loop takes them all at once, so saves that come while a rebuild runs are
/// built together in the next one, however many there were.
final class PendingChanges: @unchecked Sendable {
    private let lock = NSLock()
    private var paths: Set<String> = []
    /// One element whenever there is something to take; signals that pile up become one.
    let signals: AsyncStream<Void>
    private let signal: AsyncStream<Void>.Continuation

    init() {
        (signals, signal) = AsyncStream<Void>.makeStream(bufferingPolicy: .bufferingNewest(1))
    }

    func add(_ batch: Set<String>) {
        lock.withLock { paths.formUnion(batch) }
        signal.yield()
    }

    /// Everything seen since the last call; empty when an earlier call took it already.
    func take() -> Set<String> {
        lock.withLock {
            defer { paths = [] }
            return paths
        }
    }
}
