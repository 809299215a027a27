import Foundation
import XCTest

/// Golden files: what a test makes, compared with what a person reviewed and committed.
/// `BROADSIDE_RECORD=1 swift test --filter …` writes them afresh instead; recording fails the
/// test, so the new files are looked at (`git diff`) before they are trusted.
public enum Golden {
    public static let recording = ProcessInfo.processInfo.environment["BROADSIDE_RECORD"] != nil

    /// The `<main>` element: the page's own content, without the chrome every page repeats.
    public static func main(of html: String) -> String {
        guard let start = html.range(of: "<main"), let end = html.range(of: "</main>", range: start.upperBound..<html.endIndex) else {
            return html
        }
        return String(html[start.lowerBound..<end.upperBound]) + "\n"
    }
}

/// `text` is the file at `url`.
public func assertGolden(_ text: String, at url: URL, file: StaticString = #filePath, line: UInt = #line) throws {
    if Golden.recording {
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: url, atomically: true, encoding: .utf8)
        XCTFail("recorded \(url.lastPathComponent): review it with git diff", file: file, line: line)
        return
    }
    XCTAssertEqual(text, try String(contentsOf: url, encoding: .utf8), "\(url.lastPathComponent) differs from its golden file",
                   file: file, line: line)
}

/// `files` (paths in `folder` → texts) are the files in `folder`: no more, no fewer, the same texts.
/// Recording replaces the whole folder. `name` says which case in a failure.
public func assertGolden(_ files: [String: String], in folder: URL, name: String, file: StaticString = #filePath, line: UInt = #line) throws {
    if Golden.recording {
        try? FileManager.default.removeItem(at: folder)
        for (path, text) in files {
            let url = folder.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
        XCTFail("recorded \(files.count) golden files for \(name): review them with git diff", file: file, line: line)
        return
    }
    let recorded = try FileManager.default.subpathsOfDirectory(atPath: folder.path)
        .filter { (try? folder.appendingPathComponent($0).resourceValues(forKeys: [.isDirectoryKey]))?.isDirectory != true }
    XCTAssertEqual(Set(recorded), Set(files.keys), "golden files differ from the files made for \(name)", file: file, line: line)
    for (path, text) in files {
        guard let golden = try? String(contentsOf: folder.appendingPathComponent(path), encoding: .utf8) else { continue }
        XCTAssertEqual(text, golden, "\(name)/\(path) differs from its golden file", file: file, line: line)
    }
}
