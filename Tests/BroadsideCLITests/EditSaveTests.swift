import Foundation
import XCTest

/// `broadside serve --edit` saving files: paths that try to leave Content/ and Site/ (nothing
/// written), then a save that rebuilds the page, one that breaks the build (kept, errors with
/// their lines), undo, and the five versions kept.
final class EditSaveTests: EditServerTestCase {
    override var signsIn: Bool { false }

    func testPathsOutsideContentAndSiteAreRefusedAndNothingIsWritten() throws {
        try server.signIn()
        let outside = server.root.deletingLastPathComponent().appendingPathComponent("outside-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: outside, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: outside) }
        try "kept\n".write(to: outside.appendingPathComponent("target.md"), atomically: true, encoding: .utf8)
        try FileManager.default.createSymbolicLink(at: server.root.appendingPathComponent("Content/away"), withDestinationURL: outside)
        try FileManager.default.createSymbolicLink(at: server.root.appendingPathComponent("Content/laws/linked.md"),
                                                   withDestinationURL: outside.appendingPathComponent("target.md"))
        let name = outside.lastPathComponent
        let paths = ["../\(name)/new.md", "%2e%2e/\(name)/new.md", "Content/%2e%2e/%2e%2e/\(name)/new.md", "Content/../../\(name)/new.md",
                     "Content/../../etc/passwd", "\(outside.path)/new.md", "/etc/passwd", "Content/away/new.md", "Content/away/target.md",
                     "Content/laws/linked.md", "Output/index.html", "Content/.hidden.md", "Content//about.md", "Content\\..\\x.md", ""]
        for path in paths {
            let answer = try server.post("/__edit/api/file", ["path": path, "text": "written\n"])
            XCTAssertTrue([400, 403].contains(answer.status), "\(path): \(answer.status) \(answer.body)")
            XCTAssertNotNil(answer.json["error"], path)
            let read = try server.get("/__edit/api/file?path=" + (path.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""))
            XCTAssertTrue([400, 403].contains(read.status), "reading \(path): \(read.status)")
        }
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: outside.path), ["target.md"])
        XCTAssertEqual(try String(contentsOf: outside.appendingPathComponent("target.md"), encoding: .utf8), "kept\n")
        XCTAssertFalse(FileManager.default.fileExists(atPath: server.root.appendingPathComponent("Content/.hidden.md").path))
        XCTAssertTrue(try server.post("/__edit/api/file", ["path": "Content/laws/linked.md", "text": "x"]).body.contains("symbolic link"))
    }

    func testASaveRebuildsABrokenSaveIsKeptWithItsErrorsAndUndoGoesBack() throws {
        try server.signIn()
        let page = server.root.appendingPathComponent("Content/about.md")
        let original = try String(contentsOf: page, encoding: .utf8)
        let inode = try FileManager.default.attributesOfItem(atPath: page.path)[.systemFileNumber] as? Int
        let good = "---\ntitle: Who We Are\nsummary: Who made this fixture.\n---\nWe are a fixture.\n"
        let builds = server.buildsTold
        let saved = try server.post("/__edit/api/file", ["path": "Content/about.md", "text": good])
        XCTAssertEqual(saved.status, 200, saved.body)
        XCTAssertEqual(saved.json["built"] as? Bool, true, saved.body)
        XCTAssertEqual(saved.json["undoable"] as? Int, 1)
        XCTAssertEqual(try String(contentsOf: page, encoding: .utf8), good)
        XCTAssertNotEqual(try FileManager.default.attributesOfItem(atPath: page.path)[.systemFileNumber] as? Int, inode,
                          "written beside it and renamed over it, not rewritten in place")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: page.deletingLastPathComponent().path).filter { $0.hasPrefix(".") }, [],
                       "no temporary file left")
        XCTAssertTrue(try server.page("/about/").body.contains("<title>Who We Are · "), "the rebuilt page shows the new title")
        // The watcher's build is the save's: one build, one reload of open pages (a late second one would show here).
        Thread.sleep(forTimeInterval: 0.3)
        XCTAssertEqual(server.buildsTold - builds, 1, "one build per save")

        let broken = "---\ntitle: Who We Are\nsummary: Who made this fixture.\ndate: 2026-13-45\n---\nSee [this](nowhere.md).\n"
        let failed = try server.post("/__edit/api/file", ["path": "Content/about.md", "text": broken])
        XCTAssertEqual(failed.status, 200, failed.body)
        XCTAssertEqual(failed.json["built"] as? Bool, false)
        XCTAssertEqual(try String(contentsOf: page, encoding: .utf8), broken, "a save that breaks the build is kept")
        let errors = try XCTUnwrap(failed.json["errors"] as? [[String: Any]])
        XCTAssertEqual(errors.map { "\($0["path"] ?? ""):\($0["line"] ?? 0):\($0["column"] ?? 0): \($0["message"] ?? "")" }, [
            "Content/about.md:4:7: 'date' must be a date written YYYY-MM-DD, like 2026-03-02",
            "Content/about.md:6:5: broken link: 'nowhere.md' does not match any page or file in the content folder",
        ])
        let opened = try server.get("/__edit/api/file?path=Content/about.md")
        XCTAssertEqual(opened.json["text"] as? String, broken)
        XCTAssertEqual((opened.json["findings"] as? [[String: Any]])?.compactMap { $0["line"] as? Int }, [4, 6])
        XCTAssertTrue(try server.page("/about/").body.contains("<title>Who We Are · "), "the last good site is still served")

        let undone = try server.post("/__edit/api/undo", ["path": "Content/about.md"])
        XCTAssertEqual(undone.json["built"] as? Bool, true, undone.body)
        XCTAssertEqual(try String(contentsOf: page, encoding: .utf8), good)
        XCTAssertEqual(try server.post("/__edit/api/undo", ["path": "Content/about.md"]).json["undoable"] as? Int, 0)
        XCTAssertEqual(try String(contentsOf: page, encoding: .utf8), original)
        XCTAssertEqual(try server.post("/__edit/api/undo", ["path": "Content/about.md"]).status, 409, "nothing more to undo")

        // Five versions are kept, and the history is not in Output/.
        for number in 1...7 {
            _ = try server.post("/__edit/api/file", ["path": "Content/about.md", "text": original + "Save \(number).\n"])
        }
        XCTAssertEqual(try server.get("/__edit/api/file?path=Content/about.md").status, 200)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(
            atPath: server.root.appendingPathComponent(".broadside-cache/edit-history/Content/about.md").path).count, 5)
        XCTAssertFalse(try FileManager.default.subpathsOfDirectory(atPath: server.root.appendingPathComponent("Output").path)
            .contains { $0.contains("edit-history") })
    }
}
