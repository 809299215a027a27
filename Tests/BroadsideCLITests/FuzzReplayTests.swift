import BroadsideTestSupport
import Foundation
import XCTest

/// The fuzz harness, built normally, replays the seed corpus and every input that once crashed
/// it (Tests/fuzz/crashes/), so a fixed crash stays fixed.
final class FuzzReplayTests: XCTestCase {
    func testSavedInputsNoLongerCrash() throws {
        let fuzz = TestPaths.project.appendingPathComponent("Tests/fuzz")
        let replay = BuildCommandTests.binary.deletingLastPathComponent().appendingPathComponent("BroadsideFuzz")
        let inputs = try ["corpus", "crashes"].flatMap { folder in
            try FileManager.default.contentsOfDirectory(atPath: fuzz.appendingPathComponent(folder).path)
                .filter { $0 != "README.md" }.map { fuzz.appendingPathComponent("\(folder)/\($0)").path }
        }
        XCTAssertGreaterThan(inputs.count, 3)
        let run = try Command.run(replay.path, inputs, in: fuzz)
        XCTAssertEqual(run.status, 0, run.stderr)
        XCTAssertEqual(run.stdout, "replayed \(inputs.count) inputs\n")
    }
}
