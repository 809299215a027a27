import Foundation
import XCTest

/// What WeasyPrint may read into a PDF, and that a PDF is the same bytes from build to build.
/// Builds small sites written here with the real binary, then reads the PDFs back with poppler
/// (pdfimages, pdftotext): `make test` installs both, and WeasyPrint.
final class PDFSafetyTests: XCTestCase {
    private var root: URL!
    /// A folder beside the project, standing in for any other file on the machine.
    private var outside: URL!

    /// Tiny PNGs told apart by their size in `pdfimages -list`: 3 × 2 inside the project,
    /// 5 × 4 outside it.
    private static let insidePNG = Data(base64Encoded: "iVBORw0KGgoAAAANSUhEUgAAAAMAAAACCAIAAAASFvFNAAAAD0lEQVR42mNgaGCAIjgLAB4UAwH6YUI1AAAAAElFTkSuQmCC")!
    private static let outsidePNG = Data(base64Encoded: "iVBORw0KGgoAAAANSUhEUgAAAAUAAAAECAIAAADJUWIXAAAAEUlEQVR42mP4z8CAjBhI5AMAkcoT7cFhS5sAAAAASUVORK5CYII=")!

    override func setUpWithError() throws {
        try BuildCommandTests.requireTools(["pdfimages", "pdftotext", "pdfinfo"].map { "/usr/bin/" + $0 })
        let temporary = FileManager.default.temporaryDirectory
        root = temporary.appendingPathComponent("broadside-pdf-safety-\(UUID().uuidString)")
        outside = temporary.appendingPathComponent("broadside-outside-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: outside, withIntermediateDirectories: true)
        guard try Command.run("/usr/bin/env", ["python3", "-c", "import weasyprint"], in: outside).status == 0 else {
            throw XCTSkip("WeasyPrint is not installed: `make test` installs it")
        }
    }

    override func tearDownWithError() throws {
        for folder in [root, outside].compactMap({ $0 }) { try? FileManager.default.removeItem(at: folder) }
    }

    /// Writes a site whose one handout has `body` (with an image inside Content/ first).
    /// Without `base_url`: with it, a handout's images are addressed online, which WeasyPrint
    /// (offline) does not load at all.
    private func writeSite(rawHTML: Bool, body: String, checks: String = "") throws {
        func write(_ text: String, _ path: String) throws {
            let file = root.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: file)
        }
        try write("title: Safety Fixture\nraw_html: \(rawHTML)\n" + checks, "Site/site.yml")
        try write("---\ntitle: Home\nsummary: The home page.\n---\n\nHello.\n", "Content/index.md")
        try write("---\ntitle: The rule\nsummary: A rule.\nhandout: true\n---\n\n![A green square](inside.png)\n\n" + body, "Content/laws/rule.md")
        try Self.insidePNG.write(to: root.appendingPathComponent("Content/laws/inside.png"))
    }

    private func build(_ arguments: String...) throws -> (status: Int32, output: String) {
        let result = try Command.run(BuildCommandTests.binary.path, ["build", "--pdf", "require"] + arguments, in: root)
        return (result.status, result.stderr + result.stdout)
    }

    /// `pdfimages -list`: each image's width × height, in order.
    private func imageSizes(_ pdf: URL) throws -> [String] {
        let list = try Command.run("/usr/bin/pdfimages", ["-list", pdf.path], in: root).stdout
        return list.split(separator: "\n").dropFirst(2).map { line in
            let fields = line.split(separator: " ")
            return "\(fields[3])x\(fields[4])"
        }
    }

