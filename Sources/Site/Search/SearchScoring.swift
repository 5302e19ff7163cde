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
        textScore(frequency: frequency, norm: norm(length: length, averageLength: averageLength))
            + (inHeading ? headingBoost : 0) + (inTitle ? titleBoost : 0)
    }

    /// BM25's length normalisation of a section, the same for every word in it: the index works
    /// it out once per section rather than once per word.
    static func norm(length: Int, averageLength: Double) -> Double {
        let k1 = 1.2, b = 0.75
        return k1 * (1 - b + b * Double(length) / max(averageLength, 1))
    }

    static func textScore(frequency: Int, norm: Double) -> Int {
        guard frequency > 0 else { return 0 }
        let k1 = 1.2
        let tf = Double(frequency)
        return max(1, Int((tf * (k1 + 1) / (tf + norm) * 20).rounded()))
    }
}
