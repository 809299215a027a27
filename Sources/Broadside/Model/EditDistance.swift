/// How many slips (a letter added, dropped or changed, or two neighbours swapped) turn one
/// name into another: a misspelt front-matter key (`reveiwed`), a moved page's path.
enum EditDistance {
    /// The distance between two byte strings, or `limit + 1` as soon as it must be more.
    static func between(_ a: [UInt8], _ b: [UInt8], limit: Int = .max) -> Int {
        guard limit >= 0 else { return 1 }
        let over = limit == .max ? limit : limit + 1
        if a.isEmpty || b.isEmpty { return max(a.count, b.count) }
        var before = [Int](repeating: 0, count: b.count + 1)
        var previous = Array(0...b.count), current = [Int](repeating: 0, count: b.count + 1)
        var previousBest = 0
        for i in 1...a.count {
            current[0] = i
            var rowBest = i
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
                if i > 1, j > 1, a[i - 1] == b[j - 2], a[i - 2] == b[j - 1] { current[j] = min(current[j], before[j - 2] + 1) }
                rowBest = min(rowBest, current[j])
            }
            // A swap reaches back two rows: only two rows past the limit end the search.
            if rowBest > limit && previousBest > limit { return over }
            previousBest = rowBest
            (before, previous, current) = (previous, current, before)
        }
        return min(previous[b.count], over)
    }
}
