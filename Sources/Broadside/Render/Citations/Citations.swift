/// A legal citation found in running text, with the official source it links to.
public struct Citation: Equatable, Sendable {
    public var range: Range<String.Index>
    /// As written: "Penal Code § 1473.7".
    public var text: String
    /// A stable name for the Sources list: "Cal. Penal Code § 1473.7".
    public var name: String
    public var url: String
}

/// Finds citations to California codes, the U.S. Code, the C.F.R. and the INA. Written to
/// miss rather than mislink: a bare number, a year, a phone number or "section 8 housing"
/// is never a citation; only a named code with a section number is.
public enum Citations {
    /// California code names as people write them → leginfo's lawCode, with the start of a
    /// citation's name and address, which only the section number completes: a page can
    /// cite dozens of sections.
    private static let californiaCodes: [(spellings: [Pattern], name: String, address: String)] = [
        (["Penal_Code", "Pen.~Code", "P.?C.", "PC", "C{o|ó}digo_Penal"], "PEN", "Penal Code"),
        (["Health_{and|&}_Safety_Code", "Health_&_Saf.~Code", "H?&?S_Code", "HSC"], "HSC", "Health and Safety Code"),
        (["Gov{ernment|.|’t|'t|}_Code"], "GOV", "Government Code"),
        (["Vehicle_Code", "Veh.~Code"], "VEH", "Vehicle Code"),
        (["Welfare_{and|&}_Institutions_Code", "Welf.~&~Inst.~Code", "WIC"], "WIC", "Welfare and Institutions Code"),
        (["Evidence_Code", "Evid.~Code"], "EVID", "Evidence Code"),
        (["Family_Code", "Fam.~Code"], "FAM", "Family Code"),
        (["Code_of_Civil_Procedure", "Code_Civ.~Proc.", "CCP"], "CCP", "Code of Civil Procedure"),
        (["Civil_Code", "Civ.~Code"], "CIV", "Civil Code"),
        (["Business_{and|&}_Professions_Code", "Bus.~&~Prof.~Code", "BPC"], "BPC", "Business and Professions Code"),
    ].map { spellings, code, name in
        (spellings.map(Pattern.init), "Cal. \(name) § ",
         "https://leginfo.legislature.ca.gov/faces/codes_displaySection.xhtml?lawCode=\(code)&sectionNum=")
    }

    /// The spellings above by the byte they start with, each list in the order above (which
    /// decides between two that match): a word is tried against the few it could be.
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

    /// INA sections → 8 U.S.C. sections (reference/facts.md).
    static let inaToUSC = ["101": "1101", "208": "1158", "212": "1182", "237": "1227", "240A": "1229b", "241": "1231",
                           "244": "1254a", "245": "1255", "249": "1259", "316": "1427"]

    private static let californiaPrefix = Pattern("Cal{ifornia|.|}_")
    private static let sign = Pattern("{§§|§|Sections|Section|sections|section|Secs.|Sec.|secs.|sec.|sección}")
    private static let usCode = Pattern("_U.?S.?C{.|}~{§§~|§~|}")
    private static let cfr = Pattern("_C.?F.?R{.|}~{§§~|§~|}")
    private static let ina = Pattern("INA~{§~|Section_|section_|}")

    /// Whether the text, as UTF-8, may hold a citation: every citation has a section number,
    /// and text without a digit (most text) is not searched.
    public static func mayCite(_ text: UnsafeBufferPointer<UInt8>) -> Bool {
        ByteSearch.hasDigit(text.span)
    }

