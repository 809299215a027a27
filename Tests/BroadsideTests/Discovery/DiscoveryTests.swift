@testable import Broadside
import BroadsideTestSupport
import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import XCTest

/// What other programs read: the Atom feeds and the sitemap parse as XML with the expected
/// entries, robots.txt points to the sitemap, each language's search index holds its own
/// pages, and shared links carry their card.
final class DiscoveryTests: XCTestCase {
    private func fixture() throws -> RenderedSite {
        try XCTUnwrap(TestSite(folder: LanguagesTests.fixture, today: TestSite.fixedDay).build().site)
    }

    /// Every element with its attributes, in document order; nil when the text is not XML.
    private final class Elements: NSObject, XMLParserDelegate {
        var found: [(name: String, attributes: [String: String], text: String)] = []
        private var text = ""
        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                    attributes: [String: String] = [:]) {
            found.append((qualifiedName ?? name, attributes, ""))
            text = ""
        }
        func parser(_ parser: XMLParser, foundCharacters string: String) { text += string }
        func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
            if let index = found.lastIndex(where: { $0.name == (qualifiedName ?? name) }) { found[index].text = text.trimmingCharacters(in: .whitespacesAndNewlines) }
            text = ""
        }
    }

    private func parse(_ xml: String) throws -> [(name: String, attributes: [String: String], text: String)] {
        let parser = XMLParser(data: Data(xml.utf8))
        parser.shouldProcessNamespaces = false
        let elements = Elements()
        parser.delegate = elements
        XCTAssertTrue(parser.parse(), "not well-formed XML: \(parser.parserError.map { "\($0)" } ?? "")")
        return elements.found
    }

    func testAtomFeedsListEachLanguagesLatestPages() throws {
        let site = try fixture()
        let feed = try parse(try XCTUnwrap(site.texts[Route("feed.xml")]))
        XCTAssertEqual(feed.first?.name, "feed")
        XCTAssertEqual(feed.first?.attributes["xml:lang"], "en")
        let titles = feed.filter { $0.name == "title" }.map(\.text)
        XCTAssertEqual(titles.first, "Language Fixture: latest resources")
        XCTAssertEqual(Array(titles.dropFirst()), ["Forum night; candidates, questions, answers", "Last month's meeting", "Plan a forum",
                                                   "The rule", "Only in English"], "newest first, then by title")
        XCTAssertEqual(feed.first { $0.name == "link" && $0.attributes["rel"] == "self" }?.attributes["href"], "https://lang.example.org/kit/feed.xml")
        XCTAssertTrue(feed.contains { $0.name == "id" && $0.text == "https://lang.example.org/kit/guides/forum/" })
        XCTAssertTrue(feed.contains { $0.name == "updated" && $0.text == "2026-11-20T00:00:00Z" })

        let spanish = try parse(try XCTUnwrap(site.texts[Route("es/feed.xml")]))
        XCTAssertEqual(spanish.filter { $0.name == "title" }.map(\.text), ["Kit de prueba: recursos recientes", "Noche del foro",
                                                                           "Organice un foro", "La regla"])
        let page = try XCTUnwrap(site.texts[Route("es/laws/rule/index.html")])
        XCTAssertTrue(page.contains(#"<link rel="alternate" type="application/atom+xml" title="Kit de prueba: recursos recientes" href="../../../es/feed.xml">"#))
    }

    func testSitemapListsPagesWithTheirTranslations() throws {
        let site = try fixture()
        let sitemap = try parse(try XCTUnwrap(site.texts[Route("sitemap.xml")]))
        let locations = sitemap.filter { $0.name == "loc" }.map(\.text)
        for address in ["https://lang.example.org/kit/", "https://lang.example.org/kit/es/", "https://lang.example.org/kit/guides/forum/",
                        "https://lang.example.org/kit/es/guides/foro-comunitario/", "https://lang.example.org/kit/events/"] {
            XCTAssertTrue(locations.contains(address), "sitemap lacks \(address)")
        }
        XCTAssertFalse(locations.contains { $0.contains("handouts/") || $0.contains("flyers/") || $0.contains("search/") || $0.hasSuffix("404.html") },
                       "print versions, search and the 404 page are not for search engines")
        // Each URL names its translations; the forum's point both ways.
        var alternates: [String: [String: String]] = [:]
        var current = ""
        for element in sitemap {
            if element.name == "loc" { current = element.text }
            if element.name == "xhtml:link" { alternates[current, default: [:]][element.attributes["hreflang"]!] = element.attributes["href"] }
        }
        XCTAssertEqual(alternates["https://lang.example.org/kit/guides/forum/"],
                       ["en": "https://lang.example.org/kit/guides/forum/", "es": "https://lang.example.org/kit/es/guides/foro-comunitario/",
                        "x-default": "https://lang.example.org/kit/guides/forum/"])
        XCTAssertEqual(alternates["https://lang.example.org/kit/es/guides/foro-comunitario/"], alternates["https://lang.example.org/kit/guides/forum/"])
        XCTAssertTrue(sitemap.contains { $0.name == "lastmod" && $0.text == "2026-11-01" })
        XCTAssertEqual(site.texts[Route("robots.txt")], "User-agent: *\nAllow: /\n\nSitemap: https://lang.example.org/kit/sitemap.xml\n")
    }

    func testSearchIndexHoldsEachLanguagesPages() throws {
        let site = try fixture()
        func index(_ path: String) throws -> [[String: Any]] {
            let script = try XCTUnwrap(site.texts[Route(path)])
            XCTAssertTrue(script.hasPrefix("window.broadsideSearch = "))
            let json = script.dropFirst("window.broadsideSearch = ".count).dropLast(2)
            let object = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
            return try XCTUnwrap(object["pages"] as? [[String: Any]])
        }
        let spanish = try index("es/search/index.js")
        XCTAssertEqual(Set(spanish.compactMap { $0["url"] as? String }),
                       ["es/index.html", "es/guides/index.html", "es/guides/foro-comunitario/index.html", "es/laws/rule/index.html",
                        "es/events/forum-night/index.html"])
        let forum = try XCTUnwrap(spanish.first { $0["url"] as? String == "es/guides/foro-comunitario/index.html" })
        XCTAssertEqual(forum["title"] as? String, "Organice un foro")
        XCTAssertEqual(forum["section"] as? String, "Guías")
        XCTAssertTrue((forum["text"] as? String)?.contains("Reserve una sala sin escalones.") == true)
        XCTAssertEqual(try index("search/index.js").count, 8, "every English page, none of the Spanish ones")
        let searchPage = try XCTUnwrap(site.texts[Route("es/search/index.html")])
        XCTAssertTrue(searchPage.contains(#"<script src="../../es/search/index.js"></script>"#))
        XCTAssertTrue(searchPage.contains(#"data-none="Ninguna página coincide con “{query}”.""#))
    }

    func testALargeIndexComesInPartsTheFirstNames() throws {
        let entries = (1...1001).map { Array(#"{"title":"Page \#($0)"}"#.utf8) }
        let files = SearchIndex.files(joining: entries, at: Route("es/search/index.js")).map { ($0.0, String(decoding: $0.1, as: UTF8.self)) }
        XCTAssertEqual(files.map(\.0.path), ["es/search/index.js", "es/search/index-2.js", "es/search/index-3.js"])
        let first = files[0].1
        XCTAssertTrue(first.hasPrefix("window.broadsideSearch = {"))
        let object = try XCTUnwrap(try JSONSerialization.jsonObject(with: Data(first.dropFirst("window.broadsideSearch = ".count).dropLast(2).utf8)) as? [String: Any])
        XCTAssertEqual((object["pages"] as? [[String: Any]])?.count, 500)
        XCTAssertEqual(object["parts"] as? [String], ["index-2.js", "index-3.js"])
        XCTAssertEqual(files[2].1, #"window.broadsideSearch.pages.push({"title":"Page 1001"});"# + "\n")
        XCTAssertTrue(files[1].1.hasPrefix(#"window.broadsideSearch.pages.push({"title":"Page 501"},{"title":"Page 502"},"#))
        XCTAssertEqual(SearchIndex.files(joining: [], at: Route("search/index.js")).map(\.1), [Array("window.broadsideSearch = {\"pages\":[]};\n".utf8)],
                       "a site with no pages still has its index, which names no parts")
    }

    func testSearchTextReadsBackAsWritten() throws {
        // Long runs without escapes are copied eight bytes at a time: some are longer than that.
        let texts = [#"She said "apply" \ then left."#, "Line one\nline two\r\nthree\tfour", "Bell \u{07} and \u{1F} here",
                     "Código Penal § 1473.7 — “vacatur” 👩🏽‍⚖️ ¢ ܀ \u{7F}", "", #"\"#, "e\u{301}\r\n\"end\""]
        var bytes: [UInt8] = []
        SearchIndex.appendQuoted(texts, to: &bytes)
        let quoted = String(decoding: bytes, as: UTF8.self)
        XCTAssertTrue(quoted.contains(#"\u0007"#), "control characters are escaped as JSON asks")
        let read = try JSONSerialization.jsonObject(with: Data(("[" + quoted + "]").utf8)) as? [String]
        XCTAssertEqual(read, [texts.joined(separator: " ")])
    }

    func testSearchTextCannotEndItsScript() throws {
        // Found by the fuzzer: page text with `</script>` in it, copied into the index as it was.
        let text = "</script><script>alert(1)</script> & <scri| \u{2028}\u{2029} “quoted” — done"
        var bytes: [UInt8] = []
        SearchIndex.appendQuoted([text], to: &bytes)
        let quoted = String(decoding: bytes, as: UTF8.self)
        XCTAssertEqual(quoted, #""\u003c/script\u003e\u003cscript\u003ealert(1)\u003c/script\u003e \u0026 \u003cscri| \u2028\u2029 “quoted” — done""#)
        XCTAssertEqual(try JSONSerialization.jsonObject(with: Data(("[" + quoted + "]").utf8)) as? [String], [text])
    }

    func testSharedLinksCarryACardAndTheSiteAnIcon() throws {
        let page = try XCTUnwrap(try fixture().texts[Route("guides/forum/index.html")])
        for tag in [#"<meta property="og:type" content="article">"#, #"<meta property="og:title" content="Plan a forum">"#,
                    #"<meta property="og:description" content="Steps for a candidate forum.">"#,
                    #"<meta property="og:url" content="https://lang.example.org/kit/guides/forum/">"#,
                    #"<meta name="twitter:card" content="summary">"#,
                    #"<link rel="icon" href="../../assets/favicon.svg" type="image/svg+xml">"#] {
            XCTAssertTrue(page.contains(tag), "missing \(tag)")
        }
        // With a share image, the card is a large one with the image's full address.
        let files = ["Site/site.yml": "title: T\nbase_url: https://x.example.org/\nshare_image: card.png\n", "Site/assets/card.png": "png",
                     "Content/index.md": "---\ntitle: T\n---\n"]
        let home = try XCTUnwrap(TestSite(files).build().site?.texts[Route("index.html")])
        XCTAssertTrue(home.contains(#"<meta property="og:image" content="https://x.example.org/assets/card.png">"#), home)
        XCTAssertTrue(home.contains(#"<meta name="twitter:card" content="summary_large_image">"#))
        // The site's own icon replaces the built-in one.
        let withIcon = Build(options: BuildOptions(), io: .memory(files.merging(["Site/assets/favicon.png": "png"]) { $1 })).run(write: false).site
        XCTAssertTrue(try XCTUnwrap(withIcon?.texts[Route("index.html")]).contains(#"<link rel="icon" href="assets/favicon.png" type="image/png">"#))
        XCTAssertNil(withIcon?.texts[Site.builtInFavicon])
        let missing = Build(options: BuildOptions(), io: .memory(files.filter { $0.key != "Site/assets/card.png" })).run(write: false)
        XCTAssertEqual(missing.diagnostics.all.map(\.description),
                       ["Site/site.yml:1:1: error: 'share_image' names card.png, but there is no Site/assets/card.png: put the picture there, or remove the key"])
    }
}
