import Foundation

/// `Content/glossary.yml`: plain definitions of the legal words pages use. The first use of a
/// term on a page links to its definition, listed under "Words to know".
public struct GlossaryTerm: Sendable, Equatable {
    public var term: String
    public var definition: String
    /// The anchor of its definition on a page: `term-vacate`.
    public var id: String
}

enum Glossary {
    /// Each language's terms: `glossary.yml` for the default language, `glossary.<code>.yml`
    /// for the others, whose pages use other words.
    static func parseAll(_ files: [SourceFile], config: SiteConfig, diagnostics: inout Diagnostics) -> [String: [GlossaryTerm]] {
        var glossaries: [String: [GlossaryTerm]] = [:]
        for language in config.languages {
            let name = language.code == config.language ? "glossary.yml" : "glossary.\(language.code).yml"
            guard let file = files.first(where: { $0.relativePath == name }) else { continue }
            glossaries[language.code] = parse(file, language: language.code, diagnostics: &diagnostics)
        }
        return glossaries
    }

    /// Each entry is `term: definition`, or `term: {en: …, es: …}` for a definition per language.
    static func parse(_ file: SourceFile, language: String, diagnostics: inout Diagnostics) -> [GlossaryTerm] {
        guard
              let fields = YAMLFields(yaml: file.text, path: file.displayPath, lineOffset: 0, what: "glossary", diagnostics: &diagnostics)
        else { return [] }
        var terms: [GlossaryTerm] = []
        for term in fields.keys {
            var definition = fields.entry(term)?.value.text
            if definition == nil, let languages = fields.fields(term, diagnostics: &diagnostics) {
                definition = languages.string(language, diagnostics: &diagnostics)
                    ?? languages.keys.first.flatMap { languages.string($0, diagnostics: &diagnostics) }
            }
            guard let definition, !definition.isEmpty else {
                diagnostics.error("'\(term)' needs a definition: `\(term): a plain explanation`", at: fields.location(ofKey: term))
                continue
            }
            terms.append(GlossaryTerm(term: term, definition: definition, id: "term-" + Slug.make(term)))
        }
        // Longer terms first, so "aggravated felony" is found before "felony".
        return terms.sorted { $0.term.count > $1.term.count }
    }
}
