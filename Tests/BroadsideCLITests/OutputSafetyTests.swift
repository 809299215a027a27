import Foundation
import XCTest

/// Output/ is replaced whole or not at all: a build killed while it writes leaves the previous
/// site exactly as it was, and two builds of the same input are byte-identical.
final class OutputSafetyTests: XCTestCase {
    private var root: URL!

    override func setUpWithError() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("broadside-safety-\(UUID().uuidString)")
        let content = root.appendingPathComponent("Content")
        try FileManager.default.createDirectory(at: content.appendingPathComponent("notes"), withIntermediateDirectories: true)
        try Data("---\ntitle: Home\nsummary: Many pages.\n---\nHello.\n".utf8).write(to: content.appendingPathComponent("index.md"))
        // Enough pages that writing them takes a moment to interrupt.
        let body = String(repeating: "A sentence about a law and what it does for people. ", count: 40)
        for index in 0..<800 {
            try Data("---\ntitle: Note \(index)\nsummary: Note.\ndate: 2026-01-01\n---\n\(body)\n".utf8)
                .write(to: content.appendingPathComponent("notes/note-\(index).md"))
        }
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: root)
    }

    private func snapshot(_ folder: URL) throws -> [String: Data] {
        var files: [String: Data] = [:]
        for path in try FileManager.default.subpathsOfDirectory(atPath: folder.path) {
            if let data = try? Data(contentsOf: folder.appendingPathComponent(path)) { files[path] = data }
        }
        return files
    }

    func testAKilledBuildLeavesThePreviousOutputIntact() throws {
        let output = root.appendingPathComponent("Output")
        XCTAssertEqual(try Command.run(BuildCommandTests.binary.path, ["build", "--no-pdf"], in: root).status, 0)
        try Data("previous".utf8).write(to: output.appendingPathComponent("marker-of-the-previous-build.txt"))
        let before = try snapshot(output)

        // Edit a page, start a build, and kill it as soon as its staging folder exists.
        try Data("---\ntitle: Home changed\nsummary: s\n---\n".utf8).write(to: root.appendingPathComponent("Content/index.md"))
        let process = Process()
        process.executableURL = BuildCommandTests.binary
        process.arguments = ["build", "--no-pdf"]
        process.currentDirectoryURL = root
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        let deadline = Date().addingTimeInterval(60)
        func staging() -> Bool {
            ((try? FileManager.default.contentsOfDirectory(atPath: root.path)) ?? []).contains { $0.hasPrefix(".Output.building-") }
        }
        while !staging() && process.isRunning && Date() < deadline { usleep(2_000) }
        XCTAssertTrue(process.isRunning, "the build finished before it could be interrupted")
        kill(process.processIdentifier, SIGKILL)
        try process.waitUntilExit(within: 10, "the killed build")

        XCTAssertEqual(try snapshot(output), before, "Output/ changed although the build was killed")
        // The next build finishes the job and clears what the killed one left behind.
        XCTAssertEqual(try Command.run(BuildCommandTests.binary.path, ["build", "--no-pdf"], in: root).status, 0)
        XCTAssertTrue(try String(contentsOf: output.appendingPathComponent("index.html"), encoding: .utf8).contains("Home changed"))
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: root.path).filter { $0.hasPrefix(".Output.") }, [])
    }

    /// Another build of the same site, still running, keeps its staging folder: only those of
    /// builds that ended are cleared. (A build writes pages into it for as long as it renders.)
    func testABuildLeavesTheStagingFolderOfOneStillRunning() throws {
        let running = Process()
        running.executableURL = URL(fileURLWithPath: "/bin/sleep")
        running.arguments = ["60"]
        try running.run()
        defer { running.terminate() }
        let ended = Process()
        ended.executableURL = URL(fileURLWithPath: "/bin/true")
        try ended.run()
        try ended.waitUntilExit(within: 10, "/bin/true")
        let theirs = root.appendingPathComponent(".Output.building-\(running.processIdentifier)")
        let leftover = root.appendingPathComponent(".Output.building-\(ended.processIdentifier)")
        for folder in [theirs, leftover] {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try Data("half a site".utf8).write(to: folder.appendingPathComponent("index.html"))
        }

        XCTAssertEqual(try Command.run(BuildCommandTests.binary.path, ["build", "--no-pdf"], in: root).status, 0)

        XCTAssertEqual(try String(contentsOf: theirs.appendingPathComponent("index.html"), encoding: .utf8), "half a site")
        XCTAssertFalse(FileManager.default.fileExists(atPath: leftover.path), "the folder of a build that ended is a leftover")
    }

    func testTwoBuildsOfTheSameInputAreByteIdentical() throws {
        XCTAssertEqual(try Command.run(BuildCommandTests.binary.path, ["build", "--no-pdf", "--output", "One"], in: root).status, 0)
        XCTAssertEqual(try Command.run(BuildCommandTests.binary.path, ["build", "--no-pdf", "--output", "Two"], in: root).status, 0)
        let one = try snapshot(root.appendingPathComponent("One")), two = try snapshot(root.appendingPathComponent("Two"))
        XCTAssertEqual(one.count, two.count)
        XCTAssertTrue(one == two, "files differ: \(one.keys.filter { one[$0] != two[$0] }.sorted().prefix(5))")
    }
}
