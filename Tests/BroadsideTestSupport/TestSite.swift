@testable import Broadside
import Foundation
import XCTest

/// A site for a test: files in memory (`TestSite(["Content/index.md": "…"])`) or a folder on
/// disk, built as `broadside build` builds, without writing anything.
public struct TestSite {
    private let options: BuildOptions
    private let io: FileIO

    /// A site of `files` (paths from the project folder: `Content/…`, `Site/…`), each committed
    /// at the time `commitTimes` gives it, if any.
    public init(_ files: [String: String], commitTimes: [String: Int] = [:], options: BuildOptions = BuildOptions()) {
        self.options = options
        io = .memory(files, commitTimes: commitTimes)
    }

    /// The site in `folder`.
    public init(folder: URL, includeDrafts: Bool = false, pdf: PDFMode = .auto, today: Day? = nil) {
        options = BuildOptions(root: folder.path, includeDrafts: includeDrafts, pdf: pdf, today: today)
        io = .disk
    }

    /// The day the golden sites are built on, so that freshness findings do not change with the calendar.
    public static let fixedDay = Day(year: 2026, month: 11, day: 29)

    /// The diagnostics and the rendered pages.
    public func build() -> Build.Result {
        Build(options: options, io: io).run(write: false)
    }
}

extension Build.Result {
    /// Every message as printed, in order, with `folder/` taken off the paths.
    public func messages(in folder: URL? = nil) -> [String] {
        let descriptions = diagnostics.sorted.map(\.description)
        guard let folder else { return descriptions }
        return descriptions.map { $0.replacingOccurrences(of: folder.path + "/", with: "") }
    }

    /// The text built at `route` (`laws/asylum/index.html`); fails the test when there is none.
    public func page(_ route: String, file: StaticString = #filePath, line: UInt = #line) throws -> String {
        try XCTUnwrap(site?.texts[Route(route)], "no page at \(route): \(diagnostics.all)", file: file, line: line)
    }
}
