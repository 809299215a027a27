/// A legal citation found in running text, with the official source it links to.
public struct Citation: Equatable, Sendable {
    public var range: Range<String.Index>
    /// As written: "Penal Code § 1473.7".
    public var text: String
    /// A stable name for the Sources list: "Cal. Penal Code § 1473.7".
    public var name: String
    public var url: String
}

/// Finds citations to California codes, the U.S. Code, the C.F.R. and the INA (the codes and
/// addresses are in CitationCatalog.swift). Written to miss rather than mislink: a bare number,
/// a year, a phone number or "section 8 housing" is never a citation; only a named code with a
/// section number is.
public enum Citations {
    /// The catalogue's spellings by the byte they start with, each list in the catalogue's order
    /// (which decides between two that match): a word is tried against the few it could be.
    private static let spellingsByFirstByte: [[(spelling: Pattern, code: Int)]] = {
        var table = Array(repeating: [(spelling: Pattern, code: Int)](), count: 256)
        for (index, code) in californiaCodes.enumerated() {
            for spelling in code.spellings {
                guard case .text(let bytes)? = spelling.pieces.first else { preconditionFailure("a spelling starts with a letter") }
                table[Int(bytes[0])].append((spelling, index))
            }
        }
        return table
    }()

    /// Whether the text, as UTF-8, may hold a citation: every citation has a section number,
    /// and text without a digit (most text) is not searched.
    public static func mayCite(_ text: Span<UInt8>) -> Bool {
        ByteSearch.hasDigit(text)
    }

    /// Matched byte by byte, as the regular expressions this replaced would, and by what each
    /// byte can start: every paragraph of every page with a digit is searched.
    public static func find(in text: String) -> [Citation] {
        var found: [(bytes: Range<Int>, name: String, url: String)] = []
        guard mayCite(text.utf8.span) else { return [] }
        do {
            // Bytes a pattern can look back and ahead in; `text` is the string again below.
            let bytes = Array(text.utf8)
            let text = CitationText(bytes: bytes)
            func add(_ range: Range<Int>, name: String, url: String) { found.append((range, name, url)) }
            // [Cal. ]code name[,] sign number[(subdivisions)]
            func california(_ start: Int) -> Int? {
                guard text.boundary(before: start) else { return nil }
                func cited(from: Int) -> Int? {
                    guard let first = text.byte(from) else { return nil }
                    for (spelling, index) in spellingsByFirstByte[Int(first)] {
                        guard let named = spelling.match(text, at: from),
                              let signed = sign.match(text, at: text.spaces(from: text.comma(at: text.spaces(from: named)))),
                              let (number, end) = text.section(at: text.spaces(from: signed)) else { continue }
                        let section = text.string(number)
                        let code = californiaCodes[index]
                        add(start..<end, name: code.name + section, url: code.address + section)
                        return end
                    }
                    return nil
                }
                return californiaPrefix.match(text, at: start).flatMap(cited) ?? cited(from: start)
            }
            // title U.S.C. [§] number[(subdivisions)]
            func usc(_ start: Int) -> Int? {
                guard text.boundary(before: start), let title = text.digits(at: start, upTo: 2),
                      let marked = Citations.uscMark.match(text, at: title.upperBound), let (number, end) = text.section(at: marked) else { return nil }
                let (name, url) = uscCitation(title: text.string(title), section: text.string(number))
                add(start..<end, name: name, url: url)
                return end
            }
            // title C.F.R. [§] part.section[(subdivisions)]
            func cfr(_ start: Int) -> Int? {
                guard text.boundary(before: start), let title = text.digits(at: start, upTo: 2),
                      let marked = Citations.cfrMark.match(text, at: title.upperBound), let part = text.digits(at: marked),
                      text.byte(part.upperBound) == UInt8(ascii: "."), let section = text.digits(at: part.upperBound + 1) else { return nil }
                let (name, url) = cfrCitation(title: text.string(title), section: text.string(part.lowerBound..<section.upperBound))
                add(start..<text.subdivisions(at: section.upperBound), name: name, url: url)
                return text.subdivisions(at: section.upperBound)
            }
            // INA [§] three digits[letter][(subdivisions)]; a section the INA table lacks is passed
            // over, and so is a longer number ("INA 2120" is not section 212)
            func ina(_ start: Int) -> Int? {
                guard text.boundary(before: start), let marked = Citations.inaMark.match(text, at: start),
                      let digits = text.digits(at: marked, upTo: 3), digits.count == 3, !text.isDigit(digits.upperBound) else { return nil }
                let letter = text.byte(digits.upperBound).map { $0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "Z") } == true ? 1 : 0
                let end = text.subdivisions(at: digits.upperBound + letter)
                let number = text.string(digits.lowerBound..<digits.upperBound + letter)
                if let usc = inaToUSC[number] {
                    let (name, url) = inaCitation(section: number, usc: usc)
                    add(start..<end, name: name, url: url)
                }
                return end
            }
            // Each kind on its own, left to right, as a regular expression finds them: a kind
            // looks again only past its last match. One pass, by what each byte can start.
            var next = (california: 0, usc: 0, cfr: 0, ina: 0)
            for start in bytes.indices {
                switch startKinds[Int(bytes[start])] {
                case .nothing:
                    continue
                case .digit:
                    if start >= next.usc, let end = usc(start) { next.usc = end }
                    if start >= next.cfr, let end = cfr(start) { next.cfr = end }
                case .ina:
                    if start >= next.ina, let end = ina(start) { next.ina = end }
                case .californiaCode:
                    // Most capitals begin no code's name: their next byte says so.
                    if start >= next.california, californiaPairs.contains(bytes[start], text.byte(start + 1)),
                       let end = california(start) { next.california = end }
                }
            }
        }
        // A match that would cut a letter from its accent (a digit and a combining mark) is
        // no citation: the link could not hold the whole character.
        let index = { (offset: Int) in text.utf8.index(text.utf8.startIndex, offsetBy: offset).samePosition(in: text) }
        let citations = found.compactMap { found -> Citation? in
            guard let start = index(found.bytes.lowerBound), let end = index(found.bytes.upperBound) else { return nil }
            return Citation(range: start..<end, text: String(text[start..<end]), name: found.name, url: found.url)
        }
        // In order, and never overlapping: the first and longest match wins.
        var kept: [Citation] = []
        for citation in citations.sorted(by: { ($0.range.lowerBound, $1.range.upperBound) < ($1.range.lowerBound, $0.range.upperBound) })
        where kept.last.map({ $0.range.upperBound <= citation.range.lowerBound }) ?? true {
            kept.append(citation)
        }
        return kept
    }
}