    /// Matched byte by byte, as the regular expressions this replaced would: a page's every
    /// paragraph is searched, and those took a tenth of a large site's build.
    public static func find(in text: String) -> [Citation] {
        var found: [(bytes: Range<Int>, name: String, url: String)] = []
        text.withBytes { bytes in
            guard mayCite(bytes) else { return }
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
                      let marked = Citations.usCode.match(text, at: title.upperBound), let (number, end) = text.section(at: marked) else { return nil }
                let (t, n) = (text.string(title), text.string(number))
                add(start..<end, name: "\(t) U.S.C. § \(n)", url: "https://www.law.cornell.edu/uscode/text/\(t)/\(n)")
                return end
            }
            // title C.F.R. [§] part.section[(subdivisions)]
            func cfr(_ start: Int) -> Int? {
                guard text.boundary(before: start), let title = text.digits(at: start, upTo: 2),
                      let marked = Citations.cfr.match(text, at: title.upperBound), let part = text.digits(at: marked),
                      text.byte(part.upperBound) == UInt8(ascii: "."), let section = text.digits(at: part.upperBound + 1) else { return nil }
                let (t, n) = (text.string(title), text.string(part.lowerBound..<section.upperBound))
                add(start..<text.subdivisions(at: section.upperBound), name: "\(t) C.F.R. § \(n)",
                    url: "https://www.ecfr.gov/current/title-\(t)/section-\(n)")
                return text.subdivisions(at: section.upperBound)
            }
            // INA [§] three digits[letter][(subdivisions)]; a section the INA table lacks is passed
            // over, and so is a longer number ("INA 2120" is not section 212)
            func ina(_ start: Int) -> Int? {
                guard text.boundary(before: start), let marked = Citations.ina.match(text, at: start),
                      let digits = text.digits(at: marked, upTo: 3), digits.count == 3, !text.isDigit(digits.upperBound) else { return nil }
                let letter = text.byte(digits.upperBound).map { $0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "Z") } == true ? 1 : 0
                let end = text.subdivisions(at: digits.upperBound + letter)
                let number = text.string(digits.lowerBound..<digits.upperBound + letter)
                if let usc = inaToUSC[number] {
                    add(start..<end, name: "INA § \(number) (8 U.S.C. § \(usc))", url: "https://www.law.cornell.edu/uscode/text/8/\(usc)")
                }
                return end
            }
            // Each kind on its own, left to right, as a regular expression finds them: a kind
            // looks again only past its last match. One pass, by what each byte can start.
            var next = (california: 0, usc: 0, cfr: 0, ina: 0)
            startKinds.withUnsafeBufferPointer { kinds in
                for start in bytes.indices {
                    switch kinds[Int(bytes[start])] {
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

/// A piece of the patterns above, as the regular expressions they replaced wrote it: letters
/// stand for themselves, `_` is one or more spaces (`\s+`), `~` any number (`\s*`), `?` at
/// most one (`\s?`), and `{a|b|}` the first of those that matches (empty: none). Unlike a
/// regular expression, a later option is not tried when what follows fails: list the longer
/// of two options that begin alike first (`§§` before `§`), as the spellings above do.
private struct Pattern: Sendable {
    enum Piece: Sendable {
        case text([UInt8])
        case spaces(atLeast: Int, atMost: Int)
        case first([Pattern])
    }

    var pieces: [Piece] = []

    init(pieces: [Piece]) {
        self.pieces = pieces
    }

    init(_ written: String) {
        var rest = Substring(written)
        self.init(&rest)
    }

    private init(_ rest: inout Substring) {
        while let character = rest.first, character != "|", character != "}" {
            rest.removeFirst()
            switch character {
            case "_": pieces.append(.spaces(atLeast: 1, atMost: .max))
            case "~": pieces.append(.spaces(atLeast: 0, atMost: .max))
            case "?": pieces.append(.spaces(atLeast: 0, atMost: 1))
            case "{":
                var options: [Pattern] = []
                repeat { options.append(Pattern(&rest)) } while rest.popFirst() == "|"
                pieces.append(.first(options))
            default:
                if case .text(let bytes) = pieces.last {
                    pieces[pieces.count - 1] = .text(bytes + Array(character.utf8))
                } else {
                    pieces.append(.text(Array(character.utf8)))
                }
            }
        }
    }

    /// The bytes a match may have at the start of piece `index` and on; nil: any byte (the
    /// pattern may end there). Spaces beyond ASCII are all bytes from 0x80.
    func firstBytes(from index: Int) -> Set<UInt8>? {
        guard index < pieces.count else { return nil }
        let spaces = Set([0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x20] + (0x80...0xFF).map(UInt8.init))
        switch pieces[index] {
        case .text(let bytes):
            return [bytes[0]]
        case .spaces(let least, _):
            guard least == 0 else { return spaces }
            return firstBytes(from: index + 1).map { $0.union(spaces) }
        case .first(let options):
            var bytes = Set<UInt8>()
            for option in options {
                guard let first = Pattern(pieces: option.pieces + pieces[(index + 1)...]).firstBytes(from: 0) else { return nil }
                bytes.formUnion(first)
            }
            return bytes
        }
    }

    /// Where the pattern ends when it matches at `start`.
    func match(_ text: CitationText, at start: Int) -> Int? {
        // Most tries fail at the first letter: that one is looked at before anything else.
        if case .text(let bytes) = pieces.first, text.byte(start) != bytes[0] { return nil }
        var at = start
        for piece in pieces {
            switch piece {
            case .text(let bytes):
                guard text.has(bytes, at: at) else { return nil }
                at += bytes.count
            case .spaces(let least, let most):
                var count = 0
                while count < most, let next = text.space(at: at) { at = next; count += 1 }
                guard count >= least else { return nil }
            case .first(let options):
                guard let end = options.lazy.compactMap({ $0.match(text, at: at) }).first else { return nil }
                at = end
            }
        }
        return at
    }
}

/// A text's UTF-8 bytes, with what the patterns ask of them.
private struct CitationText {
    let bytes: UnsafeBufferPointer<UInt8>

    func byte(_ at: Int) -> UInt8? { at < bytes.count ? bytes[at] : nil }

    func has(_ expected: [UInt8], at start: Int) -> Bool {
        guard start + expected.count <= bytes.count else { return false }
        for offset in expected.indices where bytes[start + offset] != expected[offset] { return false }
        return true
    }

    func string(_ range: Range<Int>) -> String { String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self) }

    /// Where the space character at `at` ends: what `\s` takes, Unicode's white space, so
    /// also the no-break space people put after "§" and Word's line break (vertical tab).
    func space(at: Int) -> Int? {
        guard let byte = byte(at) else { return nil }
        if byte < 0x80 {
            return byte == 0x20 || (0x09...0x0D).contains(byte) ? at + 1 : nil
        }
        // White space beyond ASCII (U+0085, U+00A0, U+1680, U+2000 to U+205F, U+3000) starts
        // with one of four bytes: "§" and the letters of other scripts are not decoded.
        guard byte == 0xC2 || (0xE1...0xE3).contains(byte), let (scalar, length) = scalar(at: at), scalar.properties.isWhitespace else {
            return nil
        }
        return at + length
    }

    func spaces(from start: Int) -> Int {
        var at = start
        while let next = space(at: at) { at = next }
        return at
    }

    func comma(at: Int) -> Int { byte(at) == UInt8(ascii: ",") ? at + 1 : at }

    /// Whether a word may begin at `at` (`\b`): the character before is not part of a word.
    /// As ICU's regular expressions look, past combining marks and invisible format
    /// characters (a soft hyphen, a zero-width space) to the character they follow.
    func boundary(before at: Int) -> Bool {
        var end = at
        while end > 0 {
            let before = bytes[end - 1]
            if before < 0x80 {
                return !(before == UInt8(ascii: "_") || (before | 0x20 >= UInt8(ascii: "a") && before | 0x20 <= UInt8(ascii: "z"))
                         || (before >= UInt8(ascii: "0") && before <= UInt8(ascii: "9")))
            }
            var start = end - 1
            while start > 0, bytes[start] & 0xC0 == 0x80 { start -= 1 }
            guard let (scalar, _) = scalar(at: start) else { return true }
            let properties = scalar.properties
            if properties.isGraphemeExtend || properties.generalCategory == .format {
                end = start
                continue
            }
            switch properties.generalCategory {
            case .nonspacingMark, .spacingMark, .enclosingMark, .decimalNumber, .connectorPunctuation: return false
            default: return !properties.isAlphabetic
            }
        }
        return true
    }

    private func scalar(at: Int) -> (Unicode.Scalar, Int)? {
        var iterator = UnsafeBufferPointer(rebasing: bytes[at...]).makeIterator()
        var decoder = UTF8()
        guard case .scalarValue(let scalar) = decoder.decode(&iterator) else { return nil }
        return (scalar, UTF8.width(scalar))
    }

    /// ASCII digits only, where `\d` took any script's: a section number in other digits
    /// would make a broken address on the official site.
    func isDigit(_ at: Int) -> Bool { byte(at).map { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") } ?? false }

    /// One digit or more, at most `limit`.
    func digits(at start: Int, upTo limit: Int = .max) -> Range<Int>? {
        var end = start
        while end - start < limit, isDigit(end) { end += 1 }
        return end > start ? start..<end : nil
    }

    /// A section number (`1473.7`, `1229b`), and where its subdivisions (`(a)(2)`) end.
    func section(at start: Int) -> (number: Range<Int>, end: Int)? {
        guard var end = digits(at: start)?.upperBound else { return nil }
        while byte(end) == UInt8(ascii: "."), let more = digits(at: end + 1) { end = more.upperBound }
        if let letter = byte(end), letter >= UInt8(ascii: "a"), letter <= UInt8(ascii: "z") { end += 1 }
        return (start..<end, subdivisions(at: end))
    }

    /// Past any subdivisions at `start`: each one to four letters or digits in parentheses.
    func subdivisions(at start: Int) -> Int {
        var end = start
        while byte(end) == UInt8(ascii: "(") {
            var close = end + 1
            while close - end <= 4, let byte = byte(close), isDigit(close) || (byte | 0x20 >= UInt8(ascii: "a") && byte | 0x20 <= UInt8(ascii: "z")) {
                close += 1
            }
            guard close > end + 1, byte(close) == UInt8(ascii: ")") else { break }
            end = close + 1
        }
        return end
    }
}
