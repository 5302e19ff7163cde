import Testing
import Basics

/// The parallel helpers against their plain definitions: `map`, and one pass over `0..<count`.
@Suite struct ParallelMapTests {
    @Test func parallelMapIsMap() {
        for count in [0, 1, 2, 3, 63, 64, 65, 1000, 4099] {
            let items = Array(0..<count).map { "item \($0)" }
            for workers in [1, 2, 3, 8] {
                #expect(parallelMap(items, workers: workers) { $0.uppercased() } == items.map { $0.uppercased() },
                        "\(count) items on \(workers) workers")
            }
        }
    }

    @Test func chunksCoverEachIndexOnceInOrder() {
        for count in [0, 1, 7, 16, 17, 1000] {
            for workers in [1, 2, 5] {
                for perWorker in [1, 8] {
                    let ranges = parallelChunks(count: count, workers: workers, chunksPerWorker: perWorker) { $0 }
                    #expect(ranges.flatMap { Array($0) } == Array(0..<count))
                    #expect(ranges.allSatisfy { !$0.isEmpty })
                    #expect(ranges.count <= max(1, workers * perWorker))
                }
            }
        }
    }

    /// Results that hold objects are released once the map returns (an earlier copy leaked them).
    @Test func resultsAreNotLeaked() {
        final class Token: Sendable {}
        weak var kept: Token?
        do {
            let tokens = parallelMap(Array(0..<100), workers: 4) { _ in Token() }
            kept = tokens[50]
            #expect(kept != nil)
        }
        #expect(kept == nil)
    }
}
