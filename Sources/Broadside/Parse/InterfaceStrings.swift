import Foundation
import Yams

/// Builds each language's `Strings`: the built-in English and Spanish words, the site's
/// `Site/i18n/<code>.yml` on top, the default language beneath for anything still missing.
/// What is missing is reported once per language, not once per page that shows it.
enum InterfaceStrings {
    static let builtIn: [String: [UInt8]] = ["en": PackageResources.en_yml, "es": PackageResources.es_yml]

    /// The keys the built-in theme knows; a site may add its own for its own templates.
    /// The built-in words, read once: every build, and every rebuild in `serve`, starts from them.
    static let builtInTables: [String: [String: String]] = builtIn.mapValues(table)
    static let keys: Set<String> = Set(builtInTables["en"]!.keys)

    static func load(config: SiteConfig, files: [String: SourceFile], templates: [String: SourceFile],
                     diagnostics: inout Diagnostics) -> [String: Strings] {
        var overrides: [String: [String: String]] = [:]
        for (code, file) in files.sorted(by: { $0.key < $1.key }) {
            guard config.languages.contains(where: { $0.code == code }) else {
                diagnostics.warning("\(code) is not one of the site's languages, so this file is not used: add `\(code): …` under `languages:` in site.yml",
                                    at: SourceLocation(path: file.displayPath))
                continue
            }
            overrides[code] = read(file, templates: templates, diagnostics: &diagnostics)
        }
        let defaultCode = config.language
        let tables = builtInTables
        var defaults = tables[defaultCode] ?? tables["en"]!
        defaults["disclaimer"] = config.disclaimer ?? defaults["disclaimer"]
        // The site's name is not an interface word: a language without its own keeps site.yml's.
        defaults["site_title"] = config.title
        defaults.merge(overrides[defaultCode] ?? [:]) { _, site in site }

        var result: [String: Strings] = [:]
        for language in config.languages {
            // The built-in words of this language, under the site's; the default language's are
            // already in `defaults`, with site.yml's disclaimer and title over them.
            let own = tables[language.code] ?? [:]
            var values = defaults
            if language.code != defaultCode { values.merge(own) { _, own in own } }
            values.merge(overrides[language.code] ?? [:]) { _, site in site }
            result[language.code] = Strings(language: language, values: values)
            let siteKeys = (overrides[language.code] ?? [:]).keys
            let missing = keys.subtracting(own.keys).subtracting(siteKeys).sorted()
            let path = files[language.code]?.displayPath ?? "Site/i18n/\(language.code).yml"
            // The site wrote its own disclaimer: another language's built-in one says something else.
            if language.code != defaultCode, config.disclaimer != nil, !siteKeys.contains("disclaimer"), !missing.contains("disclaimer") {
                diagnostics.report(.finding(.interfaceStrings,
                    "site.yml has its own disclaimer, but \(language.name) pages show the built-in \(language.name) one: add `disclaimer:` in \(language.name) to \(path)",
                    at: files[language.code].map { SourceLocation(path: $0.displayPath) }))
            }
            guard !missing.isEmpty else { continue }
            let fallback = language.code == defaultCode ? "English" : config.languages.first { $0.code == defaultCode }?.name ?? defaultCode
            let file = files[language.code]
            let named = missing.count > 6 ? missing.prefix(5).joined(separator: ", ") + " and \(missing.count - 5) more" : missing.joined(separator: ", ")
            diagnostics.report(.finding(.interfaceStrings,
                "\(missing.count) interface word\(missing.count == 1 ? " has" : "s have") no \(language.name) (\(language.code)) translation (\(named)): pages show them in \(fallback); add them to \(path)",
                at: file.map { SourceLocation(path: $0.displayPath) }))
        }
        return result
    }

    /// One `Site/i18n/<code>.yml`: every value text, every key one the theme or a template uses.
    private static func read(_ file: SourceFile, templates: [String: SourceFile], diagnostics: inout Diagnostics) -> [String: String] {
        guard let fields = YAMLFields(yaml: file.text, path: file.displayPath, lineOffset: 0, what: "interface strings",
                                      diagnostics: &diagnostics) else { return [:] }
        var values: [String: String] = [:]
        for key in fields.keys {
            guard let text = fields.string(key, diagnostics: &diagnostics) else { continue }
            values[key] = text
            let used = keys.contains(key) || key == "site_title" || templates.values.contains { $0.text.contains("t.\(key)") }
            if !used, let location = fields.location(ofKey: key) {
                diagnostics.warning("'\(key)' is not an interface string and no template in Site/templates uses it (as {{t.\(key)}}): check the spelling",
                                    at: location)
            }
        }
        return values
    }

    /// A built-in table: flat `key: text`, each on one line, so that `PlainYAML` reads it:
    /// Yams took 8 ms of every start-up for the two (compiling its resolver's patterns
    /// first); it reads a table only if one is ever written otherwise.
    static func table(_ bytes: [UInt8]) -> [String: String] {
        let yaml = String(decoding: bytes, as: UTF8.self)
        if let entries = PlainYAML.entries(yaml) {
            return Dictionary(entries.compactMap { key, value in key.text.flatMap { key in value.text.map { (key, $0) } } },
                              uniquingKeysWith: { first, _ in first })
        }
        guard let mapping = (try? Yams.compose(yaml: yaml))?.mapping else { return [:] }
        var values: [String: String] = [:]
        for (key, value) in mapping {
            if let key = key.string, let text = value.string { values[key] = text }
        }
        return values
    }
}
