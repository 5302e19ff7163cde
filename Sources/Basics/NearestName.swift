/// The known name closest to a misspelt one, for "did you mean …?": within a few edits, or one
/// holding the other. Nil when nothing is close enough to be a likely typo.
public func nearestName(to name: String, among known: [String]) -> String? {
    let close = known.filter { name.contains($0) || $0.contains(name) || editDistance($0, name) <= max(2, name.count / 2) }
    return close.min { (editDistance($0, name), $0) < (editDistance($1, name), $1) }
}

/// Levenshtein distance: the insertions, deletions and substitutions that turn `a` into `b`.
public func editDistance(_ a: String, _ b: String) -> Int {
    let a = Array(a), b = Array(b)
    guard !a.isEmpty else { return b.count }
    guard !b.isEmpty else { return a.count }
    var row = Array(0...b.count)
    for i in 1...a.count {
        var previous = row[0]
        row[0] = i
        for j in 1...b.count {
            let current = row[j]
            row[j] = min(row[j] + 1, row[j - 1] + 1, previous + (a[i - 1] == b[j - 1] ? 0 : 1))
            previous = current
        }
    }
    return row[b.count]
}
