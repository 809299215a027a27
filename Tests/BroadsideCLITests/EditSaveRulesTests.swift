import Foundation
import XCTest

/// What the editor will and will not write: only pages, tables and settings (never a template
/// or script), never a file that is not UTF-8 rewritten from the form, never through a link in
/// its own history; and an undo by mistake taken back.
final class EditSaveRulesTests: EditServerTestCase {
    func testTemplatesScriptsAndOtherFilesAreNotTheEditorsToSave() throws {
        let templates = server.root.appendingPathComponent("Site/templates")
        try FileManager.default.createDirectory(at: templates, withIntermediateDirectories: true)
        try "{{{content}}}\n".write(to: templates.appendingPathComponent("flyer.mustache"), atomically: true, encoding: .utf8)
        try "// the site's own\n".write(to: server.root.appendingPathComponent("Content/menu.js"), atomically: true, encoding: .utf8)
        let refused = [
            ("Site/templates/flyer.mustache", "Site/templates/flyer.mustache: in Site/ the editor saves settings (.yml) only: templates, styles and scripts are changed in a text editor"),
            ("Content/menu.js", "Content/menu.js: the editor saves pages (.md), tables (.csv) and settings (.yml) only"),
            ("Content/new.html", "Content/new.html: the editor saves pages (.md), tables (.csv) and settings (.yml) only"),
            ("Site/notes.md", "Site/notes.md: in Site/ the editor saves settings (.yml) only: templates, styles and scripts are changed in a text editor"),
        ]
        for (path, message) in refused {
            let answer = try server.post("/__edit/api/file", ["path": path, "text": "<script>alert(1)</script>\n"])
            XCTAssertEqual(answer.status, 403, path)
            XCTAssertEqual(answer.json["error"] as? String, message)
        }
        XCTAssertEqual(try String(contentsOf: templates.appendingPathComponent("flyer.mustache"), encoding: .utf8), "{{{content}}}\n")
        XCTAssertFalse(FileManager.default.fileExists(atPath: server.root.appendingPathComponent("Content/new.html").path))
        let settings = try String(contentsOf: server.root.appendingPathComponent("Site/site.yml"), encoding: .utf8)
        XCTAssertEqual(try server.post("/__edit/api/file", ["path": "Site/site.yml", "text": settings]).status, 200, "settings are saved")
    }

