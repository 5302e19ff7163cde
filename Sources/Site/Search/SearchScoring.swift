/// How much a word weighs in one section, quantised to a small whole number so that postings stay
/// short: BM25's saturating term frequency for the text, plus fixed boosts for a word in the
/// section's heading or the page's title, which readers expect first.
enum SearchScoring {
    /// Postings kept per word, best first. A word in more sections than this is common enough
    /// that its best sections are all a query needs of it; the engine treats it as optional.
    static let cap = 200
    static let titleBoost = 100
    static let headingBoost = 60

    static func score(frequency: Int, length: Int, averageLength: Double, inHeading: Bool, inTitle: Bool) -> Int {
        let k1 = 1.2, b = 0.75
        var text = 0
        if frequency > 0 {
            let tf = Double(frequency)
            let norm = k1 * (1 - b + b * Double(length) / max(averageLength, 1))
            text = max(1, Int((tf * (k1 + 1) / (tf + norm) * 20).rounded()))
        }
        return text + (inHeading ? headingBoost : 0) + (inTitle ? titleBoost : 0)
    }
}
