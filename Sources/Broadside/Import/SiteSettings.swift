/// The old site's settings as Broadside's: `Site/site.yml`, and a site title of each language's own.
enum SiteSettings {
    static func siteConfig(_ site: SourceSite) -> String {
        var lines = ["title: " + YAMLText.scalar(site.title ?? "Imported site")]
        if let url = site.baseURL { lines.append("base_url: " + YAMLText.quoted(url)) }
        lines.append("language: " + YAMLText.scalar(site.language))
        if !site.languages.isEmpty {
            // A code YAML reads as a word (`no`, Norwegian) is quoted, as any reader takes it then.
            lines.append("languages:")
            lines += site.languages.map { "  \(YAMLText.scalar($0.code)): " + YAMLText.scalar(Language(code: $0.code, name: $0.name).name) }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    /// `Site/i18n/<code>.yml` with `site_title:`, for each language with a title of its own.
    static func interfaceFiles(_ site: SourceSite) -> [(path: String, text: String)] {
        site.languages.compactMap { language in
            language.title.map { ("Site/i18n/\(language.code).yml", "site_title: " + YAMLText.scalar($0) + "\n") }
        }
    }
}
