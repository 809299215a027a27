/// GitHub's extended autolinks: `www.example.org`, `https://example.org/path` and
/// `name@example.org` in running text become links, with trailing punctuation and unbalanced
/// closing parentheses left outside, as GitHub does.
enum ExtendedAutolinks {
    struct Found: Equatable {
        var range: Range<String.Index>
        var url: String
    }

    /// Whether a text may hold one: most text has no `@`, `www.` or `://`.
    static func mayContain(_ bytes: some Sequence<UInt8>) -> Bool {
        var previous: [UInt8] = [0, 0, 0]
        for byte in bytes {
            if byte == UInt8(ascii: "@") { return true }
            if byte == UInt8(ascii: "/"), previous[1] == UInt8(ascii: ":"), previous[2] == UInt8(ascii: "/") { return true }
            if byte == UInt8(ascii: "."), previous == Array("www".utf8) { return true }
            previous = [previous[1], previous[2], byte]
        }
        return false
    }

    static func find(in text: String) -> [Found] {
        let scalars = text.unicodeScalars
        var found: [Found] = []
        var index = scalars.startIndex
        var previous: Unicode.Scalar?
        while index < scalars.endIndex {
            let rest = text.unicodeScalars[index...]
            if let link = www(rest, after: previous) ?? url(rest, after: previous) {
                found.append(link)
                index = link.range.upperBound
                previous = index > scalars.startIndex ? scalars[scalars.index(before: index)] : nil
                continue
            }
            if scalars[index] == "@", let link = email(in: text, at: index, after: found.last?.range.upperBound ?? text.startIndex) {
                found.append(link)
                index = link.range.upperBound
                previous = scalars[scalars.index(before: index)]
                continue
            }
            previous = scalars[index]
            index = scalars.index(after: index)
        }
        return found
    }

    private static func isBoundary(_ scalar: Unicode.Scalar?) -> Bool {
        guard let scalar else { return true }
        return scalar.properties.isWhitespace || "*_~(\"'“‘".unicodeScalars.contains(scalar)
    }

    private static func www(_ text: String.UnicodeScalarView.SubSequence, after previous: Unicode.Scalar?) -> Found? {
        guard isBoundary(previous), text.starts(with: "www.".unicodeScalars) else { return nil }
        guard let end = linkEnd(text, domainStart: text.startIndex, requirePeriod: true) else { return nil }
        let shown = String(text[..<end])
        return Found(range: text.startIndex..<end, url: "http://" + shown)
    }

    private static func url(_ text: String.UnicodeScalarView.SubSequence, after previous: Unicode.Scalar?) -> Found? {
        if let previous, previous.properties.isAlphabetic || ("0"..."9").contains(previous) { return nil }
        let lower = String(text.prefix(8)).lowercased()
        let scheme = lower.hasPrefix("https://") ? 8 : lower.hasPrefix("http://") ? 7 : 0
        guard scheme > 0 else { return nil }
        let domainStart = text.index(text.startIndex, offsetBy: scheme)
        guard let end = linkEnd(text, domainStart: domainStart, requirePeriod: false) else { return nil }
        return Found(range: text.startIndex..<end, url: String(text[..<end]))
    }

    /// Where a link whose domain starts at `domainStart` ends: the domain, then anything up to
    /// white space or `<`, less trailing punctuation. Nil when the domain is not valid.
    private static func linkEnd(_ text: String.UnicodeScalarView.SubSequence, domainStart: String.Index, requirePeriod: Bool) -> String.Index? {
        var domainEnd = domainStart
        while domainEnd < text.endIndex, isDomain(text[domainEnd]) { domainEnd = text.index(after: domainEnd) }
        let domain = String(text[domainStart..<domainEnd])
        let segments = domain.split(separator: ".", omittingEmptySubsequences: false)
        guard !domain.isEmpty, !requirePeriod || segments.count >= 2,
              segments.suffix(2).allSatisfy({ !$0.contains("_") }),
              !(requirePeriod && segments.last?.isEmpty == true && segments.count == 2) else { return nil }
        var end = domainEnd
        while end < text.endIndex, !text[end].properties.isWhitespace, text[end] != "<" { end = text.index(after: end) }
        // Trailing punctuation is the sentence's, not the link's.
        while end > domainStart {
            let last = text[text.index(before: end)]
            if "?!.,:*_~'\"”’".unicodeScalars.contains(last) {
                end = text.index(before: end)
            } else if last == ")" {
                let link = text[text.startIndex..<end]
                let opening = link.filter { $0 == "(" }.count, closing = link.filter { $0 == ")" }.count
                guard closing > opening else { break }
                end = text.index(before: end)
            } else if last == ";" {
                // `&amp;` at the end is an entity, not part of the address.
                var start = text.index(before: end)
                while start > domainStart, text[text.index(before: start)].properties.isAlphabetic || ("0"..."9").contains(text[text.index(before: start)]) {
                    start = text.index(before: start)
                }
                guard start > domainStart, text[text.index(before: start)] == "&", start < text.index(before: end) else { break }
                end = text.index(before: start)
            } else {
                break
            }
        }
        return end > domainStart ? end : nil
    }

    private static func isDomain(_ scalar: Unicode.Scalar) -> Bool {
        !scalar.isASCII ? !scalar.properties.isWhitespace && !Character(scalar).isPunctuation
            : ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar) || "-_.".unicodeScalars.contains(scalar)
    }

    private static func isLocal(_ scalar: Unicode.Scalar) -> Bool {
        scalar.isASCII && (("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar) || ".+-_".unicodeScalars.contains(scalar))
    }

    /// `name@example.org` around the `@` at `at`, not reaching back before `limit`.
    private static func email(in text: String, at: String.Index, after limit: String.Index) -> Found? {
        let scalars = text.unicodeScalars
        var start = at
        while start > limit, isLocal(scalars[scalars.index(before: start)]) { start = scalars.index(before: start) }
        guard start < at else { return nil }
        var end = scalars.index(after: at)
        while end < scalars.endIndex, scalars[end].isASCII, isDomain(scalars[end]) { end = scalars.index(after: end) }
        while end > at, let last = Optional(scalars[scalars.index(before: end)]), last == "." { end = scalars.index(before: end) }
        let domain = String(scalars[scalars.index(after: at)..<end])
        let segments = domain.split(separator: ".", omittingEmptySubsequences: false)
        guard segments.count >= 2, segments.allSatisfy({ !$0.isEmpty }),
              let last = domain.last, last != "-", last != "_" else { return nil }
        return Found(range: start..<end, url: "mailto:" + String(scalars[start..<end]))
    }
}
