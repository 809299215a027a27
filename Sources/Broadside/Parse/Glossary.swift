import Foundation

/// `Content/glossary.yml`: plain definitions of the legal words pages use. The first use of a
/// term on a page links to its definition, listed under "Words to know".
public struct GlossaryTerm: Sendable, Equatable {
    public var term: String
    public var definition: String
    /// The anchor of its definition on a page: `term-vacate`.
    public var id: String
    /// In another language's glossary, the default language's term this one translates
    /// (`condena: {definition: …, translates: conviction}`): an interpreter packet prints them side by side.
    public var translates: String? = nil
}

enum Glossary {
    /// Each language's terms: `glossary.yml` for the default language, `glossary.<code>.yml`
    /// for the others, whose pages use other words.
    static func parseAll(_ files: [SourceFile], config: SiteConfig, diagnostics: inout Diagnostics) -> [String: [GlossaryTerm]] {
        var glossaries: [String: [GlossaryTerm]] = [:]
        // The default language's first: another language's `translates:` names its terms.
        for language in config.languages.filter({ $0.code == config.language }) + config.languages.filter({ $0.code != config.language }) {
            let name = language.code == config.language ? "glossary.yml" : "glossary.\(language.code).yml"
            guard let file = files.first(where: { $0.relativePath == name }) else { continue }
            let known = language.code == config.language ? nil : Set((glossaries[config.language] ?? []).map(\.term))
            glossaries[language.code] = parse(file, language: language.code, translating: known, diagnostics: &diagnostics)
        }
        return glossaries
    }

    /// Each entry is `term: definition`, or `term: {en: …, es: …}` for a definition per language.
    /// `translating`: the default language's terms, which `translates:` may name.
    static func parse(_ file: SourceFile, language: String, translating known: Set<String>? = nil,
                      diagnostics: inout Diagnostics) -> [GlossaryTerm] {
        guard
              let fields = YAMLFields(yaml: file.text, path: file.displayPath, lineOffset: 0, what: "glossary", diagnostics: &diagnostics)
        else { return [] }
        var terms: [GlossaryTerm] = []
        /// Each default-language term already paired, with the term that pairs with it and its line.
        var paired: [String: (term: String, line: Int)] = [:]
        for term in fields.keys {
            var definition = fields.entry(term)?.value.text
            var translates: String?
            if definition == nil, let languages = fields.fields(term, diagnostics: &diagnostics) {
                // Either key makes it the long form: `condena: {translates: conviction}` without a
                // definition is told it needs one, never read as a definition in a language `translates`.
                if languages.keys.contains("definition") || languages.keys.contains("translates") {
                    var keys = YAMLReader(languages)
                    definition = keys.string("definition", diagnostics: &diagnostics)
                    translates = keys.string("translates", diagnostics: &diagnostics)
                    if let translates, let at = keys.location(ofValue: "translates"), !(known?.contains(translates) ?? false) {
                        diagnostics.warning(known == nil
                            ? "'translates' belongs in another language's glossary (glossary.<code>.yml): it names the term of this one that the entry translates"
                            : "'\(translates)' is not a term of the default language's glossary, so this term has no partner in interpreter packets: write the term as glossary.yml spells it",
                            at: at)
                    }
                    if let partner = translates, let at = keys.location(ofValue: "translates"), !(definition ?? "").isEmpty {
                        if let first = paired[partner] {
                            diagnostics.warning("'\(term)' and '\(first.term)' (line \(first.line)) both translate '\(partner)', and an interpreter packet pairs one term with each: '\(term)' gets a row of its own; keep `translates:` on one of them",
                                                at: at)
                            translates = nil
                        } else {
                            paired[partner] = (term, at.line)
                        }
                    }
                    keys.finish(what: "glossary", rule: .unknownKey, diagnostics: &diagnostics)
                } else {
                    definition = languages.string(language, diagnostics: &diagnostics)
                        ?? languages.keys.first.flatMap { languages.string($0, diagnostics: &diagnostics) }
                }
            }
            guard let definition, !definition.isEmpty else {
                diagnostics.error("'\(term)' needs a definition: `\(term): a plain explanation`", at: fields.location(ofKey: term))
                continue
            }
            terms.append(GlossaryTerm(term: term, definition: definition, id: "term-" + Slug.make(term), translates: translates))
        }
        // Longer terms first, so "aggravated felony" is found before "felony".
        return terms.sorted { $0.term.count > $1.term.count }
    }
}
