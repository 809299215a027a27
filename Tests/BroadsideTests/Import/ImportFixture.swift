@testable import Broadside
import Foundation
import XCTest

/// A fixture site imported into a scratch folder, and its files read back.
struct ImportFixture {
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/import")

    let source: URL
    let into: URL
    let report: ImportReport

    init(_ generator: SiteImport.Generator) throws {
        source = Self.root.appendingPathComponent(generator.rawValue)
        into = FileManager.default.temporaryDirectory.appendingPathComponent("broadside-import-\(UUID().uuidString)")
        report = try SiteImport.run(generator, source: source.path, into: into.path)
    }

    func text(_ path: String) throws -> String {
        try String(contentsOf: into.appendingPathComponent(path), encoding: .utf8)
    }

    /// Every file under the folder, by path, with its bytes.
    static func tree(_ folder: URL) -> [String: Data] {
        var files: [String: Data] = [:]
        for path in SourceFiles.list(folder, skipping: nil) { files[path] = FileManager.default.contents(atPath: folder.appendingPathComponent(path).path) }
        return files
    }

    func remove() { try? FileManager.default.removeItem(at: into) }
}
