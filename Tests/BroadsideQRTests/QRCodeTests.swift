import BroadsideQR
import Foundation
import XCTest

final class QRCodeTests: XCTestCase {
    func testDrawsAScannableCodeWithItsQuietZone() throws {
        let url = "https://toolkit.example.org/laws/pc-1473-7/"
        let svg = try XCTUnwrap(QRCode.svg(for: url, label: "QR code for \(url)"))
        // Version 4 at level M holds this URL: 33 modules plus 4 on each side.
        XCTAssertTrue(svg.contains(#"viewBox="0 0 41 41""#), svg)
        XCTAssertTrue(svg.contains(#"aria-label="QR code for https://toolkit.example.org/laws/pc-1473-7/""#))
        XCTAssertFalse(svg.contains("M0 0h1"), "no module may sit in the quiet zone")
        // Every QR code has its three finder patterns: the top-left one starts at the quiet zone.
        XCTAssertTrue(svg.contains("M4 4h7v1h-7z"), svg)
        try assertScans(svg, as: url)
    }

    /// Renders the SVG to PNG and reads it back with zbarimg, when those tools are installed
    /// (`make test` installs them).
    private func assertScans(_ svg: String, as expected: String) throws {
        let tools = ["/usr/bin/zbarimg", "/usr/bin/rsvg-convert"]
        guard tools.allSatisfy({ FileManager.default.isExecutableFile(atPath: $0) }) else {
            throw XCTSkip("zbar-tools and librsvg2-bin are needed to scan the code back")
        }
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("qr-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try svg.write(to: folder.appendingPathComponent("code.svg"), atomically: true, encoding: .utf8)
        XCTAssertEqual(try run(tools[1], ["-w", "300", "-o", folder.appendingPathComponent("code.png").path, folder.appendingPathComponent("code.svg").path]), "")
        let decoded = try run(tools[0], ["--quiet", "--raw", folder.appendingPathComponent("code.png").path])
        XCTAssertEqual(decoded, expected + "\n")
    }

    private func run(_ tool: String, _ arguments: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: tool)
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        try process.run()
        // Read on another thread and waited for 60 s at most: a tool that hangs fails the
        // test, killed, instead of holding the run.
        nonisolated(unsafe) var data = Data()
        let read = DispatchSemaphore(value: 0)
        Thread.detachNewThread {
            data = pipe.fileHandleForReading.readDataToEndOfFile()
            read.signal()
        }
        let deadline = Date().addingTimeInterval(60)
        let finished = read.wait(timeout: .now() + 60) == .success
        while process.isRunning && Date() < deadline { usleep(5_000) }
        guard finished, !process.isRunning else {
            kill(process.processIdentifier, SIGKILL)
            throw Hung(description: "\(tool) was still running after 60 s, and was killed")
        }
        return String(decoding: data, as: UTF8.self)
    }
}

private struct Hung: Error, CustomStringConvertible {
    var description: String
}
