/// `letter:` and `call_script:` as a page writes them: the page is a letter to each official
/// listed in a CSV beside it, with a script for calling them.
public struct LetterSource: Sendable, Equatable {
    /// The CSV as written (`officials.csv`), beside the page, and where it is written.
    public var to: String
    public var toLocation: SourceLocation
    /// Where `letter:` is, for problems with the letter as a whole.
    public var location: SourceLocation
}

extension FrontMatter {
    /// Reads `letter: {to: officials.csv}` and `call_script:`. A translation that leaves
    /// `letter:` out writes to the same officials (see `inherit`); its call script is its own.
    mutating func readLetter(_ fields: inout YAMLReader, diagnostics: inout Diagnostics) {
        callScript = fields.string("call_script", diagnostics: &diagnostics)
        callScriptLocation = fields.location(ofValue: "call_script")
        guard var group = fields.group("letter", diagnostics: &diagnostics), let at = fields.location(ofKey: "letter") else { return }
        let to = group.string("to", diagnostics: &diagnostics)
        let toLocation = group.location(ofValue: "to") ?? at
        group.finish(what: "letter", rule: .unknownKey, diagnostics: &diagnostics)
        guard let to, !to.isEmpty else {
            diagnostics.report(.finding(.letterOfficials, "`letter:` needs `to:`, the CSV of officials beside this page: `letter: {to: officials.csv}`",
                                        at: toLocation))
            return
        }
        letter = LetterSource(to: to, toLocation: toLocation, location: at)
    }
}
