import Foundation

/// A language's glossary, its terms indexed by their first letter so that a page's text is
/// searched for all of them in one pass. Searching term by term (Foundation's case- and
/// accent-blind `range(of:)` for each) made a 300-term glossary cost half a minute on a
/// 5,000-page site.
public struct GlossaryTerms: Sendable {
    /// Longer terms first, so "aggravated felony" is found before "felony".
    public let terms: [GlossaryTerm]
    /// Each term as its folded scalars (lowercase, without accents).
    private let folded: [[Unicode.Scalar]]
    /// The terms whose folded form starts with a scalar, in `terms` order.
    private let byFirst: [Unicode.Scalar: [Int]]

    public init(_ terms: [GlossaryTerm] = []) {
        self.terms = terms
        folded = terms.map { Array($0.term.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil).unicodeScalars) }
        var byFirst: [Unicode.Scalar: [Int]] = [:]
        for (index, scalars) in folded.enumerated() {
            if let first = scalars.first { byFirst[first, default: []].append(index) }
        }
        self.byFirst = byFirst
    }

    public var isEmpty: Bool { terms.isEmpty }

    /// Where each term first stands in `text` as a whole word (no letter just before or
    /// after it), any case and with or without accents; by index into `terms`.
    func firstPlaces(in text: String) -> [Int: Range<String.Index>] {
        var places: [Int: Range<String.Index>] = [:]
        let scalars = text.unicodeScalars
        var index = scalars.startIndex
        var afterLetter = false
        while index < scalars.endIndex {
            let scalar = scalars[index]
            if !afterLetter, let candidates = byFirst[Self.fold(scalar).first ?? scalar] {
                for term in candidates where places[term] == nil {
                    if let end = match(folded[term], in: scalars, from: index) { places[term] = index..<end }
                }
            }
            afterLetter = Self.isLetter(scalar)
            index = scalars.index(after: index)
        }
        return places
    }

    /// Where `term` ends when it starts at `start` and no letter follows it.
    private func match(_ term: [Unicode.Scalar], in scalars: String.UnicodeScalarView, from start: String.Index) -> String.Index? {
        var at = start
        var wanted = term[...]
        while !wanted.isEmpty {
            guard at < scalars.endIndex else { return nil }
            let folded = Self.fold(scalars[at])
            guard wanted.starts(with: folded) else { return nil }
            wanted = wanted.dropFirst(folded.count)
            at = scalars.index(after: at)
        }
        // Accents written as marks after the last letter belong to the term ("cafe\u{301}").
        while at < scalars.endIndex, !scalars[at].isASCII, Self.fold(scalars[at]).isEmpty { at = scalars.index(after: at) }
        if at < scalars.endIndex, Self.isLetter(scalars[at]) { return nil }
        return at
    }

    /// A scalar as the search compares it: ASCII lowercased at once, the rest folded by
    /// Foundation (`É` → `e`; a combining accent → nothing).
    private static func fold(_ scalar: Unicode.Scalar) -> [Unicode.Scalar] {
        if scalar.isASCII {
            return [("A"..."Z").contains(scalar) ? Unicode.Scalar(scalar.value | 0x20)! : scalar]
        }
        // A combining accent alone is left as it is by Foundation's folding; after its letter it would go.
        if scalar.properties.generalCategory == .nonspacingMark { return [] }
        return Array(String(scalar).folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil).unicodeScalars)
    }

    private static func isLetter(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII { return ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) }
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter: return true
        // A combining accent belongs to the letter before it.
        case .nonspacingMark, .spacingMark, .enclosingMark: return true
        default: return false
        }
    }
}
