@testable import Broadside
import XCTest

final class SiteConfigTests: XCTestCase {
    private func parse(_ text: String) -> (SiteConfig, [String]) {
        var diagnostics = Diagnostics()
        let config = SiteConfig.parse(SourceFile(relativePath: "site.yml", displayPath: "Site/site.yml", text: text),
                                      diagnostics: &diagnostics)
        return (config, diagnostics.sorted.map(\.description))
    }

    func testDefaultsWithoutAFile() {
        var diagnostics = Diagnostics()
        let config = SiteConfig.parse(nil, diagnostics: &diagnostics)
        XCTAssertEqual(config.language, "en")
        XCTAssertEqual(config.paper, .letter)
        XCTAssertFalse(config.rawHTML)
        XCTAssertNil(config.disclaimer, "the built-in disclaimer of each language applies")
        XCTAssertEqual(config.languages, [Language(code: "en", name: "English")])
        XCTAssertTrue(diagnostics.all.isEmpty)
    }

    func testReadsEveryKey() {
        let (config, problems) = parse("""
        title: Toolkit
        base_url: https://example.org/toolkit
        language: es
        organization: {name: Defense Network, phone: "555-0100", email: a@b.org, url: https://b.org}
        disclaimer: Not advice.
        paper: A4
        raw_html: true
        accent: "#225522"
        """)
        XCTAssertEqual(problems, [])
        XCTAssertEqual(config.title, "Toolkit")
        XCTAssertEqual(config.baseURL, "https://example.org/toolkit/")
        XCTAssertEqual(config.language, "es")
        XCTAssertEqual(config.organization, .init(name: "Defense Network", phone: "555-0100", email: "a@b.org", url: "https://b.org"))
        XCTAssertEqual(config.disclaimer, "Not advice.")
        XCTAssertEqual(config.paper, .a4)
        XCTAssertTrue(config.rawHTML)
        XCTAssertEqual(config.accent, "#225522")
    }

    func testBadValuesAndUnknownKeys() {
        let (_, problems) = parse("""
        title: Toolkit
        paper: legal
        base_url: example.org
        theme: dark
        organization:
          name: X
          fax: 555
        """)
        XCTAssertEqual(problems, [
            "Site/site.yml:2:8: error: 'paper' must be letter or a4",
            "Site/site.yml:3:11: error: 'base_url' must be a full address starting with https://",
            "Site/site.yml:4:1: warning: unknown site.yml key 'theme' is ignored (known keys: title, base_url, language, languages, organization, disclaimer, paper, raw_html, accent, checks, review_interval_days, reading_grade_target, citations, time_zone, share_image)",
            "Site/site.yml:7:3: warning: unknown organization key 'fax' is ignored (known keys: name, phone, email, url)",
        ])
    }

    func testWarnsWhenTheAccentIsTooLightForLinks() {
        let (config, problems) = parse("accent: \"#66aaff\"\n")
        XCTAssertEqual(config.accent, "#66aaff")
        XCTAssertEqual(problems, [
            "Site/site.yml:1:9: warning: 'accent' #66aaff has a contrast of 2.3:1 on white; links need 4.5:1 to be readable (WCAG AA): choose a darker color",
        ])
        XCTAssertEqual(parse("accent: \"#1f5f8b\"\n").1, [])
        XCTAssertEqual(parse("accent: blue\n").1, ["Site/site.yml:1:9: error: 'accent' must be a color written #rrggbb, like #1f5f8b"])
    }

    func testLanguagesAsNamesOrCodes() {
        let (named, _) = parse("language: en\nlanguages:\n  en: English (US)\n  es: Español\n")
        XCTAssertEqual(named.languages, [Language(code: "en", name: "English (US)"), Language(code: "es", name: "Español")])
        let (listed, _) = parse("languages: [es, vi, de]\n")
        XCTAssertEqual(listed.languages.map(\.name), ["English", "Español", "Tiếng Việt", "Deutsch"])
        let (_, problems) = parse("language: EN\nlanguages: [es, spanish-language!]\n")
        XCTAssertEqual(problems, [
            "Site/site.yml:1:11: error: 'language' must be a language code like en, es or zh-Hant",
            "Site/site.yml:2:17: error: each item of 'languages' must be a language code, like es or zh-Hant",
        ])
    }
}
