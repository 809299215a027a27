import Foundation
import XCTest

/// New pages and translations through the editor, on the basic fixture with Spanish added.
final class EditTranslationTests: EditServerTestCase {
    override func prepare(_ root: URL) throws {
        let settings = root.appendingPathComponent("Site/site.yml")
        try (try String(contentsOf: settings, encoding: .utf8) + "languages:\n  es: Español\n").write(to: settings, atomically: true, encoding: .utf8)
    }

    func testANewPageOfEachKindIsWhatBroadsideNewMakes() throws {
        let made: [(String, [String])] = [
            ("guide", ["Content/guides/vigil-kit.md"]), ("law", ["Content/laws/vigil-kit.md"]),
            ("chart", ["Content/charts/vigil-kit.md", "Content/charts/vigil-kit.csv", "Content/charts/vigil-kit.yml"]),
            ("event", ["Content/events/vigil-kit.md"]), ("packet", ["Content/packets/vigil-kit.yml"]),
        ]
        for (kind, paths) in made {
            let answer = try server.post("/__edit/api/new", ["kind": kind, "name": "vigil-kit"])
            XCTAssertEqual(answer.status, 200, "\(kind): \(answer.body)")
            XCTAssertEqual(answer.json["paths"] as? [String], paths)
            XCTAssertEqual(answer.json["path"] as? String, paths[0])
            for path in paths { XCTAssertTrue(FileManager.default.fileExists(atPath: server.root.appendingPathComponent(path).path), path) }
        }
        let guide = try String(contentsOf: server.root.appendingPathComponent("Content/guides/vigil-kit.md"), encoding: .utf8)
        XCTAssertTrue(guide.hasPrefix("---\ntitle: \"Vigil kit\"\n"), guide)
        let pages = try XCTUnwrap(try server.get("/__edit/api/pages").json["pages"] as? [[String: Any]])
        XCTAssertEqual(pages.first { $0["path"] as? String == "Content/guides/vigil-kit.md" }?["url"] as? String, "/guides/vigil-kit/",
                       "the site was rebuilt with it")

        let again = try server.post("/__edit/api/new", ["kind": "guide", "name": "vigil-kit"])
        XCTAssertEqual(again.status, 409)
        XCTAssertEqual(again.json["error"] as? String, "Content/guides/vigil-kit.md already exists: choose another name, or edit that file")
        XCTAssertEqual(try String(contentsOf: server.root.appendingPathComponent("Content/guides/vigil-kit.md"), encoding: .utf8), guide)
        let badName = try server.post("/__edit/api/new", ["kind": "guide", "name": "../Vigil Kit"])
        XCTAssertEqual(badName.status, 400)
        XCTAssertEqual(badName.json["error"] as? String,
                       "'../Vigil Kit' cannot name a file: use lowercase letters, digits and hyphens, like pc-1203-4 or town-hall-2027")
        XCTAssertEqual(try server.post("/__edit/api/new", ["kind": "site", "name": "x"]).status, 400)

        // In Spanish, with the title as typed, accents and all (the name alone would give "Conozca sus derechos").
        let titled = try server.post("/__edit/api/new", json: ["kind": "guide", "name": "conozca-sus-derechos",
                                                               "title": "Conozca sus derechos: ¿qué hacer?", "language": "es"])
        XCTAssertEqual(titled.status, 200, titled.body)
        XCTAssertEqual(titled.json["path"] as? String, "Content/guides/conozca-sus-derechos.es.md")
        XCTAssertTrue(try String(contentsOf: server.root.appendingPathComponent("Content/guides/conozca-sus-derechos.es.md"), encoding: .utf8)
            .hasPrefix("---\ntitle: \"Conozca sus derechos: ¿qué hacer?\"\n"))
        let listed = try XCTUnwrap(try server.get("/__edit/api/pages").json["pages"] as? [[String: Any]])
            .first { $0["path"] as? String == "Content/guides/conozca-sus-derechos.es.md" }
        XCTAssertEqual(listed?["language"] as? String, "es")
        XCTAssertEqual(listed?["title"] as? String, "Conozca sus derechos: ¿qué hacer?")
        let french = try server.post("/__edit/api/new", ["kind": "guide", "name": "droits", "language": "fr"])
        XCTAssertEqual(french.status, 400)
        XCTAssertEqual(french.json["error"] as? String, "'fr' is not one of the site's languages (en, es): add it under `languages:` in Site/site.yml first")
        XCTAssertFalse(FileManager.default.fileExists(atPath: server.root.appendingPathComponent("Content/guides/droits.md").path))
        let english = try server.post("/__edit/api/new", ["kind": "law", "name": "pc-1170", "language": "en"])
        XCTAssertEqual(english.json["path"] as? String, "Content/laws/pc-1170.md", "the site's first language has no code in the name")
    }

