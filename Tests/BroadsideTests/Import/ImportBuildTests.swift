@testable import Broadside
import Foundation
import XCTest

/// Each imported fixture builds with no error, the words of every page of the old site that
/// was published are on a page of the new one, and the old site is as it was.
final class ImportBuildTests: XCTestCase {
    func testImportedFixturesBuildWithEveryPagesText() throws {
        for generator in SiteImport.Generator.allCases {
            let before = ImportFixture.tree(ImportFixture.root.appendingPathComponent(generator.rawValue))
            let fixture = try ImportFixture(generator)
            defer { fixture.remove() }
            let result = Build(options: BuildOptions(root: fixture.into.path, today: Day(year: 2026, month: 12, day: 7))).run(write: false)
            let errors = result.diagnostics.all.filter { $0.severity == .error }
            XCTAssertEqual(errors.map(\.description), [], "\(generator)")
            let pages = try XCTUnwrap(result.site?.texts).values.joined(separator: "\n")
            var checked = 0
            for (path, data) in ImportFixture.tree(fixture.source) where path.hasSuffix(".md") && !path.hasPrefix("_drafts/") && !path.hasPrefix("archetypes/") {
                let text = String(decoding: data, as: UTF8.self)
                // Drafts, and Markdown with no front matter (the repository's own documents), are not published.
                guard !text.contains("published: false"), !text.contains("draft: true"), text.hasPrefix("---") || text.hasPrefix("+++") else { continue }
                // The first words of the body, up to any markup.
                let body = text.components(separatedBy: text.hasPrefix("+++") ? "+++\n" : "---\n").last ?? ""
                let words = try XCTUnwrap(body.split(separator: "\n").lazy.map { line in
                    line.prefix { !"[]{}<>#!`".contains($0) }.trimmingCharacters(in: .whitespaces)
                }.first { $0.count >= 10 }, path)
                XCTAssertTrue(pages.contains(String(words)), "\(path): '\(words)' is on no page")
                checked += 1
            }
            XCTAssertEqual(checked, 9, "\(generator)")
            XCTAssertEqual(ImportFixture.tree(fixture.source), before, "\(generator): the source is untouched")
        }
    }
}
