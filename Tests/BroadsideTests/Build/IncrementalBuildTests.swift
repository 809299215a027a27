@testable import Broadside
import BroadsideTestSupport
import Foundation
import XCTest

/// A rebuild that reuses the last build's work must write exactly what a clean build writes.
/// The starter toolkit (both languages, tables, handouts, packets, events) goes through a
/// series of edits; after each, the incremental Output/ is compared file by file and byte by
/// byte with a clean build's, and so are the messages. Like `broadside serve`, each rebuild
/// is told which files were written in place, or that files were added or removed.
final class IncrementalBuildTests: XCTestCase {
    var root: URL!
    /// Made and dropped with each test: XCTest keeps test objects until the process ends.
    var cache: BuildCache!
    /// What `broadside serve`'s watcher would report: files written in place since the last
    /// build, or nil once a file is added, removed or renamed.
    var edited: Set<String>? = nil
    let today = Day(year: 2026, month: 11, day: 29)

    override func setUpWithError() throws {
        cache = BuildCache()
        root = FileManager.default.temporaryDirectory.appendingPathComponent("broadside-incremental-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        for folder in ["Content", "Site"] {
            try FileManager.default.copyItem(at: TestPaths.project.appendingPathComponent(folder), to: root.appendingPathComponent(folder))
        }
    }

    override func tearDownWithError() throws {
        cache = nil
        try? FileManager.default.removeItem(at: root)
    }

