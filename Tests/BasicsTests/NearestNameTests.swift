import Testing
import Basics

@Suite struct NearestNameTests {
    @Test func closeNamesAreFoundAndFarOnesAreNot() {
        #expect(nearestName(to: "ilnk", among: ["alert", "ilink", "card"]) == "ilink")
        #expect(nearestName(to: "secret_access_key", among: ["secret_key", "key"]) == "secret_key")
        #expect(nearestName(to: "zzzzzz", among: ["alert", "ilink"]) == nil)
        #expect(editDistance("kitten", "sitting") == 3)
        #expect(editDistance("", "abc") == 3)
    }
}
