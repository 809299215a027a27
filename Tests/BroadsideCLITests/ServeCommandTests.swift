import BroadsideTestSupport
import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif
import XCTest

/// `broadside serve`: it answers on 127.0.0.1, serves `index.html` for a folder, refuses
/// anything outside the output folder, rebuilds only what a save touched, notices a Site/
/// folder made while it runs, reloads an open page on a saved edit and shows a failed build's
/// errors over it (Tests/browser/live_reload.py, in headless Chromium), prints at most ten
/// warnings of a rule, and Ctrl-C stops it cleanly, at any moment, under load. Over raw
/// sockets: it refuses a too-long request line at once and goes on serving, long requests
/// sent slowly do not hold up others, and it answers only to its own Host and, on the
/// live-reload socket, to its own pages' Origin.
final class ServeCommandTests: XCTestCase {
    private var root: URL!
    private var server: Process!
    /// Everything the server has written to standard output so far, and how much of it was read.
    private var printed = Collected()
    private var readUpTo = 0
    /// Everything the server has written to standard error so far.
    private var errors = Collected()
    private var base = ""
    private var port: UInt16 = 0

    override func setUpWithError() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("broadside-serve-\(UUID().uuidString)")
        try FileManager.default.copyItem(at: TestPaths.sites.appendingPathComponent("basic"), to: root)
        try? FileManager.default.removeItem(at: root.appendingPathComponent("expected"))
        try startServer()
    }

    /// Starts `broadside serve` in `root`, and reads the address it serves on.
    private func startServer() throws {
        (server, printed, errors) = try launchServe(in: root)
        readUpTo = 0
        let deadline = Date().addingTimeInterval(60)
        while !printed.text.contains("Serving http://") && server.isRunning && Date() < deadline { usleep(5_000) }
        let text = printed.text
        let line = try XCTUnwrap(text.split(separator: "\n").first { $0.hasPrefix("Serving http://") },
                                 "no `Serving` line within 60 s: \(text) \(errors.text)")
        base = String(line.dropFirst("Serving ".count).prefix { $0 != " " }.dropLast())  // without the closing /
        port = try XCTUnwrap(UInt16(base.split(separator: ":").last ?? ""), base)
    }

    override func tearDownWithError() throws {
        if let server, server.isRunning { server.interrupt() }
        try server?.waitUntilExit(within: 10, "broadside serve, 10 s after Ctrl-C")
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
        try server.waitUntilExit(within: 10, "broadside serve, 10 s after Ctrl-C")
        XCTAssertEqual(server.terminationStatus, 0, "Ctrl-C stops the preview cleanly")
    }

    /// What the server printed since the last call, once a line starting with `prefix` is
    /// among it (20 s at most).
    private func lines(until prefix: String) -> [String] {
        let deadline = Date().addingTimeInterval(20)
        func unread() -> [String] { String(printed.text.utf8.dropFirst(readUpTo)).map { $0.split(separator: "\n").map(String.init) } ?? [] }
        while !unread().contains(where: { $0.hasPrefix(prefix) }) && Date() < deadline { usleep(5_000) }
        let lines = unread()
        XCTAssertTrue(lines.contains { $0.hasPrefix(prefix) }, "no line starting with \(prefix) within 20 s: \(lines)")
        readUpTo = printed.text.utf8.count
        return lines
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
        try server.waitUntilExit(within: 10, "broadside serve, 10 s after Ctrl-C")
        for number in 1...12 {
            try Data("---\ntitle: Note \(number)\n---\nA short note.\n".utf8)
                .write(to: root.appendingPathComponent("Content/guides/note-\(String(format: "%02d", number)).md"))
        }
        try startServer()
        let note = "note: … and 2 more [content/summary] warnings not shown (`broadside check` lists them all); tune with `checks:` in site.yml\n"
        let deadline = Date().addingTimeInterval(20)
        while !errors.text.contains(note) && Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
        XCTAssertTrue(errors.text.contains(note), errors.text)
        XCTAssertEqual(errors.text.components(separatedBy: "[content/summary]\n").count - 1, 10, errors.text)
    }

    func testAnOpenPageReloadsOnEditAndShowsErrors() throws {
        try BuildCommandTests.requireTools(["/usr/bin/chromium", "/usr/bin/chromedriver"])
        let project = TestPaths.project
        let browser = try Command.run("/usr/bin/env", ["python3", "Tests/browser/live_reload.py", base + "/", root.path], in: project)
        XCTAssertEqual(browser.status, 0, browser.stdout + browser.stderr)
    }

    // MARK: The front door

    /// A GET of `/` on a connection of its own, answered within `seconds`: the server is not stalled.
    private func assertServesHome(within seconds: TimeInterval, _ when: String, file: StaticString = #filePath, line: UInt = #line) throws {
        let client = try RawConnection(port: port)
        client.send("GET / HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nConnection: close\r\n\r\n")
        let answer = client.read(within: seconds)
        XCTAssertEqual(RawConnection.status(of: answer), 200,
                       "\(when): GET / not answered within \(Int(seconds)) s (\(answer?.prefix(80) ?? "nothing"))", file: file, line: line)
        XCTAssertTrue(answer?.contains("Basic Fixture") == true || answer?.contains("<main") == true, file: file, line: line)
    }

    /// FlyingFox 0.27.1 alone takes minutes over a 100 KB request line (its time grows with
    /// the square of the length); the gate answers 414 at 8 KiB, and 431 for 16 KiB of headers.
    func testATooLongRequestLineIsRefusedAtOnceAndServingGoesOn() throws {
        let start = Date()
        let long = try RawConnection(port: port)
        long.send("GET /" + String(repeating: "a", count: 100_000) + " HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\n\r\n")
        let answer = long.read(within: 5)
        XCTAssertEqual(RawConnection.status(of: answer), 414, "a 100 KB request line: \(answer?.prefix(80) ?? "no answer within 5 s")")
        let seconds = Date().timeIntervalSince(start)
        XCTAssertLessThan(seconds, 5)

        let headers = try RawConnection(port: port)
        headers.send("GET / HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\n"
                     + (1...40).map { "X-Filler-\($0): \(String(repeating: "b", count: 1_000))\r\n" }.joined() + "\r\n")
        let tooLarge = headers.read(within: 5)
        XCTAssertEqual(RawConnection.status(of: tooLarge), 431, "40 KB of headers: \(tooLarge?.prefix(80) ?? "no answer within 5 s")")

        let garbage = try RawConnection(port: port)
        garbage.send("\u{16}\u{03}\u{01} not http at all\r\n\r\n")
        XCTAssertEqual(RawConnection.status(of: garbage.read(within: 5)), 400, "a line that is not HTTP")

        try assertServesHome(within: 5, "after the refused requests")
    }

    /// Two clients sending long request lines slowly, 4 KB at a time, while a page is asked:
    /// the page comes at once. (With FlyingFox reading them, both threads of a two-core
    /// machine's task pool were busy with them, and nothing else was answered for minutes.)
    func testTwoSlowLongRequestsDoNotStallAnother() throws {
        let sending = StopWhen(after: 60)
        defer { sending.set() }
        let sent = (0..<2).map { _ in Counter() }
        let ended = (0..<2).map { _ in Counter() }
        let answers = Collected()
        for index in 0..<2 {
            let client = try RawConnection(port: port)
            let (counter, end, port) = (sent[index], ended[index], port)
            Thread.detachNewThread {
                let chunk = String(repeating: "a", count: 4_096)
                var open = client.send("GET /" + chunk)
                // 2 MB at most, 4 KB every 5 ms, until the server stops taking them or the test ends.
                while open && !sending.isSet && counter.value < 2_000_000 {
                    open = client.send(chunk)
                    if open { counter.add(chunk.utf8.count) }
                    usleep(5_000)
                }
                if !open { answers.add(Data((client.read(within: 2) ?? "").prefix(12).utf8)) }
                client.send(" HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\n\r\n")
                end.add(1)
            }
        }
        // Both are well under way (or were already refused) before the page is asked.
        let deadline = Date().addingTimeInterval(20)
        while Date() < deadline && !(0..<2).allSatisfy({ sent[$0].value >= 40_000 || ended[$0].value > 0 }) { usleep(5_000) }
        try assertServesHome(within: 5, "with two long requests coming in slowly")
        sending.set()
        let stopped = Date().addingTimeInterval(20)
        while Date() < stopped && !ended.allSatisfy({ $0.value > 0 }) { usleep(5_000) }
        XCTAssertTrue(ended.allSatisfy { $0.value > 0 }, "the senders did not end within 20 s")
        XCTAssertTrue(answers.text.isEmpty || answers.text.contains("HTTP/1.1 414"), answers.text)
    }

    /// A page of another site whose name was pointed at 127.0.0.1 (DNS rebinding) sends its own
    /// name as Host: it gets nothing, not a page and not the build's errors.
    func testAForeignHostIsRefused() throws {
        for (host, expected) in [("evil.example:\(port)", 421), ("evil.example", 421), ("127.0.0.1:1", 421),
                                 ("127.0.0.1:\(port)", 200), ("localhost:\(port)", 200), ("LOCALHOST:\(port)", 200)] {
            for path in ["/", "/__broadside/status"] {
                let client = try RawConnection(port: port)
                client.send("GET \(path) HTTP/1.1\r\nHost: \(host)\r\nConnection: close\r\n\r\n")
                let answer = client.read(within: 10)
                XCTAssertEqual(RawConnection.status(of: answer), expected, "Host: \(host), \(path): \(answer?.prefix(80) ?? "no answer")")
                if expected != 200 { XCTAssertFalse(answer?.contains("builds") == true, "the status leaked to Host: \(host)") }
            }
        }
        let noHost = try RawConnection(port: port)
        noHost.send("GET /__broadside/status HTTP/1.0\r\n\r\n")
        XCTAssertEqual(RawConnection.status(of: noHost.read(within: 10)), 421, "a request without Host")
    }

    /// The live-reload socket tells a build's errors: only the preview's own pages may listen.
    func testTheLiveSocketAcceptsOnlyThePreviewsOwnOrigin() throws {
        func upgrade(origin: String?, path: String = "/__broadside/live") throws -> Int {
            let client = try RawConnection(port: port)
            client.send("GET \(path) HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                        + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n"
                        + (origin.map { "Origin: \($0)\r\n" } ?? "") + "\r\n")
            // An accepted socket stays open: the answer's head is enough.
            return RawConnection.status(of: client.read(within: 10) { $0.contains("\r\n\r\n") })
        }
        XCTAssertEqual(try upgrade(origin: "http://127.0.0.1:\(port)"), 101, "the preview's own page")
        XCTAssertEqual(try upgrade(origin: "http://localhost:\(port)"), 101, "the preview's own page, by name")
        XCTAssertEqual(try upgrade(origin: "http://evil.example"), 403, "a page of another site")
        XCTAssertEqual(try upgrade(origin: "http://127.0.0.1:\(port &+ 1)"), 403, "a page served by another local program")
        XCTAssertEqual(try upgrade(origin: "null"), 403, "a page opened from a file")
        XCTAssertEqual(try upgrade(origin: nil), 403, "no Origin: not a browser page of the preview")
        XCTAssertTrue([400, 403].contains(try upgrade(origin: "http://evil.example", path: "/__broadside/./live")), "the same socket by another path")
        XCTAssertNotEqual(try upgrade(origin: "http://127.0.0.1:\(port)", path: "/"), 101, "only the live socket upgrades")
    }

    // MARK: Stopping

    /// Where a Ctrl-C comes in the test below.
    private enum Moment: String, CaseIterable {
        /// As soon as the handler is there, a few milliseconds after start (before it, SIGINT's
        /// default ends the process, which is a stop too, but not one it can answer).
        case started = "right after start"
        case building = "during the first build"
        /// With a live page connected and a request half sent.
        case serving = "while serving, with connections open"
    }

    /// Ctrl-C ends `serve` with 0 within 10 s at every moment, ten times each, with both cores
    /// kept busy: once the handler was installed only after the first build (a Ctrl-C during
    /// it killed the process), and a stop asked before the server ran was lost.
    func testCtrlCStopsItAtAnyMomentUnderLoad() throws {
        server.interrupt()
        try server.waitUntilExit(within: 10, "broadside serve, 10 s after Ctrl-C")
        // A first build long enough to be caught while it runs, even on a fast machine.
        let many = root.appendingPathComponent("Content/many")
        try FileManager.default.createDirectory(at: many, withIntermediateDirectories: true)
        for number in 1...500 {
            try Data("---\ntitle: Page \(number)\nsummary: A page to make the build last.\n---\nSome text.\n".utf8)
                .write(to: many.appendingPathComponent("page-\(number).md"))
        }
        // Both cores busy for as long as the test runs (a minute and a half at most).
        let busy = StopWhen(after: 90)
        defer { busy.set() }
        for _ in 0..<2 {
            Thread.detachNewThread {
                var spin = 0
                while !busy.isSet { for _ in 0..<100_000 { spin &+= 1 } }
                _ = spin
            }
        }
        for round in 1...10 {
            for moment in Moment.allCases {
                #if !os(Linux)
                if moment == .started { continue }  // told by /proc on Linux only
                #endif
                try stop(at: moment, round: round)
            }
        }
        // Each start's first build cleared what the builds stopped before it left.
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: root.path).filter { $0.hasPrefix(".Output.") }, [])
    }

    private func stop(at moment: Moment, round: Int) throws {
        let (process, printed, errors) = try launchServe(in: root)
        server = process  // tearDown ends it if the test fails midway
        let pid = process.processIdentifier
        let what = "round \(round), Ctrl-C \(moment.rawValue)"
        let deadline = Date().addingTimeInterval(60)
        var connections: [RawConnection] = []
        switch moment {
        case .started:
            // SIGINT (2) among the signals the process catches, in /proc/PID/status.
            func catchesInterrupt() -> Bool {
                let status = (try? String(contentsOfFile: "/proc/\(pid)/status", encoding: .utf8)) ?? ""
                let caught = status.split(separator: "\n").first { $0.hasPrefix("SigCgt:") }?.split(separator: "\t").last
                return caught.flatMap { UInt64($0, radix: 16) }.map { $0 & (1 << (SIGINT - 1)) != 0 } ?? false
            }
            while !catchesInterrupt() && !printed.text.contains("Serving") && process.isRunning && Date() < deadline { usleep(500) }
            XCTAssertFalse(printed.text.contains("Built"), "\(what): the handler came only after the first build")
        case .building:
            let staging = root.appendingPathComponent(".Output.building-\(pid)").path
            while !FileManager.default.fileExists(atPath: staging) && !printed.text.contains("Serving") && process.isRunning
                    && Date() < deadline { usleep(500) }
            XCTAssertFalse(printed.text.contains("Serving"), "\(what): the build ended before it was seen; make the site larger")
        case .serving:
            while !printed.text.contains("Serving http://") && process.isRunning && Date() < deadline { usleep(5_000) }
            let line = try XCTUnwrap(printed.text.split(separator: "\n").first { $0.hasPrefix("Serving http://") }, "\(what): \(errors.text)")
            let port = try XCTUnwrap(UInt16(line.split(separator: ":").last?.prefix { $0.isNumber } ?? ""))
            let live = try RawConnection(port: port)
            live.send("GET /__broadside/live HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
                      + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\nOrigin: http://127.0.0.1:\(port)\r\n\r\n")
            XCTAssertEqual(RawConnection.status(of: live.read(within: 10) { $0.contains("\r\n\r\n") }), 101, what)
            let half = try RawConnection(port: port)
            half.send("GET / HTTP/1.1\r\nHost: 127.0.0.1:\(port)\r\n")
            connections = [live, half]
        }
        XCTAssertTrue(process.isRunning, "\(what): it ended before the Ctrl-C: \(errors.text)")
        // The connections stay open until the server has ended.
        try withExtendedLifetime(connections) {
            process.interrupt()
            try process.waitUntilExit(within: 10, "broadside serve, \(what), 10 s after it")
        }
        XCTAssertEqual(process.terminationReason, .exit, "\(what): ended by a signal")
        XCTAssertEqual(process.terminationStatus, 0, "\(what): \(errors.text)")
        // Output/ is whole: the last good site, or none yet.
        let output = root.appendingPathComponent("Output")
        if FileManager.default.fileExists(atPath: output.path) {
            XCTAssertTrue(FileManager.default.fileExists(atPath: output.appendingPathComponent("index.html").path), "\(what): Output/ is not whole")
        }
        // A build cut short (a Ctrl-C right after start may come once the first build began)
        // may leave its staging folder, which the next build clears; a stop while serving leaves nothing.
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: root.path).filter { $0.hasSuffix("-\(pid)") }
        if moment == .serving { XCTAssertEqual(leftovers, [], "\(what): it left files beside Output/") }
    }
}

/// Set once the test says so, or by itself after `seconds`: a loop a test starts ends even if
/// the test fails before saying so.
private final class StopWhen: @unchecked Sendable {
    private let lock = NSLock()
    private var stopped = false
    private let deadline: Date

    init(after seconds: TimeInterval) {
        deadline = Date().addingTimeInterval(seconds)
    }

    func set() {
        lock.withLock { stopped = true }
    }

    var isSet: Bool {
        lock.withLock { stopped } || Date() > deadline
    }
}

private final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0

    func add(_ more: Int) {
        lock.withLock { count += more }
    }

    var value: Int {
        lock.withLock { count }
    }
}