    func testATranslationStartsFromThePageAndTheBuildPairsThem() throws {
        // The page's old address stays its own: copied, it would be claimed twice and break the build.
        XCTAssertEqual(try server.post("/__edit/api/file", json: ["path": "Content/laws/pc-18-5.md", "fields": ["aliases": ["/eighteen-five/"]]])
            .json["built"] as? Bool, true)
        let answer = try server.post("/__edit/api/translate", ["path": "Content/laws/pc-18-5.md", "language": "es"])
        XCTAssertEqual(answer.status, 200, answer.body)
        XCTAssertEqual(answer.json["path"] as? String, "Content/laws/pc-18-5.es.md")
        XCTAssertEqual((answer.json["errors"] as? [Any])?.count, 0, "the build after it succeeded: \(answer.body)")
        let text = try String(contentsOf: server.root.appendingPathComponent("Content/laws/pc-18-5.es.md"), encoding: .utf8)
        XCTAssertTrue(text.hasPrefix("""
            ---
            title: Penal Code § 18.5
            summary: The 364-day misdemeanor.
            date: 2026-04-01
            tags: [sentencing, town-hall]
            weight: 2
            translation_of: laws/pc-18-5.md
            draft: true
            ---
            - **Code section:** Penal Code § 18.5
            """), text)
        // A draft until the translator says it is done: the site does not show the original's
        // words as Spanish, and still says the page is not translated yet.
        let pages = try XCTUnwrap(try server.get("/__edit/api/pages").json["pages"] as? [[String: Any]])
        let started = try XCTUnwrap(pages.first { $0["path"] as? String == "Content/laws/pc-18-5.es.md" })
        XCTAssertEqual(started["draft"] as? Bool, true)
        XCTAssertEqual(started["language"] as? String, "es")
        let original = try XCTUnwrap(pages.first { $0["path"] as? String == "Content/laws/pc-18-5.md" })
        XCTAssertEqual((original["translations"] as? [String: [String]])?["missing"], ["es"])
        let done = try server.post("/__edit/api/file", json: ["path": "Content/laws/pc-18-5.es.md", "fields": ["draft": false]])
        XCTAssertEqual(done.json["built"] as? Bool, true, done.body)
        let paired = try XCTUnwrap(try server.get("/__edit/api/pages").json["pages"] as? [[String: Any]])
            .first { $0["path"] as? String == "Content/laws/pc-18-5.md" }
        XCTAssertEqual((paired?["translations"] as? [String: [String]])?["present"], ["en", "es"], "once it is no draft, the build pairs them")

        XCTAssertEqual(try server.post("/__edit/api/translate", ["path": "Content/laws/pc-18-5.md", "language": "es"]).status, 409)
        let unknown = try server.post("/__edit/api/translate", ["path": "Content/about.md", "language": "fr"])
        XCTAssertEqual(unknown.status, 400)
        XCTAssertEqual(unknown.json["error"] as? String, "'fr' is not one of the site's languages (en, es): add it under `languages:` in Site/site.yml first")
        let ofTranslation = try server.post("/__edit/api/translate", ["path": "Content/laws/pc-18-5.es.md", "language": "es"])
        XCTAssertEqual(ofTranslation.status, 400)
        XCTAssertEqual(ofTranslation.json["error"] as? String,
                       "Content/laws/pc-18-5.es.md is itself a translation of Content/laws/pc-18-5.md: start a translation from Content/laws/pc-18-5.md")
        let section = try server.post("/__edit/api/translate", ["path": "Content/guides/_index.md", "language": "es"])
        XCTAssertEqual(section.json["path"] as? String, "Content/guides/_index.es.md", section.body)
    }

