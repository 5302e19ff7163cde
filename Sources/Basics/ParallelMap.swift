import Dispatch
#if canImport(Glibc)
import Glibc
#endif

/// The number of threads the parallel helpers use by default: every online core.
public var processorCount: Int { max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN)))) }

/// Runs `body` over `0..<count` in contiguous chunks on `workers` threads and returns each chunk's
/// result in order. There are several chunks per worker, so that a worker that drew cheap items
/// takes more; each chunk gets its own state (results, caches), so nothing is shared or locked.
/// With one worker everything runs on the calling thread.
public func parallelChunks<Result>(count: Int, workers: Int = processorCount, chunksPerWorker: Int = 8,
                                   _ body: (Range<Int>) -> Result) -> [Result] {
    guard count > 0 else { return [] }
    let chunkCount = min(count, max(1, workers) * max(1, chunksPerWorker))
    let results = UnsafeMutableBufferPointer<Result?>.allocate(capacity: chunkCount)
    results.initialize(repeating: nil)
    // The results are copied out below; the buffer's copies must be released too.
    defer { _ = results.deinitialize(); results.deallocate() }
    withoutActuallyEscaping(body) { body in
        let perform = { (chunk: Int) in
            let start = count * chunk / chunkCount
            let end = count * (chunk + 1) / chunkCount
            results[chunk] = body(start..<end)
        }
        if workers <= 1 {
            for chunk in 0..<chunkCount { perform(chunk) }
        } else {
            DispatchQueue.concurrentPerform(iterations: chunkCount, execute: perform)
        }
    }
    return results.map { $0! }
}

/// `items.map(transform)` on all cores, in order. Pages differ a lot in cost, so the items are
/// cut into many small chunks (64 per worker) rather than one per core.
public func parallelMap<T, R>(_ items: [T], workers: Int = processorCount, _ transform: (T) -> R) -> [R] {
    if items.count < 2 || workers <= 1 { return items.map(transform) }
    let chunks = parallelChunks(count: items.count, workers: workers, chunksPerWorker: 64) { range in
        range.map { transform(items[$0]) }
    }
    var results: [R] = []
    results.reserveCapacity(items.count)
    for chunk in chunks { results.append(contentsOf: chunk) }
    return results
}
