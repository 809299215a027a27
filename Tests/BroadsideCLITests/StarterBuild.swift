import BroadsideTestSupport
import Foundation
import XCTest

/// The starter toolkit built once, with every PDF, for all the tests that read it: its PDFs
/// take most of a minute. The folder goes when the test run ends.
enum StarterBuild {
    nonisolated(unsafe) private static var built: Result<URL, Error>?

    /// Output/ of the starter, built with `--pdf require`.
    static func output() throws -> URL {
        guard (try? Command.run("/usr/bin/env", ["python3", "-c", "import weasyprint"], in: TestPaths.project))?.status == 0 else {
            throw XCTSkip("WeasyPrint is missing: `make test` installs it")
        }
        if built == nil {
            built = Result {
                let output = FileManager.default.temporaryDirectory.appendingPathComponent("broadside-starter-\(UUID().uuidString)/Output")
                XCTestObservationCenter.shared.addTestObserver(Cleanup(folder: output.deletingLastPathComponent()))
                let build = try Command.run(BuildCommandTests.binary.path, ["build", "--pdf", "require", "--output", output.path], in: TestPaths.project)
                guard build.status == 0 else { throw Failed(description: "the starter did not build:\n" + build.stderr) }
                return output
            }
        }
        return try built!.get()
    }

    private struct Failed: Error, CustomStringConvertible {
        var description: String
    }

    private final class Cleanup: NSObject, XCTestObservation {
        let folder: URL
        init(folder: URL) { self.folder = folder }
        func testBundleDidFinish(_ testBundle: Bundle) { try? FileManager.default.removeItem(at: folder) }
    }
}
