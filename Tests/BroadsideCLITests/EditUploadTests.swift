import Foundation
import XCTest

/// `broadside serve --edit` taking an image: saved under a safe name beside the pages, never
/// over a file, with its alternative text in the Markdown; everything else refused, nothing written.
final class EditUploadTests: XCTestCase {
    private var server: EditServer!
    private let png = Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13]) + Data("IHDR".utf8)
    private var guides: URL { server.root.appendingPathComponent("Content/guides") }

    override func setUpWithError() throws {
        server = try EditServer()
        try server.signIn()
    }

    override func tearDownWithError() throws {
        try server?.stop()
    }

    private func upload(_ data: Data, folder: String = "Content/guides", name: String = "photo.png", alt: String = "A room") throws -> EditServer.Answer {
        try server.post("/__edit/api/upload", ["folder": folder, "name": name, "alt": alt, "data": data.base64EncodedString()])
    }

    func testAnImageIsSavedUnderASafeNameNeverOverAFileWithItsAltText() throws {
        let first = try upload(png, name: "Room Photo (1) Señal.PNG", alt: "  A room,\n [with] chairs\\ ")
        XCTAssertEqual(first.status, 200, first.body)
        XCTAssertEqual(first.json["path"] as? String, "Content/guides/room-photo-1-senal.png")
        XCTAssertEqual(first.json["markdown"] as? String, #"![A room, [with\] chairs\\](room-photo-1-senal.png)"#)
        XCTAssertEqual(try Data(contentsOf: guides.appendingPathComponent("room-photo-1-senal.png")), png)
        let second = try upload(png, name: "room photo (1) señal.png")
        XCTAssertEqual(second.json["path"] as? String, "Content/guides/room-photo-1-senal-2.png")

        let room = try Data(contentsOf: guides.appendingPathComponent("room.png"))
        let jpeg = Data([0xFF, 0xD8, 0xFF, 0xE0]) + Data(repeating: 7, count: 20)
        let renamed = try upload(jpeg, name: "room.png")
        XCTAssertEqual(renamed.json["path"] as? String, "Content/guides/room.jpg", "the extension is the type the bytes show")
        XCTAssertEqual(try upload(png, name: "room.png").json["path"] as? String, "Content/guides/room-2.png", "room.png is there already")
        XCTAssertEqual(try Data(contentsOf: guides.appendingPathComponent("room.png")), room)
        let webp = Data("RIFF".utf8) + Data([1, 0, 0, 0]) + Data("WEBPVP8 ".utf8)
        XCTAssertEqual(try upload(webp, folder: "Content", name: "!!!").json["path"] as? String, "Content/image.webp")
        XCTAssertEqual(try upload(Data("GIF89a....".utf8), name: "a.gif").json["path"] as? String, "Content/guides/a.gif")
        XCTAssertEqual(try upload(png, name: "../../../etc/Évil name.png").json["path"] as? String, "Content/guides/evil-name.png", "a name is only a name")
        let dataURL = try server.post("/__edit/api/upload", ["folder": "Content/guides", "name": "b.gif", "alt": "B",
                                                             "data": "data:image/gif;base64," + Data("GIF87a..".utf8).base64EncodedString()])
        XCTAssertEqual(dataURL.json["path"] as? String, "Content/guides/b.gif", "a data URL, as FileReader gives it, is taken")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: guides.path).filter { $0.hasPrefix(".") }, [], "no temporary file left")
    }

    func testHostileUploadsAreRefusedAndNothingIsWritten() throws {
        let before = try FileManager.default.contentsOfDirectory(atPath: guides.path).sorted()
        let noAlt = try upload(png, alt: " \n ")
        XCTAssertEqual(noAlt.status, 400)
        XCTAssertEqual(noAlt.json["error"] as? String, "Describe the image for people who cannot see it: alternative text is required.")
        let svg = try upload(Data(#"<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>"#.utf8), name: "logo.svg")
        XCTAssertEqual(svg.status, 415)
        XCTAssertEqual(svg.json["error"] as? String,
                       "logo.svg is not a PNG, JPEG, GIF or WebP image: save it as one of those (SVG is not taken, since it can carry scripts).")
        XCTAssertEqual(try upload(Data("<html><script>alert(1)</script></html>".utf8), name: "page.png").status, 415)
        XCTAssertEqual(try server.post("/__edit/api/upload", ["folder": "Content/guides", "name": "x.png", "alt": "x", "data": "not base64!"]).status, 400)

        let outside = server.root.deletingLastPathComponent().appendingPathComponent("outside-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: outside, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: outside) }
        try FileManager.default.createSymbolicLink(at: guides.appendingPathComponent("away"), withDestinationURL: outside)
        for (folder, status) in [("Content/guides/away", 403), ("Content/../\(outside.lastPathComponent)", 400), ("../\(outside.lastPathComponent)", 400),
                                 ("Site", 403), (outside.path, 400), ("Content/%2e%2e", 400), ("Content/none", 404), ("Content/.hidden", 400)] {
            let answer = try upload(png, folder: folder)
            XCTAssertEqual(answer.status, status, "\(folder): \(answer.body)")
        }
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: outside.path), [])

        let huge = try server.send("POST", "/__edit/api/upload", ["Cookie: \(server.cookie)", "Origin: \(server.origin)", "X-Broadside-CSRF: \(server.csrf)",
                                                                  "Content-Length: \(9 * 1024 * 1024)"])
        XCTAssertEqual(huge.status, 413, "answered from the header, before the body")
        let body = String(decoding: try JSONSerialization.data(withJSONObject: ["folder": "Content/guides", "name": "x.png", "alt": "x", "data": png.base64EncodedString()]), as: UTF8.self)
        let forged = try server.send("POST", "/__edit/api/upload", ["Cookie: \(server.cookie)", "Origin: \(server.origin)", "X-Broadside-CSRF: wrong"], body: body)
        XCTAssertEqual(forged.status, 403)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: guides.path).sorted(), (before + ["away"]).sorted())
    }
}
