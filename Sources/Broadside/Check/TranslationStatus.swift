/// Which pages still need a translation, and which translations fell behind their source.
/// Behind means the source's `reviewed:` (or `date:`) is later than the translation's; when
/// either page has no such date, the files' last commits in git decide instead.
enum TranslationStatus {
    static func check(_ site: Site, _ rendered: RenderedSite, commitTimes: [String: Int], diagnostics: inout Diagnostics) {
        guard site.editions.count > 1 else { return }
        checkBilingual(site, rendered, diagnostics: &diagnostics)
        let defaultLanguage = site.defaultEdition.language
        for page in site.pages where page.language == defaultLanguage.code {
            let versions = site.translations(of: page)
            let missing = site.editions.dropFirst().map(\.language).filter { versions[$0.code] == nil }
            if !missing.isEmpty {
                let names = missing.map { "\($0.name) (\($0.code))" }.joined(separator: ", ")
                let files = missing.map { "\(page.translationKey.dropLast(".md".count)).\($0.code).md" }.joined(separator: ", ")
                diagnostics.report(.finding(.missingTranslation, "not translated yet into \(names): add \(files)",
                                            at: SourceLocation(path: page.source.file.displayPath)))
            }
            for (code, translation) in versions.sorted(by: { $0.key < $1.key }) where code != defaultLanguage.code {
                if let behind = behind(translation, source: page, commitTimes: commitTimes) {
                    let own = translation.source.frontMatter
                    diagnostics.report(.finding(.outdatedTranslation,
                        "\(behind): update this translation and its `reviewed:` date",
                        at: own.reviewedLocation ?? own.dateLocation ?? SourceLocation(path: translation.source.file.displayPath)))
                }
            }
        }
    }

    /// Why `translation` is older than `source`, or nil when it is not.
    private static func behind(_ translation: ContentPage, source: ContentPage, commitTimes: [String: Int]) -> String? {
        // The translation's own dates: what it inherited from its source says nothing about it.
        let own = translation.source.frontMatter
        let sourcePath = source.source.file.displayPath
        if let changed = source.frontMatter.reviewed ?? source.frontMatter.date, let translated = own.reviewed ?? own.date {
            return changed > translated ? "\(sourcePath) was reviewed on \(changed), after this translation (\(translated))" : nil
        }
        guard let changed = commitTimes[source.source.file.relativePath],
              let translated = commitTimes[translation.source.file.relativePath], changed > translated else { return nil }
        return "\(sourcePath) was last committed on \(Day(secondsSince1970: Double(changed))), after this translation (\(Day(secondsSince1970: Double(translated))))"
    }

    /// Bilingual handouts pair sections by their order: a section added to one language only
    /// would set every later section beside the wrong one.
    private static func checkBilingual(_ site: Site, _ rendered: RenderedSite, diagnostics: inout Diagnostics) {
        var pairs = site.handouts.compactMap { handout in
            handout.partner.map { (handout.page, $0, handout.page.frontMatter.bilingualLocation) }
        }
        for packet in site.packets {
            pairs += packet.pages.compactMap { member in member.partner.map { (member.page, $0, packet.about.bilingualLocation) } }
        }
        var reported: Set<String> = []
        for (page, partner, location) in pairs where reported.insert(page.route.path + partner.route.path).inserted {
            func sections(_ page: ContentPage) -> Int {
                rendered.outputs[page.route]?.body.headings.filter { $0.level <= 2 && $0.isTopLevel }.count ?? 0
            }
            let (own, other) = (sections(page), sections(partner))
            guard own != other else { continue }
            diagnostics.warning("\(page.source.file.displayPath) has \(own) sections (## headings) and \(partner.source.file.displayPath) has \(other): a bilingual handout sets them side by side in order, so give both the same sections",
                                at: location ?? SourceLocation(path: page.source.file.displayPath))
        }
    }
}