    func testEveryRebuildWritesWhatACleanBuildWrites() throws {
        let first = incremental()
        XCTAssertFalse(first.diagnostics.hasErrors, "\(first.diagnostics.sorted)")
        let pages = first.madePages
        XCTAssertGreaterThan(pages, 20)

        // Nothing changed: nothing is made again.
        XCTAssertEqual(try rebuild("nothing changed").madePages, 0)

        try append("Content/guides/da-forum.md", "\nBring a friend who can take notes.\n")
        XCTAssertEqual(try rebuild("edit a page's words").madePages, 1, "only the edited page is made again")
        XCTAssertTrue(try output("guides/da-forum/index.html").contains("Bring a friend who can take notes."))

        // A watcher that names the file in a way the build does not place it: the build then
        // looks at every file, and still sees the edit.
        try append("Content/guides/da-forum.md", "\nBring a second copy.\n")
        edited = [root.path + "/Content//guides/da-forum.md"]
        try rebuild("an edit named another way")
        XCTAssertTrue(try output("guides/da-forum/index.html").contains("Bring a second copy."))

        try append("Content/laws/pc-18-5.md", "\nAsk the clerk for the exact sentence.\n")
        XCTAssertEqual(try rebuild("edit a handout's words").madePages, 1)
        XCTAssertTrue(try output("handouts/laws-pc-18-5/index.html").contains("Ask the clerk for the exact sentence."))

        // A letter's words fill its officials' pages and printed letters, which are made again too;
        // a field its CSV lacks is found in a rebuild as in a clean build.
        try replace("Content/letters/da-plea-policy.md", "Thank you for your time", "Thank you for reading this")
        XCTAssertEqual(try rebuild("edit a letter's words").madePages, 1)
        XCTAssertTrue(try output("letters/da-plea-policy/marcus-placeholder/index.html").contains("Thank you for reading this"))
        XCTAssertTrue(try output("handouts/letters-da-plea-policy-marcus-placeholder/index.html").contains("Thank you for reading this"))
        try replace("Content/letters/da-plea-policy.md", "I live in {{county}} County. I am", "I live in {{conty}} County. I am")
        XCTAssertTrue(incremental().diagnostics.all.contains { $0.rule == .letterUnknownField }, "a misspelt field, after an edit of the words alone")
        try replace("Content/letters/da-plea-policy.md", "{{conty}}", "{{county}}")
        try rebuild("fix the letter's field")

        try replace("Content/laws/pc-18-5.md", "title: \"Penal Code § 18.5: The 364-day misdemeanor\"",
                    "title: \"Penal Code § 18.5: The 364-day cap\"")
        XCTAssertEqual(try rebuild("edit a title in front matter").madePages, pages, "a title shows in lists: every page is made again")
        XCTAssertTrue(try output("laws/index.html").contains("The 364-day cap"))

        try write("Content/laws/new-law.md", "---\ntitle: A new law\nsummary: What changed.\nreviewed: 2026-11-01\n---\nIt helps.\n")
        try rebuild("add a page")
        XCTAssertTrue(try output("laws/index.html").contains("A new law"))

        try FileManager.default.moveItem(at: file("Content/laws/new-law.md"), to: file("Content/laws/renamed-law.md"))
        edited = nil
        try rebuild("rename a page")
        XCTAssertFalse(FileManager.default.fileExists(atPath: file("Output/laws/new-law").path), "the old page's folder is gone")

        try FileManager.default.removeItem(at: file("Content/laws/renamed-law.md"))
        edited = nil
        try rebuild("delete a page")
        XCTAssertFalse(try output("laws/index.html").contains("A new law"))

        try replace("Content/charts/relief-bars.csv", "Asylum,", "Asylum (affirmative),")
        try rebuild("edit a CSV")
        XCTAssertTrue(try output("charts/relief-bars/index.html").contains("Asylum (affirmative)"))

        let template = try String(contentsOf: TestPaths.project.appendingPathComponent("Sources/Broadside/Resources/DefaultTheme/page-meta.mustache"), encoding: .utf8)
        try write("Site/templates/page-meta.mustache", template + "<p class=\"kit-note\">Checked by our coalition.</p>\n")
        try rebuild("add a template")
        try replace("Site/templates/page-meta.mustache", "Checked by our coalition.", "Checked by the coalition's lawyers.")
        try rebuild("edit a template")
        XCTAssertTrue(try output("laws/pc-18-5/index.html").contains("Checked by the coalition's lawyers."))

        try write("Content/laws/pc-18-5.es.md", "---\ntitle: \"Código Penal § 18.5: el delito menor de 364 días\"\nsummary: El máximo es de 364 días.\nreviewed: 2026-11-25\n---\nUn día menos que un año.\n")
        try rebuild("add a translation")
        XCTAssertTrue(try output("es/laws/pc-18-5/index.html").contains("Un día menos que un año."))

        try replace("Content/laws/pc-1473-7.es.md", "\u{E9}", "e\u{301}")
        XCTAssertEqual(try rebuild("write an accent as a letter and a combining mark").madePages, 1,
                       "the same words to a reader, other bytes to the file")

        try append("Content/laws/pc-1473-7.es.md", "\nPregunte en la clínica por un abogado.\n")
        try rebuild("edit the Spanish half of a bilingual handout")
        XCTAssertTrue(try output("handouts/laws-pc-1473-7/index.html").contains("Pregunte en la clínica por un abogado."))

        try replace("Content/glossary.yml", "aggravated felony: A group of crimes", "aggravated felony: A list of crimes")
        try rebuild("edit the glossary")

        try write("Site/assets/site.css", ".kit-note { font-weight: bold; }\n")
        try rebuild("add a stylesheet")
        try write("Site/assets/site.css", ".kit-note { font-style: italic; }\n")
        try rebuild("edit the stylesheet's contents only")

        try append("Content/laws/pc-18-5.md", "\n## Ask the clerk\n\nThe clerk can print the docket.\n")
        try write("Content/guides/before-court.md", "---\ntitle: Before court\nsummary: What to ask.\n---\nSee [ask the clerk](../laws/pc-18-5.md#ask-the-clerk).\n")
        try rebuild("link to a heading of another page")
        try replace("Content/laws/pc-18-5.md", "## Ask the clerk", "## Questions for the clerk")
        let moved = try rebuild("rename the heading the link points to")
        XCTAssertTrue(moved.diagnostics.all.contains { $0.message.contains("'#ask-the-clerk' matches no heading") }, "\(moved.diagnostics.sorted)")

        // A failed build leaves Output/ as it was; fixing it brings the rebuild back in step.
        let before = try tree(file("Output"))
        try write("Content/guides/da-forum.md", try String(contentsOf: file("Content/guides/da-forum.md"), encoding: .utf8)
            .replacingOccurrences(of: "\n---\n", with: "\nweight: heavy\n---\n", options: [], range: nil))
        XCTAssertTrue(incremental().diagnostics.hasErrors)
        XCTAssertEqual(try tree(file("Output")), before)
        try replace("Content/guides/da-forum.md", "\nweight: heavy\n", "\n")
        try rebuild("fix the error")
    }

