import Foundation
import XCTest

/// `broadside serve --edit`'s "Save and commit": one file committed with git, and git's words
/// when it cannot be (no repository, nothing changed, no name to commit under).
final class EditCommitTests: XCTestCase {
    private var server: EditServer!

    override func setUpWithError() throws {
        server = try EditServer()
        try server.signIn()
    }

    override func tearDownWithError() throws {
        try server?.stop()
    }

    /// What git printed, run in the test site with a deadline.
    @discardableResult
    private func git(_ arguments: String...) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git"] + arguments
        process.currentDirectoryURL = server.root
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        let reader = PipeReader(output.fileHandleForReading)
        try process.run()
        try process.waitUntilExit(within: 20, "git \(arguments.joined(separator: " "))")
        let text = try reader.text(within: 10, "git \(arguments[0])")
        XCTAssertEqual(process.terminationStatus, 0, "git \(arguments.joined(separator: " ")): \(text)")
        return text.trimmingCharacters(in: .whitespacesAndNewlines)
    }

    private func commit(_ path: String, _ message: String) throws -> EditServer.Answer {
        try server.post("/__edit/api/commit", ["path": path, "message": message])
    }

    func testAFileIsCommittedWithTheMessageAndGitsWordsOtherwise() throws {
        let outside = try commit("Content/about.md", "Update")
        XCTAssertEqual(outside.status, 409)
        XCTAssertTrue((outside.json["error"] as? String ?? "").hasPrefix("The site's folder is not in a git repository, so there is nothing to commit to: fatal: not a git repository"),
                      outside.body)

        try git("init", "--quiet")
        try git("config", "user.name", "Test Organizer")
        try git("config", "user.email", "organizer@example.org")
        try git("add", "Content", "Site")
        try git("commit", "--quiet", "-m", "Start")
        let text = "---\ntitle: Who We Are\nsummary: Who made this fixture.\n---\nWe are a fixture.\n"
        XCTAssertEqual(try server.post("/__edit/api/file", ["path": "Content/about.md", "text": text]).status, 200)
        try "changed but not committed\n".write(to: server.root.appendingPathComponent("Content/laws/old.md"), atomically: true, encoding: .utf8)

        XCTAssertEqual(try commit("Content/about.md", " \n ").status, 400, "a commit needs a message")
        let committed = try commit("Content/about.md", "About: who we are")
        XCTAssertEqual(committed.status, 200, committed.body)
        XCTAssertEqual(committed.json["commit"] as? String, try git("rev-parse", "--short", "HEAD"))
        XCTAssertEqual(try git("log", "-1", "--format=%s|%an"), "About: who we are|Test Organizer")
        XCTAssertEqual(try git("show", "--name-only", "--format=", "HEAD"), "Content/about.md", "only that file")
        XCTAssertEqual(try git("status", "--porcelain", "--", "Content"), "M Content/laws/old.md")

        let again = try commit("Content/about.md", "Again")
        XCTAssertEqual(again.status, 409)
        XCTAssertTrue((again.json["error"] as? String ?? "").hasPrefix("Nothing was committed: "), again.body)
        for (path, status) in [("Content/../.git/config", 400), ("Output/index.html", 403), (".git/config", 400)] {
            XCTAssertEqual(try commit(path, "x").status, status, path)
        }

        try git("config", "user.name", "")
        let nameless = try commit("Content/laws/old.md", "Old")
        XCTAssertEqual(nameless.status, 409)
        XCTAssertEqual(nameless.json["error"] as? String,
                       "git does not know who is committing. In a terminal, in the site's folder, run: git config user.name \"Your Name\" and git config user.email \"you@example.org\"")
    }
}
