import Foundation
import MinutesIndex
import Testing
@testable import QuorumServer

/// ``SearchCache``: answers kept per reader generation, least recently used out first.
@Suite struct SearchCacheTests {
    let library = SearchRequest(query: "library")
    let parking = SearchRequest(query: "parking")
    let potholes = SearchRequest(query: "potholes")

    func body(_ size: Int) -> Data { Data(repeating: UInt8(ascii: "x"), count: size) }

    @Test func anAnswerIsServedOnlyAtTheGenerationItWasComputedAt() {
        let cache = SearchCache(capacity: 1000)
        cache.store(body(10), for: library, generation: 3)
        #expect(cache.body(for: library, generation: 3) == body(10))
        #expect(cache.body(for: library, generation: 4) == nil)
        #expect(cache.body(for: parking, generation: 3) == nil)
        // The same words with other filters are another search.
        #expect(cache.body(for: SearchRequest(query: "library", facets: [.year]), generation: 3) == nil)
    }

    @Test func aNewerGenerationDropsTheOlderAnswersAndAnOlderOneIsNotKept() {
        let cache = SearchCache(capacity: 1000)
        cache.store(body(10), for: library, generation: 3)
        cache.store(body(20), for: parking, generation: 4)
        #expect(cache.count == 1)
        #expect(cache.body(for: library, generation: 3) == nil)
        // A search that started before the commit and finished after must not be kept as current.
        cache.store(body(30), for: potholes, generation: 3)
        #expect(cache.count == 1)
        #expect(cache.body(for: potholes, generation: 4) == nil)
    }

    @Test func theLeastRecentlyUsedGoFirstWhenOverBudget() {
        let cache = SearchCache(capacity: 100)
        cache.store(body(25), for: library, generation: 1)
        cache.store(body(25), for: parking, generation: 1)
        cache.store(body(25), for: potholes, generation: 1)
        _ = cache.body(for: library, generation: 1)  // library is now more recent than parking
        cache.store(body(25), for: SearchRequest(query: "bins"), generation: 1)
        cache.store(body(25), for: SearchRequest(query: "trees"), generation: 1)
        #expect(cache.body(for: parking, generation: 1) == nil)
        #expect(cache.body(for: library, generation: 1) != nil)
        #expect(cache.count == 4)
        // One answer larger than a quarter of the budget is not kept at all.
        cache.store(body(26), for: SearchRequest(query: "huge"), generation: 1)
        #expect(cache.body(for: SearchRequest(query: "huge"), generation: 1) == nil)
        #expect(cache.count == 4)
    }
}