    /// Past 500 pages the search index comes in parts; a rebuild makes again only the part
    /// that holds the edited page, and takes the others from the last build unchanged.
    func testALargeSitesSearchIndexPartsStayInStep() throws {
        for number in 1...1100 {
            try write("Content/notes/note-\(String(format: "%04d", number)).md",
                      "---\ntitle: Note \(number)\nsummary: A short note.\n---\nWhat note \(number) says.\n")
        }
        edited = nil
        let built = incremental()
        XCTAssertFalse(built.diagnostics.hasErrors, "\(built.diagnostics.sorted.filter { $0.severity == .error })")
        let parts = try FileManager.default.contentsOfDirectory(atPath: file("Output/search").path).filter { $0.hasSuffix(".js") }.sorted()
        XCTAssertEqual(parts, ["index-2.js", "index-3.js", "index.js"])
        let first = try output("search/index-2.js")

        try append("Content/notes/note-1000.md", "\nAsk about the clinic hours.\n")
        XCTAssertEqual(try rebuild("edit a page in the last part").madePages, 1)
        XCTAssertTrue(try output("search/index-3.js").contains("Ask about the clinic hours."))
        XCTAssertEqual(try output("search/index-2.js"), first, "a part whose pages did not change is the same")

        try replace("Content/notes/note-0700.md", "title: Note 700", "title: Note seven hundred")
        try rebuild("edit a title, which every part's pages may show")
        XCTAssertTrue(try output("search/index-2.js").contains("Note seven hundred"))

        // Only a site that takes raw HTML copies an author's script; then it clashes with the part.
        try write("Content/search/index-2.js", "alert(1);\n")
        XCTAssertTrue(incremental().diagnostics.all.contains { $0.rule == .scriptFile })
        try write("Site/site.yml", "title: Notes\nraw_html: true\n")
        let clash = incremental()
        XCTAssertTrue(clash.diagnostics.all.contains { $0.severity == .error && $0.message.contains("would both be written to search/index-2.js") },
                      "a file of the author's where a part goes: \(clash.diagnostics.sorted.filter { $0.severity == .error })")
    }

    // MARK: - Building both ways

    private var options: BuildOptions {
        BuildOptions(root: root.path, pdf: .off, today: today)
    }

    private func incremental() -> Build.Result {
        cache.edited = edited
        edited = []
        return Build(options: options, cache: cache).run()
    }

    /// Rebuilds with the cache, builds clean into another folder, and compares the two.
    @discardableResult
    private func rebuild(_ edit: String, file: StaticString = #filePath, line: UInt = #line) throws -> Build.Result {
        let result = incremental()
        let clean = Build(options: BuildOptions(root: root.path, output: "Clean", pdf: .off, today: today)).run()
        XCTAssertFalse(result.diagnostics.hasErrors, "\(edit): \(result.diagnostics.sorted)", file: file, line: line)
        XCTAssertEqual(result.diagnostics.sorted.map(\.description), clean.diagnostics.sorted.map(\.description),
                       "\(edit): the same messages", file: file, line: line)
        let written = try tree(self.file("Output")), expected = try tree(self.file("Clean"))
        XCTAssertEqual(written.keys.sorted(), expected.keys.sorted(), "\(edit): the same files", file: file, line: line)
        for (path, bytes) in expected where written[path] != bytes {
            XCTFail("\(edit): \(path) differs from a clean build's", file: file, line: line)
        }
        return result
    }

    /// Every file and folder under `folder`, by relative path, with its bytes (folders: empty).
    private func tree(_ folder: URL) throws -> [String: Data] {
        var files: [String: Data] = [:]
        let base = folder.standardizedFileURL.path + "/"
        for case let url as URL in FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.isDirectoryKey])! {
            let path = String(url.standardizedFileURL.path.dropFirst(base.count))
            let isFolder = try url.resourceValues(forKeys: [.isDirectoryKey]).isDirectory == true
            files[path + (isFolder ? "/" : "")] = isFolder ? Data() : try Data(contentsOf: url)
        }
        return files
    }

    // MARK: - Editing the site

    private func file(_ path: String) -> URL { root.appendingPathComponent(path) }

    private func output(_ path: String) throws -> String {
        try String(contentsOf: file("Output/" + path), encoding: .utf8)
    }

    private func write(_ path: String, _ text: String) throws {
        if FileManager.default.fileExists(atPath: file(path).path) { edited?.insert(file(path).path) } else { edited = nil }
        try FileManager.default.createDirectory(at: file(path).deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: file(path))
    }

    private func append(_ path: String, _ text: String) throws {
        try write(path, try String(contentsOf: file(path), encoding: .utf8) + text)
    }

    private func replace(_ path: String, _ old: String, _ new: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let text = try String(contentsOf: self.file(path), encoding: .utf8)
        XCTAssertTrue(text.contains(old), "\(path) has \(old)", file: file, line: line)
        try write(path, text.replacingOccurrences(of: old, with: new))
    }
}