    func testAPDFLoadsNoFileOutsideTheSiteAndSaysWhatItLeftOut() throws {
        try Self.outsidePNG.write(to: outside.appendingPathComponent("secret.png"))
        try Data(#"body::after { content: "OUTSIDE-CSS-SECRET"; }"#.utf8).write(to: outside.appendingPathComponent("secret.css"))
        try Data(#"<svg xmlns="http://www.w3.org/2000/svg" width="200" height="40"><text x="0" y="20">OUTSIDE-SVG-SECRET</text></svg>"#.utf8)
            .write(to: outside.appendingPathComponent("secret.svg"))
        let secret = outside.appendingPathComponent("secret.png").path
        let project = root.path
        // Every way raw HTML can name the outside files: an absolute file: address, a
        // stylesheet, a CSS url(), percent-escaped `..` from inside Content/, and a symbolic
        // link inside Content/ to a file outside.
        let attempts = [
            "file://\(secret)",
            "file://\(outside.appendingPathComponent("secret.css").path)",
            "file://\(outside.appendingPathComponent("secret.svg").path)",
            "file://\(project)/Content/%2e%2e/%2e%2e/\(outside.lastPathComponent)/secret.png",
            "file://\(project)/Content/laws/linked.png",
        ]
        let body = """
            <img src="\(attempts[0])" alt="secret">
            <link rel="stylesheet" href="\(attempts[1])">
            <img src="\(attempts[2])" alt="secret drawing">
            <div style="width: 20px; height: 20px; background: url('\(attempts[3])')"></div>
            <img src="\(attempts[4])" alt="linked secret">

            """
        try writeSite(rawHTML: true, body: body)
        try FileManager.default.createSymbolicLink(at: root.appendingPathComponent("Content/laws/linked.png"), withDestinationURL: URL(fileURLWithPath: secret))

        // By default a refused file is an error naming the page, and Output/ is not written.
        let refused = try build()
        XCTAssertEqual(refused.status, 1, refused.output)
        for url in attempts {
            XCTAssertTrue(refused.output.contains("Content/laws/rule.md:1:1: error: handouts/laws-rule.pdf may not load \(url), which is outside the site's folders: it was left out [print/blocked-file]"),
                          "\(url) is not reported:\n\(refused.output)")
        }
        XCTAssertFalse(FileManager.default.fileExists(atPath: root.appendingPathComponent("Output").path))

        // Made a warning, the build publishes the PDF: the image inside Content/ is in it, none
        // of the outside files is, and the warnings come again from the PDF cache.
        try writeSite(rawHTML: true, body: body, checks: "checks:\n  print/blocked-file: warning\n")
        let warned = try build()
        XCTAssertEqual(warned.status, 0, warned.output)
        XCTAssertEqual(warned.output.components(separatedBy: "[print/blocked-file]").count - 1, attempts.count, warned.output)
        XCTAssertTrue(warned.output.contains("warning: handouts/laws-rule.pdf may not load \(attempts[0])"), warned.output)
        let pdf = root.appendingPathComponent("Output/handouts/laws-rule.pdf")
        XCTAssertEqual(try imageSizes(pdf), ["3x2"])
        let text = try Command.run("/usr/bin/pdftotext", [pdf.path, "-"], in: root).stdout
        XCTAssertTrue(text.contains("The rule"), text)
        XCTAssertFalse(text.contains("OUTSIDE-CSS-SECRET"), text)
        XCTAssertFalse(text.contains("OUTSIDE-SVG-SECRET"), text)
    }

    func testTwoCleanBuildsMakeTheSamePDFBytes() throws {
        try writeSite(rawHTML: false, body: "Words under the picture.\n")
        var pdfs: [Data] = []
        // Each build into a new output folder with no PDF cache: the staging folder (named
        // after the output folder and the process) differs, as between two clean builds.
        for output in ["First", "Second"] {
            try? FileManager.default.removeItem(at: root.appendingPathComponent(".broadside-cache"))
            let result = try build("--output", output)
            XCTAssertEqual(result.status, 0, result.output)
            let pdf = root.appendingPathComponent("\(output)/handouts/laws-rule.pdf")
            XCTAssertEqual(try imageSizes(pdf), ["3x2"], "the handout's image is in the PDF")
            pdfs.append(try Data(contentsOf: pdf))
        }
        XCTAssertEqual(pdfs[0], pdfs[1], "two clean builds made different PDFs")
        // Nothing of the build's moment either: no creation date, and no /ID (which would be
        // in the trailer, never compressed).
        let info = try Command.run("/usr/bin/pdfinfo", [root.appendingPathComponent("First/handouts/laws-rule.pdf").path], in: root).stdout
        XCTAssertTrue(info.contains("Pages:"), info)
        XCTAssertFalse(info.contains("CreationDate:"), info)
        XCTAssertFalse(String(decoding: pdfs[0], as: UTF8.self).contains("/ID"))
    }
}
