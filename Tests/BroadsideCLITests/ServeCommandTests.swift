import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import XCTest

/// `broadside serve`: it answers on 127.0.0.1, serves `index.html` for a folder, refuses
/// anything outside the output folder, rebuilds only what a save touched, notices a Site/
/// folder made while it runs, reloads an open page on a saved edit and shows a failed build's
/// errors over it (Tests/browser/live_reload.py, in headless Chromium), prints at most ten
/// warnings of a rule, and Ctrl-C stops it cleanly.
final class ServeCommandTests: XCTestCase {
    private var root: URL!
    private var server: Process!
    private var output: Pipe!
    /// Everything the server has written to standard error so far.
    private let errors = Collected()
    private var base = ""

    override func setUpWithError() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("broadside-serve-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: BuildCommandTests.fixtures.appendingPathComponent("basic"), to: root)
        try? FileManager.default.removeItem(at: root.appendingPathComponent("expected"))
        try startServer()
    }

    /// Starts `broadside serve` in `root`, and reads the address it serves on.
    private func startServer() throws {
        server = Process()
        server.executableURL = BuildCommandTests.binary
        server.arguments = ["serve", "--port", "0"]
        server.currentDirectoryURL = root
        output = Pipe()
        server.standardOutput = output
        let errorPipe = Pipe()
        server.standardError = errorPipe
        errorPipe.fileHandleForReading.readabilityHandler = { [errors] in errors.add($0.availableData) }
        try server.run()
        // The first line that names the address; reading blocks until it comes, or the server ends.
        var text = ""
        while !text.contains("Serving http://"), case let data = output.fileHandleForReading.availableData, !data.isEmpty {
            text += String(decoding: data, as: UTF8.self)
        }
        let line = try XCTUnwrap(text.split(separator: "\n").first { $0.hasPrefix("Serving http://") }, text)
        base = String(line.dropFirst("Serving ".count).prefix { $0 != " " }.dropLast())  // without the closing /
    }

    override func tearDownWithError() throws {
        if let server, server.isRunning { server.interrupt() }
        server?.waitUntilExit()
        if let root { try? FileManager.default.removeItem(at: root) }
    }

    private func get(_ path: String) throws -> (status: Int, body: String) {
        let done = DispatchSemaphore(value: 0)
        nonisolated(unsafe) var result: (Int, String) = (0, "")
        let url = try XCTUnwrap(URL(string: base + path))
        URLSession.shared.dataTask(with: url) { data, response, _ in
            result = ((response as? HTTPURLResponse)?.statusCode ?? 0, String(decoding: data ?? Data(), as: UTF8.self))
            done.signal()
        }.resume()
        XCTAssertEqual(done.wait(timeout: .now() + 20), .success, "no answer for \(path)")
        return result
    }

