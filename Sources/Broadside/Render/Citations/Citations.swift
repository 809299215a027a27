import Foundation

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
    /// California code names as people write them → leginfo's lawCode.
    private static let californiaCodes: [(pattern: String, code: String, name: String)] = [
        (#"Penal\s+Code|Pen\.\s*Code|P\.\s?C\.|PC|C[oó]digo\s+Penal"#, "PEN", "Penal Code"),
        (#"Health\s+(?:and|&)\s+Safety\s+Code|Health\s+&\s+Saf\.\s*Code|H\s?&\s?S\s+Code|HSC"#, "HSC", "Health and Safety Code"),
        (#"Gov(?:ernment|\.|’t|'t)?\s+Code"#, "GOV", "Government Code"),
        (#"Vehicle\s+Code|Veh\.\s*Code"#, "VEH", "Vehicle Code"),
        (#"Welfare\s+(?:and|&)\s+Institutions\s+Code|Welf\.\s*&\s*Inst\.\s*Code|WIC"#, "WIC", "Welfare and Institutions Code"),
        (#"Evidence\s+Code|Evid\.\s*Code"#, "EVID", "Evidence Code"),
        (#"Family\s+Code|Fam\.\s*Code"#, "FAM", "Family Code"),
        (#"Code\s+of\s+Civil\s+Procedure|Code\s+Civ\.\s*Proc\.|CCP"#, "CCP", "Code of Civil Procedure"),
        (#"Civil\s+Code|Civ\.\s*Code"#, "CIV", "Civil Code"),
        (#"Business\s+(?:and|&)\s+Professions\s+Code|Bus\.\s*&\s*Prof\.\s*Code|BPC"#, "BPC", "Business and Professions Code"),
    ]

    /// INA sections → 8 U.S.C. sections (reference/facts.md).
    static let inaToUSC = ["101": "1101", "208": "1158", "212": "1182", "237": "1227", "240A": "1229b", "241": "1231",
                           "244": "1254a", "245": "1255", "249": "1259", "316": "1427"]

    private static let section = #"(\d+(?:\.\d+)*[a-z]?)((?:\([0-9A-Za-z]{1,4}\))*)"#
    private static let sign = #"(?:§§?|[Ss]ections?|[Ss]ecs?\.|sección)"#

    private static let california: NSRegularExpression = {
        let names = californiaCodes.map { "(\($0.pattern))" }.joined(separator: "|")
        return try! NSRegularExpression(pattern: #"(?:\bCal(?:ifornia|\.)?\s+)?\b(?:"# + names + #")\s*,?\s*"# + sign + #"\s*"# + section)
    }()
    private static let usCode = try! NSRegularExpression(pattern: #"\b(\d{1,2})\s+U\.\s?S\.\s?C\.?\s*(?:§§?\s*)?"# + section)
    private static let cfr = try! NSRegularExpression(pattern: #"\b(\d{1,2})\s+C\.\s?F\.\s?R\.?\s*(?:§§?\s*)?(\d+\.\d+)((?:\([0-9A-Za-z]{1,4}\))*)"#)
    private static let ina = try! NSRegularExpression(pattern: #"\bINA\s*(?:§\s*|[Ss]ection\s+)?(\d{3}[A-Z]?)((?:\([0-9A-Za-z]{1,4}\))*)"#)

    public static func find(in text: String) -> [Citation] {
        // Every citation has a section number, and each kind a mark of its own: text without
        // them (most text) is not handed to the regular expressions at all.
        var text = text
        let marks = text.withUTF8 { bytes -> (digit: Bool, section: Bool, usc: Bool, cfr: Bool, ina: Bool) in
            func has(_ mark: StaticString) -> Bool {
                let mark = UnsafeBufferPointer(start: mark.utf8Start, count: mark.utf8CodeUnitCount)
                guard bytes.count >= mark.count else { return false }
                for start in 0...(bytes.count - mark.count) where bytes[start] == mark[0] {
                    if (1..<mark.count).allSatisfy({ bytes[start + $0] == mark[$0] }) { return true }
                }
                return false
            }
            return (bytes.contains { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") },
                    has("§") || has("ec"), has("U."), has("C."), has("INA"))
        }
        guard marks.digit else { return [] }
        var found: [Citation] = []
        let whole = NSRange(text.startIndex..., in: text)
        func string(_ match: NSTextCheckingResult, _ group: Int) -> String? {
            Range(match.range(at: group), in: text).map { String(text[$0]) }
        }
        func add(_ match: NSTextCheckingResult, name: String, url: String) {
            guard let range = Range(match.range, in: text) else { return }
            found.append(Citation(range: range, text: String(text[range]), name: name, url: url))
        }
        for match in marks.section ? california.matches(in: text, range: whole) : [] {
            // Groups 1…n are the code names; the two after them are the section and subdivisions.
            guard let codeIndex = (1...californiaCodes.count).first(where: { match.range(at: $0).location != NSNotFound }),
                  let number = string(match, californiaCodes.count + 1) else { continue }
            let code = californiaCodes[codeIndex - 1]
            let url = "https://leginfo.legislature.ca.gov/faces/codes_displaySection.xhtml?lawCode=\(code.code)&sectionNum=\(number)"
            add(match, name: "Cal. \(code.name) § \(number)", url: url)
        }
        for match in marks.usc ? usCode.matches(in: text, range: whole) : [] {
            guard let title = string(match, 1), let number = string(match, 2) else { continue }
            add(match, name: "\(title) U.S.C. § \(number)", url: "https://www.law.cornell.edu/uscode/text/\(title)/\(number)")
        }
        for match in marks.cfr ? cfr.matches(in: text, range: whole) : [] {
            guard let title = string(match, 1), let number = string(match, 2) else { continue }
            add(match, name: "\(title) C.F.R. § \(number)", url: "https://www.ecfr.gov/current/title-\(title)/section-\(number)")
        }
        for match in marks.ina ? ina.matches(in: text, range: whole) : [] {
            guard let number = string(match, 1), let usc = inaToUSC[number] else { continue }
            add(match, name: "INA § \(number) (8 U.S.C. § \(usc))", url: "https://www.law.cornell.edu/uscode/text/8/\(usc)")
        }
        // In order, and never overlapping: the first and longest match wins.
        var kept: [Citation] = []
        for citation in found.sorted(by: { ($0.range.lowerBound, $1.range.upperBound) < ($1.range.lowerBound, $0.range.upperBound) })
        where kept.last.map({ $0.range.upperBound <= citation.range.lowerBound }) ?? true {
            kept.append(citation)
        }
        return kept
    }
}
