/// Finds what each handout and packet prints, in which language, and what is printed beside it.
struct PrintAssembly {
    let config: SiteConfig
    let pages: [ContentPage]
    let translations: [String: [String: ContentPage]]
    let routes: Routes
    let languageNames: [String: String]

    func handouts(diagnostics: inout Diagnostics) -> [Handout] {
        // A closure, not the key path `\.frontMatter.handout`: that one was walked at run time for each page.
        pages.filter { $0.frontMatter.handout }.map { page in
            let partner = page.frontMatter.bilingual.flatMap {
                self.partner(of: page, in: $0, at: page.frontMatter.bilingualLocation, diagnostics: &diagnostics)
            }
            return Handout(page: page, partner: partner, prefix: Translations.prefix(for: page.language, config: config))
        }
    }

    func packet(_ source: PacketSource, diagnostics: inout Diagnostics) -> Packet {
        var language = config.language
        if let lang = source.lang {
            if languageNames[lang] != nil {
                language = lang
            } else {
                diagnostics.error(unknownLanguage(lang), at: source.langLocation ?? SourceLocation(path: source.displayPath))
            }
        }
        let byPath = Dictionary(pages.map { ($0.source.file.relativePath, $0) }, uniquingKeysWith: { first, _ in first })
        var members: [(ContentPage, ContentPage?)] = []
        for (path, location) in source.pages {
            guard var page = byPath[path] else {
                let why = routes.drafts.contains(path) ? "is a draft" : "is not a page in the content folder"
                diagnostics.error("'\(path)' \(why): list pages by their path under Content/, like laws/pc-18-5.md", at: location)
                continue
            }
            if page.language != language {
                if let translated = translations[page.translationKey]?[language] {
                    page = translated
                } else {
                    diagnostics.report(.finding(.missingTranslation,
                        "'\(path)' has no \(languageNames[language] ?? language) translation yet, so this \(languageNames[language] ?? language) packet prints it in \(languageNames[page.language] ?? page.language)",
                        at: location))
                }
            }
            // A page printed in the second language already (untranslated) stands alone.
            let partner = source.bilingual.flatMap { code in
                code == page.language && code != language ? nil : self.partner(of: page, in: code, at: location, diagnostics: &diagnostics)
            }
            members.append((page, partner))
        }
        return Packet(about: source, language: language, pages: members, prefix: Translations.prefix(for: language, config: config))
    }

    /// The translation of `page` printed beside it; says so when there is none.
    private func partner(of page: ContentPage, in code: String, at location: SourceLocation?, diagnostics: inout Diagnostics) -> ContentPage? {
        let at = location ?? SourceLocation(path: page.source.file.displayPath)
        guard languageNames[code] != nil else {
            diagnostics.error(unknownLanguage(code), at: at)
            return nil
        }
        guard code != page.language else {
            diagnostics.error("a bilingual handout needs a second language: \(page.source.file.displayPath) is already in \(languageNames[code] ?? code)", at: at)
            return nil
        }
        guard let partner = translations[page.translationKey]?[code] else {
            diagnostics.report(.finding(.missingTranslation,
                "\(page.source.file.displayPath) has no \(languageNames[code] ?? code) translation yet, so it prints in \(languageNames[page.language] ?? page.language) only: add \(page.translationKey.dropLast(3)).\(code).md",
                at: at))
            return nil
        }
        return partner
    }

    private func unknownLanguage(_ code: String) -> String {
        "'\(code)' is not one of the site's languages (\(languageNames.keys.sorted().joined(separator: ", "))): add it under `languages:` in site.yml"
    }
}
