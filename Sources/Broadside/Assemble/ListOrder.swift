import Foundation

/// The order of pages in lists, and of titles as a reader sorts them.
extension SiteAssembler {
    /// Where a page goes in a list: weight first (authors' explicit order), then newest, then title.
    struct ListOrder: Comparable {
        var weight = 0
        /// Newest first, undated last.
        var age: Int
        var title: Int

        static func < (a: ListOrder, b: ListOrder) -> Bool {
            (a.weight, a.age, a.title) < (b.weight, b.age, b.title)
        }
    }

    static func readingOrder(_ page: ContentPage) -> ListOrder {
        var order = newestFirst(page)
        order.weight = page.frontMatter.weight ?? Int.max
        return order
    }

    static func newestFirst(_ page: ContentPage) -> ListOrder {
        ListOrder(age: page.frontMatter.date.map { -($0.year * 512 + $0.month * 32 + $0.day) } ?? Int.max, title: page.titleOrder)
    }

    /// Each title's place in a reader's order (a page's `titleOrder`). Titles a reader's order
    /// counts as the same share a number.
    static func rankTitles(_ titles: [String]) -> [String: Int] {
        let titles = Set(titles).sorted().sorted { letterOrder($0, $1) ?? (readerOrder($0, $1) == .orderedAscending) }
        var ranks: [String: Int] = [:]
        var rank = 0
        for (index, title) in titles.enumerated() {
            if index > 0 && (letterOrder(titles[index - 1], title) != nil || readerOrder(titles[index - 1], title) != .orderedSame) {
                rank += 1
            }
            ranks[title] = rank
        }
        return ranks
    }

    /// Titles as a reader orders them: case and width aside, numbers by their value
    /// ("Page 2" before "Page 10"), as Finder and `localizedStandardCompare` do, but always by
    /// the same rules, so a site's lists come out the same on every computer whatever its
    /// language settings (Danish, say, counts "aa" as one letter after "z").
    static func readerOrder(_ first: String, _ second: String) -> ComparisonResult {
        first.compare(second, options: [.caseInsensitive, .numeric, .widthInsensitive, .forcedOrdering], range: nil, locale: titleLocale)
    }

    private static let titleLocale = Locale(identifier: "en")

    /// `readerOrder` of two titles when the first place they differ, past the same plain
    /// ASCII, holds a letter in each (whatever their case): those letters decide it, and a
    /// large site's sort would otherwise call the locale's comparison a hundred thousand
    /// times. Nil when that cannot tell (digits, accents, punctuation, one a prefix).
    static func letterOrder(_ first: String, _ second: String) -> Bool? {
        var a = first.utf8.makeIterator(), b = second.utf8.makeIterator()
        while let x = a.next(), let y = b.next(), x < 0x80, y < 0x80 {
            if x == y { continue }
            let (lowerX, lowerY) = (x | 0x20, y | 0x20)
            guard lowerX >= UInt8(ascii: "a"), lowerX <= UInt8(ascii: "z"), lowerY >= UInt8(ascii: "a"), lowerY <= UInt8(ascii: "z") else {
                return nil
            }
            if lowerX != lowerY { return lowerX < lowerY }
        }
        return nil
    }
}
