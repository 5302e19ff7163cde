import Dispatch

/// Runs `body` over `0..<count` in contiguous chunks on all cores. There are several chunks per
/// worker so that a worker that drew small pages takes more, and each chunk gets its own state
/// (results, caches) so nothing is shared or locked.
func parallelChunks<Result>(count: Int, workers: Int, chunksPerWorker: Int = 8, _ body: (Range<Int>) -> Result) -> [Result] {
    guard count > 0 else { return [] }
    let chunkCount = min(count, max(1, workers) * chunksPerWorker)
    let results = UnsafeMutableBufferPointer<Result?>.allocate(capacity: chunkCount)
    results.initialize(repeating: nil)
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
