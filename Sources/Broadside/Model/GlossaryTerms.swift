import Foundation

/// A language's glossary, its terms indexed by their first word, folded (lowercase, without
/// accents), so that a page's text is read once, a word at a time, and each word is tried
/// against the few terms that begin with it. Searching term by term (Foundation's case- and
/// accent-blind `range(of:)` for each) made a 300-term glossary cost half a minute on a
/// 5,000-page site.
public struct GlossaryTerms: Sendable {
    /// Longer terms first, so "aggravated felony" is found before "felony".
    public let terms: [GlossaryTerm]
    /// Each term as its folded scalars.
    private let folded: [[Unicode.Scalar]]
    /// The terms by a hash of their first folded word (see `hash`), in `terms` order; a
    /// hash that two words share only costs a comparison that fails.
    private let byFirstWord: [UInt64: [Int]]
    /// Terms that start with something other than a letter (`§ 1473.7`), by that scalar.
    private let bySymbol: [Unicode.Scalar: [Int]]

    public init(_ terms: [GlossaryTerm] = []) {
        self.terms = terms
        folded = terms.map { Array($0.term.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil).unicodeScalars) }
        var byFirstWord: [UInt64: [Int]] = [:]
        var bySymbol: [Unicode.Scalar: [Int]] = [:]
        for (index, scalars) in folded.enumerated() {
            guard let first = scalars.first else { continue }
            let word = scalars.prefix(while: Self.isLetter)
            if word.isEmpty {
                bySymbol[first, default: []].append(index)
            } else {
                byFirstWord[word.reduce(Self.hashStart, Self.hash), default: []].append(index)
            }
        }
        self.byFirstWord = byFirstWord
        self.bySymbol = bySymbol
    }

    public var isEmpty: Bool { terms.isEmpty }

    /// Where each term first stands in `text` as a whole word (no letter just before or
    /// after it), any case and with or without accents; by index into `terms`.
    /// Terms in `skipping` (linked earlier on the page) are not looked for.
    func firstPlaces(in text: String, skipping: Set<Int> = []) -> [Int: Range<String.Index>] {
        var places: [(term: Int, range: Range<String.Index>)] = []
        func isFound(_ term: Int) -> Bool { places.contains { $0.term == term } || skipping.contains(term) }
        let scalars = text.unicodeScalars
        var index = scalars.startIndex
        var folded = ""
        var afterWord = false
        while index < scalars.endIndex {
            let scalar = scalars[index]
            guard Self.isLetter(scalar) else {
                if !afterWord, let candidates = bySymbol[scalar] {
                    for term in candidates where !isFound(term) {
                        if let end = match(self.folded[term], from: 0, in: scalars, at: index) { places.append((term, index..<end)) }
                    }
                }
                index = scalars.index(after: index)
                afterWord = false
                continue
            }
            // A word: read once, folded into its hash (ASCII letters without a string); the
            // terms that begin with it are compared from its start.
            var end = index
            var key = Self.hashStart
            while end < scalars.endIndex, case let letter = scalars[end], Self.isLetter(letter) {
                if letter.isASCII {
                    key = Self.hash(key, Self.lowercased(letter))
                } else {
                    folded.removeAll(keepingCapacity: true)
                    Self.fold(letter, into: &folded)
                    key = folded.unicodeScalars.reduce(key, Self.hash)
                }
                end = scalars.index(after: end)
            }
            if let candidates = byFirstWord[key] {
                for term in candidates where !isFound(term) {
                    if let stop = match(self.folded[term], from: 0, in: scalars, at: index) { places.append((term, index..<stop)) }
                }
            }
            index = end
            afterWord = true
        }
        return Dictionary(places, uniquingKeysWith: { first, _ in first })
    }

    /// FNV-1a over scalars: a word's hash, made as it is read.
    private static let hashStart: UInt64 = 0xcbf2_9ce4_8422_2325
    private static func hash(_ hash: UInt64, _ scalar: Unicode.Scalar) -> UInt64 {
        (hash ^ UInt64(scalar.value)) &* 0x0000_0100_0000_01B3
    }

    /// Where `term` ends, when its scalars from `wanted` on stand at `start` and no letter
    /// follows them.
    private func match(_ term: [Unicode.Scalar], from wanted: Int, in scalars: String.UnicodeScalarView, at start: String.Index) -> String.Index? {
        var at = start
        var wanted = wanted
        while wanted < term.count {
            guard at < scalars.endIndex else { return nil }
            let scalar = scalars[at]
            if scalar.isASCII {
                guard Self.lowercased(scalar) == term[wanted] else { return nil }
                wanted += 1
            } else {
                var folded = ""
                Self.fold(scalar, into: &folded)
                guard term[wanted...].starts(with: folded.unicodeScalars) else { return nil }
                wanted += folded.unicodeScalars.count
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
    private static func fold(_ scalar: Unicode.Scalar, into folded: inout String) {
        if scalar.isASCII {
            folded.unicodeScalars.append(lowercased(scalar))
        } else if scalar.properties.generalCategory != .nonspacingMark {
            // A combining accent alone is left as it is by Foundation's folding; after its letter it would go.
            folded += String(scalar).folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
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