    func testServesTheSiteAndRefusesWhatIsOutsideIt() throws {
        XCTAssertTrue(base.hasPrefix("http://127.0.0.1:"), base)
        let home = try get("/")
        XCTAssertEqual(home.status, 200)
        XCTAssertTrue(home.body.contains("<h1>Basic Fixture</h1>") || home.body.contains("<main"), home.body)
        XCTAssertTrue(home.body.contains(#"<script src="/__broadside/live-reload.js"></script>"#), "the preview adds its script")
        let output = try String(contentsOf: root.appendingPathComponent("Output/index.html"), encoding: .utf8)
        XCTAssertFalse(output.contains("live-reload"), "Output/ itself stays as `broadside build` writes it")
        XCTAssertEqual(try get("/guides/").status, 200, "a folder serves its index.html")
        XCTAssertEqual(try get("/guides/%2e%2e/%2e%2e/%2e%2e/etc/passwd").status, 403)
        XCTAssertNotEqual(try get("/../../../etc/passwd").status, 200)
        XCTAssertEqual(try get("/no-such-page/").status, 404)
        XCTAssertEqual(try get("/__broadside/status").body, #"{"builds":1,"errors":[]}"#)

        server.interrupt()
        server.waitUntilExit()
        XCTAssertEqual(server.terminationStatus, 0, "Ctrl-C stops the preview cleanly")
    }

    /// What the server prints after its first lines, up to a line starting with `prefix`.
    private func lines(until prefix: String) -> [String] {
        var text = ""
        while !text.split(separator: "\n").contains(where: { $0.hasPrefix(prefix) }),
              case let data = output.fileHandleForReading.availableData, !data.isEmpty {
            text += String(decoding: data, as: UTF8.self)
        }
        return text.split(separator: "\n").map(String.init)
    }

    /// Waits (up to 20 s) until the page at `path` is served as `expected` says.
    private func waitFor(_ path: String, _ what: String, file: StaticString = #filePath, line: UInt = #line,
                         _ expected: (String) -> Bool) throws {
        let deadline = Date().addingTimeInterval(20)
        while Date() < deadline {
            if expected(try get(path).body) { return }
            Thread.sleep(forTimeInterval: 0.05)
        }
        XCTFail("\(path) never \(what) within 20 s", file: file, line: line)
    }

    func testASaveRebuildsOnlyWhatItTouchedAndASiteFolderMadeLaterIsWatched() throws {
        let page = root.appendingPathComponent("Content/guides/forum.md")
        try (String(contentsOf: page, encoding: .utf8) + "\nEdited while serving.\n").write(to: page, atomically: true, encoding: .utf8)
        try waitFor("/guides/forum/", "showed the edit") { $0.contains("Edited while serving.") }
        let built = lines(until: "Built").filter { $0.hasPrefix("Built") }
        XCTAssertTrue(built.last?.contains("(1 of ") == true && built.last?.contains(" pages made again)") == true, "\(built)")

        // A site without Site/ is common; one made while serving is seen.
        try FileManager.default.removeItem(at: root.appendingPathComponent("Site"))
        try waitFor("/guides/forum/", "lost site.yml's title") { !$0.contains(" · Fixture Toolkit</title>") }
        try FileManager.default.createDirectory(at: root.appendingPathComponent("Site"), withIntermediateDirectories: true)
        try "title: Kit Made Later\n".write(to: root.appendingPathComponent("Site/site.yml"), atomically: true, encoding: .utf8)
        try waitFor("/guides/forum/", "took the new site.yml's title") { $0.contains(" · Kit Made Later</title>") }
    }

    /// Most editors write a file in place: the watcher names it, and the rebuild reads it
    /// alone. A message is printed when it first appears, not again on every save.
    func testASaveInPlaceIsReadAloneAndAMessageIsPrintedOnce() throws {
        let page = root.appendingPathComponent("Content/guides/forum.md")
        func append(_ text: String) throws {
            let file = try FileHandle(forWritingTo: page)
            try file.seekToEnd()
            try file.write(contentsOf: Data(text.utf8))
            try file.close()
        }
        try append("\nAsk [click here](forum.md) for the room.\n")
        try waitFor("/guides/forum/", "showed the first edit") { $0.contains("for the room.") }
        let vague = "'click here' does not say where the link goes"
        let deadline = Date().addingTimeInterval(20)
        while !errors.text.contains(vague) && Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        try append("\nBring water.\n")
        try waitFor("/guides/forum/", "showed the second edit") { $0.contains("Bring water.") }
        let built = lines(until: "Built").filter { $0.hasPrefix("Built") }
        XCTAssertTrue(built.last?.contains("(1 of ") == true, "\(built)")
        // A second printing would come before "Built", on the other stream: a moment to arrive.
        Thread.sleep(forTimeInterval: 0.2)
        XCTAssertEqual(errors.text.components(separatedBy: vague).count - 1, 1, errors.text)
    }

    /// The first build prints ten warnings of a rule and a line for the rest, as `build` does.
    func testTheFirstBuildPrintsTenWarningsOfARule() throws {
        server.interrupt()
        server.waitUntilExit()
        for number in 1...12 {
            try Data("---\ntitle: Note \(number)\n---\nA short note.\n".utf8)
                .write(to: root.appendingPathComponent("Content/guides/note-\(String(format: "%02d", number)).md"))
        }
        try startServer()
        let note = "note: 2 more [content/summary] warnings not shown; `broadside check` lists them all\n"
        let deadline = Date().addingTimeInterval(20)
        while !errors.text.contains(note) && Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        XCTAssertTrue(errors.text.contains(note), errors.text)
        XCTAssertEqual(errors.text.components(separatedBy: "[content/summary]\n").count - 1, 10, errors.text)
    }

    func testAnOpenPageReloadsOnEditAndShowsErrors() throws {
        for tool in ["/usr/bin/chromium", "/usr/bin/chromedriver"] where !FileManager.default.isExecutableFile(atPath: tool) {
            throw XCTSkip("\(tool) is missing: `make test` installs it")
        }
        let project = BuildCommandTests.fixtures.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let browser = try Command.run("/usr/bin/env", ["python3", "Tests/browser/live_reload.py", base + "/", root.path], in: project)
        XCTAssertEqual(browser.status, 0, browser.stdout + browser.stderr)
    }
}

/// Text a pipe's handler adds on its own thread, read by the test.
private final class Collected: @unchecked Sendable {
    private let lock = NSLock()
    private var data = Data()

    func add(_ more: Data) {
        lock.withLock { data += more }
    }

    var text: String {
        lock.withLock { String(decoding: data, as: UTF8.self) }
    }
}