    /// The refusals met in ordinary use come in the language the editor shows; English otherwise.
    func testOrdinaryRefusalsAreInTheEditorsLanguage() throws {
        func post(_ path: String, _ body: String, language: String) throws -> String? {
            try server.send("POST", path, ["Cookie: \(server.cookie)", "Origin: \(server.origin)", "X-Broadside-CSRF: \(server.csrf)",
                                           "Content-Type: application/json", "X-Broadside-Language: \(language)"], body: body).json["error"] as? String
        }
        let upload = #"{"folder":"Content/guides","name":"door.png","alt":"  ","data":"iVBORw0KGgo="}"#
        XCTAssertEqual(try post("/__edit/api/upload", upload, language: "es"),
                       "Describa la imagen para las personas que no pueden verla: el texto alternativo es obligatorio.")
        XCTAssertEqual(try post("/__edit/api/upload", upload, language: "fr"),
                       "Describe the image for people who cannot see it: alternative text is required.")
        XCTAssertEqual(try post("/__edit/api/new", #"{"kind":"guide","name":"Mi Guía"}"#, language: "es"),
                       "'Mi Guía' no sirve como nombre de archivo: use letras minúsculas sin acentos, números y guiones, como pc-1203-4 o foro-2027")
        XCTAssertEqual(try post("/__edit/api/new", #"{"kind":"guide","name":"forum"}"#, language: "es"),
                       "Content/guides/forum.md ya existe: elija otro nombre, o edite ese archivo")
        XCTAssertEqual(try post("/__edit/api/file", #"{"path":"Content/menu.js","text":"x"}"#, language: "es"),
                       "Content/menu.js: el editor solo guarda páginas (.md), tablas (.csv) y ajustes (.yml)")
        XCTAssertEqual(try post("/__edit/api/file", #"{"path":"Content/../x.md","text":"x"}"#, language: "es"),
                       "Content/../x.md: no part of a path may be empty or start with a dot (no .., no hidden files)",
                       "a hostile request's refusal stays in English")
    }

    func testAPageThatIsNotUTF8IsNotRewrittenFromTheForm() throws {
        let page = server.root.appendingPathComponent("Content/latin.md")
        let bytes = Data("---\ntitle: Caf".utf8) + Data([0xE9]) + Data("\n---\nBody.\n".utf8)
        try bytes.write(to: page)
        let answer = try server.post("/__edit/api/file", json: ["path": "Content/latin.md", "fields": ["title": "Café"]])
        XCTAssertEqual(answer.status, 415, answer.body)
        XCTAssertEqual(answer.json["error"] as? String, "Content/latin.md is not UTF-8 text, which the editor does not open")
        XCTAssertEqual(try Data(contentsOf: page), bytes)
    }

    /// A cloned project's `.broadside-cache/` could hold a link: the history never writes through it.
    func testTheSaveHistoryNeverWritesThroughALink() throws {
        let outside = server.root.deletingLastPathComponent().appendingPathComponent("outside-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: outside, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: outside) }
        let history = server.root.appendingPathComponent(".broadside-cache/edit-history/Content")
        try FileManager.default.createDirectory(at: history, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(at: history.appendingPathComponent("about.md"), withDestinationURL: outside)
        let page = server.root.appendingPathComponent("Content/about.md")
        let before = try String(contentsOf: page, encoding: .utf8)
        let answer = try server.post("/__edit/api/file", ["path": "Content/about.md", "text": before + "More.\n"])
        XCTAssertEqual(answer.status, 500, answer.body)
        XCTAssertEqual(answer.json["error"] as? String,
                       "Content/about.md was not saved: its earlier version could not be kept (.broadside-cache/edit-history/Content/about.md/000001: a part of it became a symbolic link, which the editor never follows)")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: outside.path), [], "nothing written outside")
        XCTAssertEqual(try String(contentsOf: page, encoding: .utf8), before, "a save whose earlier version cannot be kept is not made")
    }

    func testThePagesListReadsNoPageThroughALink() throws {
        let outside = server.root.deletingLastPathComponent().appendingPathComponent("outside-\(UUID().uuidString).md")
        try "---\ntitle: Someone else's secret\n---\n".write(to: outside, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: outside) }
        try FileManager.default.createSymbolicLink(at: server.root.appendingPathComponent("Content/guides/leak.md"), withDestinationURL: outside)
        let list = try server.get("/__edit/api/pages")
        XCTAssertEqual(list.status, 200)
        XCTAssertFalse(list.body.contains("Someone else"), list.body)
    }

    func testAnUndoCanBeTakenBackUntilTheNextSave() throws {
        let page = server.root.appendingPathComponent("Content/about.md")
        let original = try String(contentsOf: page, encoding: .utf8)
        let first = try server.post("/__edit/api/file", ["path": "Content/about.md", "text": original + "First.\n"])
        XCTAssertEqual(first.json["redoable"] as? Bool, false, first.body)
        _ = try server.post("/__edit/api/file", ["path": "Content/about.md", "text": original + "Second.\n"])
        let undone = try server.post("/__edit/api/undo", ["path": "Content/about.md"])
        XCTAssertEqual(try String(contentsOf: page, encoding: .utf8), original + "First.\n")
        XCTAssertEqual(undone.json["redoable"] as? Bool, true)
        XCTAssertEqual(undone.json["undoable"] as? Int, 1)

        let redone = try server.post("/__edit/api/redo", ["path": "Content/about.md"])
        XCTAssertEqual(redone.status, 200, redone.body)
        XCTAssertEqual(try String(contentsOf: page, encoding: .utf8), original + "Second.\n", "the undone save is back")
        XCTAssertEqual(redone.json["redoable"] as? Bool, false)
        XCTAssertEqual(redone.json["undoable"] as? Int, 2, "and the version before it can be undone again")

        _ = try server.post("/__edit/api/undo", ["path": "Content/about.md"])
        _ = try server.post("/__edit/api/file", ["path": "Content/about.md", "text": original + "Third.\n"])
        let late = try server.post("/__edit/api/redo", ["path": "Content/about.md"])
        XCTAssertEqual(late.status, 409, "a save after an undo forgets what was undone")
        XCTAssertEqual(late.json["error"] as? String, "Content/about.md: there is no undo to take back since the last save")
        XCTAssertEqual(try String(contentsOf: page, encoding: .utf8), original + "Third.\n")
    }
}
