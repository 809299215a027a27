import Foundation

/// A language's glossary, its terms indexed by the first three letters of their folded form
/// (lowercase, without accents), so that a page's text is searched for all of them in one
/// pass and each place is tried against the few terms that begin as it does. Searching term
/// by term (Foundation's case- and accent-blind `range(of:)` for each) made a 300-term
/// glossary cost half a minute on a 5,000-page site.
public struct GlossaryTerms: Sendable {
    /// Longer terms first, so "aggravated felony" is found before "felony".
    public let terms: [GlossaryTerm]
    /// Each term as its folded scalars.
    private let folded: [[Unicode.Scalar]]
    /// The terms by `key` of their first scalars (all of them when shorter), in `terms` order.
    private let byPrefix: [UInt64: [Int]]
    /// The prefix lengths some term is indexed by (1 to `prefixLength`).
    private let prefixLengths: [Int]
    private static let prefixLength = 3

    public init(_ terms: [GlossaryTerm] = []) {
        self.terms = terms
        folded = terms.map { Array($0.term.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil).unicodeScalars) }
        var byPrefix: [UInt64: [Int]] = [:]
        var lengths: Set<Int> = []
        for (index, scalars) in folded.enumerated() where !scalars.isEmpty {
            let prefix = scalars.prefix(Self.prefixLength)
            byPrefix[Self.key(prefix), default: []].append(index)
            lengths.insert(prefix.count)
        }
        self.byPrefix = byPrefix
        prefixLengths = lengths.sorted()
    }

    public var isEmpty: Bool { terms.isEmpty }

    /// Up to three scalars in one number, 21 bits each, after their count: keys of one, two
    /// and three scalars never meet (below 2^22, in [2^43, 2^45), and with bit 63 set).
    private static func key(_ scalars: some Collection<Unicode.Scalar>) -> UInt64 {
        scalars.reduce(UInt64(scalars.count)) { $0 << 21 | UInt64($1.value) }
    }

    /// Where each term first stands in `text` as a whole word (no letter just before or
    /// after it), any case and with or without accents; by index into `terms`.
    func firstPlaces(in text: String) -> [Int: Range<String.Index>] {
        var places: [Int: Range<String.Index>] = [:]
        let scalars = text.unicodeScalars
        var index = scalars.startIndex
        var afterLetter = false
        var prefix: [Unicode.Scalar] = []
        prefix.reserveCapacity(8)
        while index < scalars.endIndex {
            let scalar = scalars[index]
            if !afterLetter {
                // The folded scalars from here, as many as a key holds.
                prefix.removeAll(keepingCapacity: true)
                var next = index
                while prefix.count < Self.prefixLength, next < scalars.endIndex {
                    Self.fold(scalars[next], into: &prefix)
                    next = scalars.index(after: next)
                }
                for length in prefixLengths where length <= prefix.count {
                    guard let candidates = byPrefix[Self.key(prefix.prefix(length))] else { continue }
                    for term in candidates where places[term] == nil {
                        if let end = match(folded[term], in: scalars, from: index) { places[term] = index..<end }
                    }
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
        var wanted = 0
        while wanted < term.count {
            guard at < scalars.endIndex else { return nil }
            let scalar = scalars[at]
            if scalar.isASCII {
                guard Self.lowercased(scalar) == term[wanted] else { return nil }
                wanted += 1
            } else {
                var folded: [Unicode.Scalar] = []
                Self.fold(scalar, into: &folded)
                guard term[wanted...].starts(with: folded) else { return nil }
                wanted += folded.count
            }
            at = scalars.index(after: at)
        }
        // Accents written as marks after the last letter belong to the term ("cafe\u{301}").
        while at < scalars.endIndex, scalars[at].properties.generalCategory == .nonspacingMark { at = scalars.index(after: at) }
        if at < scalars.endIndex, Self.isLetter(scalars[at]) { return nil }
        return at
    }

    private static func lowercased(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        ("A"..."Z").contains(scalar) ? Unicode.Scalar(scalar.value | 0x20)! : scalar
    }

    /// A scalar as the search compares it, added to `folded`: ASCII lowercased at once, the
    /// rest folded by Foundation (`É` → `e`; a combining accent → nothing).
    private static func fold(_ scalar: Unicode.Scalar, into folded: inout [Unicode.Scalar]) {
        if scalar.isASCII {
            folded.append(lowercased(scalar))
        } else if scalar.properties.generalCategory != .nonspacingMark {
            // A combining accent alone is left as it is by Foundation's folding; after its letter it would go.
            folded += String(scalar).folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil).unicodeScalars
        }
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