extension Citations {
    /// What a citation may start with: a section's title number, "INA", or a California code
    /// (its name or "Cal.").
    fileprivate enum StartKind: UInt8 {
        case nothing, digit, ina, californiaCode
    }

    fileprivate static let startKinds: [StartKind] = (0...255).map { byte in
        switch UInt8(byte) {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): .digit
        case UInt8(ascii: "I"): .ina
        case let first: californiaPairs.starts(first) ? .californiaCode : .nothing
        }
    }

    /// The first two bytes a California citation may begin with, worked out from the
    /// spellings: a superset, so a pair not in it starts none.
    fileprivate static let californiaPairs: BytePairs = {
        var pairs = BytePairs()
        for pattern in [californiaPrefix] + californiaCodes.flatMap(\.spellings) {
            guard case .text(let bytes)? = pattern.pieces.first else { preconditionFailure("a spelling starts with a letter") }
            let seconds = bytes.count > 1 ? Set([bytes[1]]) : pattern.firstBytes(from: 1)
            pairs.insert(bytes[0], seconds)
        }
        return pairs
    }()
}

/// A set of byte pairs: 65,536 bits.
private struct BytePairs {
    private var bits = [UInt64](repeating: 0, count: 1024)
    /// Any second byte (nil): the first byte with each of the 256.
    mutating func insert(_ first: UInt8, _ seconds: Set<UInt8>?) {
        for second in seconds ?? Set(0...255) {
            let pair = Int(first) << 8 | Int(second)
            bits[pair >> 6] |= 1 << (pair & 63)
        }
    }
    func contains(_ first: UInt8, _ second: UInt8?) -> Bool {
        guard let second else { return false }
        let pair = Int(first) << 8 | Int(second)
        return bits[pair >> 6] >> (pair & 63) & 1 == 1
    }
    func starts(_ first: UInt8) -> Bool { bits[Int(first) << 2..<Int(first) << 2 + 4].contains { $0 != 0 } }
}
