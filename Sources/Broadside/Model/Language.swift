import Foundation

/// A language the site is published in: its code (`es`, BCP 47) and its name in itself
/// (`Español`), which is how the language switcher shows it to the people who read it.
public struct Language: Sendable, Hashable {
    public var code: String
    public var name: String

    public init(code: String, name: String? = nil) {
        self.code = code
        self.name = name ?? Self.names[code] ?? Self.autonym(code) ?? code
    }

    /// The language's name in itself, from the system's locale data: `de` → `Deutsch`.
    static func autonym(_ code: String) -> String? {
        Foundation.Locale(identifier: code).localizedString(forLanguageCode: code).map { $0.prefix(1).uppercased() + $0.dropFirst() }
    }

    /// Whether `name.<code>.md` looks like a page in a language: a two-letter language code
    /// the system knows (`de`, `th`, `pt-BR`), or a longer one in the list above. `notes.v2.md`,
    /// `old.bak.md` and `list.min.md` are just names.
    static func looksLikeLanguage(_ code: String) -> Bool {
        guard isCode(code) else { return false }
        if names[code] != nil { return true }
        let base = code.split(separator: "-")[0]
        return base.count == 2 && autonym(String(base)) != nil
    }

    /// Names of the languages California outreach uses most, so `language: vi` just works.
    static let names = [
        "en": "English", "es": "Español", "vi": "Tiếng Việt", "zh": "中文", "zh-Hans": "简体中文",
        "zh-Hant": "繁體中文", "tl": "Tagalog", "ko": "한국어", "hy": "Հայերեն", "fa": "فارسی",
        "ru": "Русский", "ja": "日本語", "pa": "ਪੰਜਾਬੀ", "km": "ខ្មែរ", "ar": "العربية", "hmn": "Hmoob",
        "pt": "Português", "fr": "Français", "ht": "Kreyòl ayisyen", "mix": "Mixteco", "zap": "Zapoteco",
    ]

    /// `es`, `zh-Hant`, `pt-BR`, `es-419`: what `name.<code>.md` and `Site/i18n/<code>.yml`
    /// may use: a language, then a script (four letters) and a region (two letters or three
    /// digits) if any. `crates.io-default-ranking.md` is a name, not a page in Ido.
    static func isCode(_ text: some StringProtocol) -> Bool {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard let first = parts.first, (2...3).contains(first.count), first.allSatisfy({ $0.isASCII && $0.isLowercase }),
              parts.count <= 3 else { return false }
        var rest = parts.dropFirst()
        if let script = rest.first, script.count == 4, script.allSatisfy({ $0.isASCII && $0.isLetter }) { rest = rest.dropFirst() }
        if let region = rest.first,
           (region.count == 2 && region.allSatisfy({ $0.isASCII && $0.isLetter })) || (region.count == 3 && region.allSatisfy({ $0.isASCII && $0.isNumber })) {
            rest = rest.dropFirst()
        }
        return rest.isEmpty
    }
}
