import Foundation
import XCTest

/// Reads a built site's PDFs back the way a person checks a print job: page counts (pdfinfo),
/// the words on a page (pdftotext) and its QR codes (pdftoppm + zbarimg).
struct PrintedOutput {
    let root: URL
    var output: URL { root.appendingPathComponent("Output") }

    static func requireTools() throws {
        try BuildCommandTests.requireTools(["pdfinfo", "pdftotext", "pdftoppm", "zbarimg"].map { "/usr/bin/" + $0 })
    }

    private func run(_ tool: String, _ arguments: [String]) throws -> Command {
        try Command.run(tool, arguments, in: root)
    }

    func pages(_ pdf: String) throws -> Int {
        let info = try run("/usr/bin/pdfinfo", [output.appendingPathComponent(pdf).path]).stdout
        let line = info.split(separator: "\n").first { $0.hasPrefix("Pages:") } ?? ""
        return Int(line.dropFirst("Pages:".count).trimmingCharacters(in: .whitespaces)) ?? -1
    }

    /// The words as laid out on the page; with `layout: false`, in the order the PDF holds
    /// them, which keeps a sentence whole when two columns sit side by side.
    func text(_ pdf: String, page: Int, layout: Bool = true) throws -> String {
        try run("/usr/bin/pdftotext", ["-f", "\(page)", "-l", "\(page)", layout ? "-layout" : "-raw", output.appendingPathComponent(pdf).path, "-"]).stdout
    }

    /// Each word on a page with where it starts across the page, in points (`pdftotext -bbox`).
    func words(_ pdf: String, page: Int) throws -> [(text: String, x: Double)] {
        let html = try run("/usr/bin/pdftotext", ["-f", "\(page)", "-l", "\(page)", "-bbox", output.appendingPathComponent(pdf).path, "-"]).stdout
        let word = /<word xMin="([0-9.]+)" yMin="[0-9.]+" xMax="[0-9.]+" yMax="[0-9.]+">([^<]*)<\/word>/
        return html.matches(of: word).compactMap { match in Double(match.1).map { (String(match.2), $0) } }
    }

    func qrCodes(_ pdf: String, page: Int) throws -> [String] {
        let prefix = root.appendingPathComponent("scan-\(page)").path
        _ = try run("/usr/bin/pdftoppm", ["-f", "\(page)", "-l", "\(page)", "-r", "150", "-png", "-singlefile",
                                          output.appendingPathComponent(pdf).path, prefix])
        return try run("/usr/bin/zbarimg", ["--quiet", "--raw", "-Sdisable", "-Sqrcode.enable", prefix + ".png"])
            .stdout.split(separator: "\n").map(String.init)
    }
}
