// The citation catalogue: which laws Broadside links, how people write their names, and the
// official addresses each citation links to. This is the part a legal reviewer reads; it can be
// read alone. How text is searched for these spellings is in CitationScanner.swift, and what the
// spelling notation means (`_`, `~`, `?`, `{a|b}`) in CitationPattern.swift.

extension Citations {
    /// California code names as people write them → leginfo's lawCode, with the start of a
    /// citation's name and address, which only the section number completes: a page can
    /// cite dozens of sections. In each list, the spelling tried first comes first.
    static let californiaCodes: [(spellings: [Pattern], name: String, address: String)] = [
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

    /// "Cal.", "California" or "Cal" before a California code's name.
    static let californiaPrefix = Pattern("Cal{ifornia|.|}_")
    /// The word or sign between a California code's name and its section number.
    static let sign = Pattern("{§§|§|Sections|Section|sections|section|Secs.|Sec.|secs.|sec.|sección}")
    /// After a title number: "U.S.C." (spaces and dots optional) and an optional "§".
    static let uscMark = Pattern("_U.?S.?C{.|}~{§§~|§~|}")
    /// After a title number: "C.F.R." (spaces and dots optional) and an optional "§".
    static let cfrMark = Pattern("_C.?F.?R{.|}~{§§~|§~|}")
    /// Before an INA section number: "INA", then "§" or "Section", or nothing.
    static let inaMark = Pattern("INA~{§~|Section_|section_|}")

    /// INA sections → 8 U.S.C. sections (reference/facts.md). An INA section not listed here
    /// is not linked.
    static let inaToUSC = ["101": "1101", "208": "1158", "212": "1182", "237": "1227", "240A": "1229b", "241": "1231",
                           "244": "1254a", "245": "1255", "249": "1259", "316": "1427"]

    /// Title `title`, section `section` of the U.S. Code: its name in the Sources list and its
    /// address at Cornell's Legal Information Institute.
    static func uscCitation(title: String, section: String) -> (name: String, url: String) {
        ("\(title) U.S.C. § \(section)", "https://www.law.cornell.edu/uscode/text/\(title)/\(section)")
    }

    /// Title `title`, section `section` (part.section) of the Code of Federal Regulations, at eCFR.
    static func cfrCitation(title: String, section: String) -> (name: String, url: String) {
        ("\(title) C.F.R. § \(section)", "https://www.ecfr.gov/current/title-\(title)/section-\(section)")
    }

    /// INA section `section`, named with and linked to its 8 U.S.C. section.
    static func inaCitation(section: String, usc: String) -> (name: String, url: String) {
        ("INA § \(section) (8 U.S.C. § \(usc))", uscCitation(title: "8", section: usc).url)
    }
}