    func testTheOriginalsSectionsChangedSinceTheTranslationWasSavedAreNamed() throws {
        XCTAssertEqual(try server.post("/__edit/api/translate", ["path": "Content/guides/forum.md", "language": "es"]).status, 200)
        let path = "Content/guides/forum.es.md"
        let started = try server.get("/__edit/api/translation?path=\(path)").json
        XCTAssertEqual(started["basis"] as? String, "editor")
        XCTAssertEqual((started["changed"] as? [Any])?.count, 0)
        XCTAssertEqual(try server.post("/__edit/api/file", json: ["path": path, "fields": ["title": "Planear un foro"]]).status, 200)

        let original = server.root.appendingPathComponent("Content/guides/forum.md")
        let text = try String(contentsOf: original, encoding: .utf8)
        let edited = text.replacingOccurrences(of: "A second heading with the same text", with: "A second heading, same words,")
        XCTAssertNotEqual(edited, text)
        XCTAssertEqual(try server.post("/__edit/api/file", ["path": "Content/guides/forum.md", "text": edited]).status, 200)

        let answer = try server.get("/__edit/api/translation?path=\(path)")
        XCTAssertEqual(answer.status, 200, answer.body)
        XCTAssertEqual(answer.json["basis"] as? String, "editor")
        XCTAssertEqual((answer.json["original"] as? [String: String])?["path"], "Content/guides/forum.md")
        XCTAssertEqual((answer.json["original"] as? [String: String])?["text"], edited)
        let changed = try XCTUnwrap(answer.json["changed"] as? [[String: Any]])
        XCTAssertEqual(changed.map { "\($0["heading"] ?? ""):\($0["line"] ?? 0)" }, ["Timeline:14"], "the second Timeline, not the first")

        // Saved again, the translation has caught up.
        XCTAssertEqual(try server.post("/__edit/api/file", json: ["path": path, "fields": ["title": "Planear un foro comunitario"]]).status, 200)
        XCTAssertEqual((try server.get("/__edit/api/translation?path=\(path)").json["changed"] as? [Any])?.count, 0)
        XCTAssertEqual(try server.get("/__edit/api/translation?path=Content/about.md").status, 400)
    }

    /// Without the editor's record, the original is compared with what it said at the
    /// translation's last commit.
    func testWithoutARecordTheTranslationsLastCommitIsTheBasis() throws {
        try server.stop()
        server = try EditServer { root in
            try "---\ntitle: Sobre nosotros\ntranslation_of: about.md\n---\nSomos un ejemplo.\n"
                .write(to: root.appendingPathComponent("Content/about.es.md"), atomically: true, encoding: .utf8)
            let settings = root.appendingPathComponent("Site/site.yml")
            try (try String(contentsOf: settings, encoding: .utf8) + "languages:\n  es: Español\n").write(to: settings, atomically: true, encoding: .utf8)
            for arguments in [["init", "-q"], ["add", "-A"], ["-c", "user.name=Test", "-c", "user.email=test@example.org", "commit", "-qm", "Start"]] {
                let git = Process()
                git.executableURL = URL(fileURLWithPath: "/usr/bin/env")
                git.arguments = ["git", "-C", root.path] + arguments
                try git.run()
                try git.waitUntilExit(within: 20, "git \(arguments[0])")
                XCTAssertEqual(git.terminationStatus, 0, "git \(arguments)")
            }
            try "---\ntitle: About us\nsummary: Who made this fixture.\n---\nWe are a fixture.\n\n## Contact\n\nWrite to us.\n"
                .write(to: root.appendingPathComponent("Content/about.md"), atomically: true, encoding: .utf8)
        }
        try server.signIn()
        XCTAssertEqual(try server.get("/__edit/api/site").json["git"] as? Bool, true)
        let answer = try server.get("/__edit/api/translation?path=Content/about.es.md")
        XCTAssertEqual(answer.status, 200, answer.body)
        XCTAssertEqual(answer.json["basis"] as? String, "git")
        let changed = try XCTUnwrap(answer.json["changed"] as? [[String: Any]])
        XCTAssertEqual(changed.map { "\($0["heading"] ?? ""):\($0["line"] ?? 0)" }, ["Contact:7"], "the new section; the words before it are the same")
    }
}
