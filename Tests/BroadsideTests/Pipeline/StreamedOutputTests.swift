import XCTest
@testable import Broadside

/// A clean build streams its Markdown pages and search index into the staging folder as they
/// are made; what it streams must be what a build that keeps everything in memory makes.
final class StreamedOutputTests: XCTestCase {
    func testStreamedFilesAreTheFilesKeptInMemory() throws {
        let files = [
            "Site/site.yml": "title: Rights toolkit\nbase_url: https://example.org/\nlanguages:\n  en: English\n  es: Español\n",
            "Content/index.md": "---\ntitle: Welcome\n---\nStart with [the guide](guides/forum.md#ask).\n",
            "Content/guides/forum.md": "---\ntitle: Town hall\ndate: 2026-11-02\ntags: [forums]\n---\n## Ask\n\nBring questions.\n",
            "Content/guides/forum.es.md": "---\ntitle: Foro\n---\n## Preguntar\n\nTraiga preguntas.\n",
        ]
        let result = Build(options: BuildOptions(), io: .memory(files)).run(write: false)
        XCTAssertFalse(result.diagnostics.hasErrors, String(decoding: result.diagnostics.printed(), as: UTF8.self))
        let site = try XCTUnwrap(result.model)
        let kept = try XCTUnwrap(result.site)
        var problems = Diagnostics()
        let renderer = SiteRenderer(site: site, theme: Theme.load(overrides: [:], diagnostics: &problems), makesPDFs: false)
        let sink = MemoryOutput()
        let streamed = renderer.render(folders: BuildOptions().folders, into: sink, diagnostics: &problems)

        // Every page and search-index part went to the sink, is listed as written, and is not also held.
        XCTAssertEqual(Set(sink.files.keys), Set(streamed.written))
        XCTAssertTrue(Set(streamed.written).isDisjoint(with: streamed.pages.keys))
        for route in [Route("index.html"), Route("guides/forum/index.html"), Route("es/guides/forum/index.html")] {
            XCTAssertNotNil(sink.files[route], "\(route.path) was not streamed")
        }
        // Together they are the same files, byte for byte, as the build that kept them all.
        let all = streamed.pages.merging(sink.files) { held, _ in held }
        XCTAssertEqual(Set(all.keys), Set(kept.pages.keys))
        for (route, bytes) in kept.pages {
            XCTAssertEqual(all[route], bytes, "\(route.path) differs when streamed")
        }
    }
}
