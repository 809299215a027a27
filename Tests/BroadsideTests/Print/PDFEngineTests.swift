@testable import Broadside
import Foundation
import XCTest

/// The workers' contract, with a stand-in for WeasyPrint: a worker that dies fails its document
/// with the reason it gave, one that hangs is killed at the deadline, and a fresh worker renders
/// the documents after either.
final class PDFEngineTests: XCTestCase {
    private var folder: URL!

    override func setUpWithError() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("broadside-engine-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws {
        if let folder { try? FileManager.default.removeItem(at: folder) }
    }

    func testAWorkerThatDiesOrHangsFailsOnlyItsDocument() throws {
        let script = folder.appendingPathComponent("render_pdf.py")
        try Data("""
        import json, os, sys, time
        for line in sys.stdin:
            html = json.loads(line)["html"]
            if html == "dies.html":
                print("MemoryError: the page was too big", file=sys.stderr, flush=True)
                os._exit(3)
            if html == "hangs.html":
                time.sleep(600)
            print(json.dumps({"pages": len(html), "blocked": [], "overflows": []}), flush=True)

        """.utf8).write(to: script)
        let engine = PDFEngine(python: "/usr/bin/env", script: script, deadline: 3)
        let names = ["a.html", "dies.html", "bb.html", "hangs.html", "ccc.html", "dddd.html"]
        let results = engine.render(names.map { PDFEngine.Job(html: $0, pdf: $0 + ".pdf", staging: folder.path, folders: []) })
        let described = results.map { result -> String in
            switch result {
            case .success(let rendering): "\(rendering.pages) pages"
            case .failure(let failure): failure.message
            }
        }
        XCTAssertEqual(described, ["6 pages", "the PDF engine stopped (exit status 3): MemoryError: the page was too big", "7 pages",
                                   "the PDF engine did not finish it within 3 seconds, and was stopped", "8 pages", "9 pages"])
    }
}
