@testable import Broadside
import XCTest

/// How a clean build writes its pages into the staging folder while it is still making them:
/// each page's write makes the folders it needs, and never the staging folder itself.
final class StagingWriteTests: XCTestCase {
    private var staging: String!

    override func setUpWithError() throws {
        staging = FileManager.default.temporaryDirectory.appendingPathComponent("staging-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: staging, withIntermediateDirectories: false)
    }

    override func tearDownWithError() throws {
        try? FileManager.default.removeItem(atPath: staging)
    }

    private func text(_ path: String) -> String? {
        FileManager.default.contents(atPath: staging + "/" + path).map { String(decoding: $0, as: UTF8.self) }
    }

    func testAPageMakesTheFoldersNotMadeAheadOfIt() throws {
        try OutputWriter.write(Array("<p>deep</p>".utf8), at: Route("es/guides/forum/index.html"), in: staging)
        try OutputWriter.write(Array("<p>top</p>".utf8), at: Route("index.html"), in: staging)
        XCTAssertEqual(text("es/guides/forum/index.html"), "<p>deep</p>")
        XCTAssertEqual(text("index.html"), "<p>top</p>")
    }

    func testPagesMakeOnlyTheirOwnFolders() throws {
        for route in ["guides/forum/index.html", "guides/index.html", "index.html"] {
            try OutputWriter.write(Array("<p>\(route)</p>".utf8), at: Route(route), in: staging)
        }
        XCTAssertEqual(try FileManager.default.subpathsOfDirectory(atPath: staging).sorted(),
                       ["guides", "guides/forum", "guides/forum/index.html", "guides/index.html", "index.html"])
        XCTAssertEqual(text("guides/forum/index.html"), "<p>guides/forum/index.html</p>")
    }

    /// A staging folder removed under a running build is a failure, never a new, incomplete site.
    func testAStagingFolderThatIsGoneIsNotMadeAgain() throws {
        try FileManager.default.removeItem(atPath: staging)
        XCTAssertThrowsError(try OutputWriter.write(Array("x".utf8), at: Route("guides/forum/index.html"), in: staging))
        XCTAssertThrowsError(try OutputWriter.write(Array("x".utf8), at: Route("index.html"), in: staging))
        XCTAssertFalse(FileManager.default.fileExists(atPath: staging))
    }
}
