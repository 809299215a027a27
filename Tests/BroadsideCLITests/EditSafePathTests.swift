@testable import BroadsideServer
import Foundation
import XCTest

/// The race `EditFolders.check` alone leaves open: a folder on a checked path swapped for a
/// symbolic link before the save. Reading and writing walk the folders again without
/// following links, so the swap stops them and nothing is read or written outside.
final class EditSafePathTests: XCTestCase {
    private var root: URL!

    override func setUpWithError() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("broadside-safepath-\(UUID().uuidString)")
        for folder in ["Content/guides", "outside"] {
            try FileManager.default.createDirectory(at: root.appendingPathComponent(folder), withIntermediateDirectories: true)
        }
        try Data("inside\n".utf8).write(to: root.appendingPathComponent("Content/guides/page.md"))
        try Data("secret\n".utf8).write(to: root.appendingPathComponent("outside/page.md"))
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(at: root)
    }

    private var checked: SafePath {
        SafePath(path: "Content/guides/page.md", root: root.path, parts: ["Content", "guides", "page.md"], exists: true)
    }

    func testASaveWritesInPlaceAndKeepsThePermissions() throws {
        let page = root.appendingPathComponent("Content/guides/page.md")
        try FileManager.default.setAttributes([.posixPermissions: 0o640], ofItemAtPath: page.path)
        try checked.replace(with: Data("saved\n".utf8))
        XCTAssertEqual(try String(contentsOf: page, encoding: .utf8), "saved\n")
        XCTAssertEqual(try FileManager.default.attributesOfItem(atPath: page.path)[.posixPermissions] as? Int, 0o640)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: page.deletingLastPathComponent().path), ["page.md"],
                       "no temporary file is left beside the page")
    }

    /// An upload never replaces a file, even one that appeared after the check.
    func testCreatingNeverReplacesAFile() throws {
        XCTAssertFalse(try checked.create(with: Data("new\n".utf8)))
        let page = root.appendingPathComponent("Content/guides/page.md")
        XCTAssertEqual(try String(contentsOf: page, encoding: .utf8), "inside\n")
        let fresh = SafePath(path: "Content/guides/new.md", root: root.path, parts: ["Content", "guides", "new.md"], exists: false)
        XCTAssertTrue(try fresh.create(with: Data("new\n".utf8)))
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: page.deletingLastPathComponent().path).sorted(), ["new.md", "page.md"])
    }

    func testAFolderSwappedForALinkAfterTheCheckStopsTheSaveAndTheRead() throws {
        let path = checked
        let guides = root.appendingPathComponent("Content/guides")
        try FileManager.default.moveItem(at: guides, to: root.appendingPathComponent("Content/guides-moved"))
        try FileManager.default.createSymbolicLink(at: guides, withDestinationURL: root.appendingPathComponent("outside"))

        XCTAssertThrowsError(try path.replace(with: Data("written through the link\n".utf8))) { error in
            XCTAssertEqual((error as? EditRefusal)?.status, 403)
            XCTAssertEqual((error as? EditRefusal)?.message, "Content/guides/page.md: a part of it became a symbolic link, which the editor never follows")
        }
        XCTAssertEqual(try String(contentsOf: root.appendingPathComponent("outside/page.md"), encoding: .utf8), "secret\n")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("outside").path), ["page.md"])
        XCTAssertThrowsError(try path.read()) { error in XCTAssertEqual((error as? EditRefusal)?.status, 403) }
    }

    func testAFileSwappedForALinkIsNotRead() throws {
        let page = root.appendingPathComponent("Content/guides/page.md")
        try FileManager.default.removeItem(at: page)
        try FileManager.default.createSymbolicLink(at: page, withDestinationURL: root.appendingPathComponent("outside/page.md"))
        XCTAssertThrowsError(try checked.read()) { error in XCTAssertEqual((error as? EditRefusal)?.status, 403) }
    }
}
