import Foundation

/// How a build treats PDFs: `auto` makes them when WeasyPrint is installed and says once how
/// to install it when not; `require` makes its absence an error; `off` skips them.
public enum PDFMode: String, Sendable, CaseIterable {
    case auto, require, off
}

/// WeasyPrint, run as `python3 render_pdf.py IN OUT`: one document per process.
struct PDFEngine: Sendable {
    let python: String
    let script: URL

    /// Finds Python with WeasyPrint importable and writes the small render script into `cache`.
    static func find(cache: URL) -> PDFEngine? {
        let python = "/usr/bin/env"
        guard (try? run(python, ["python3", "-c", "import weasyprint"]))?.status == 0 else { return nil }
        let script = cache.appendingPathComponent("render_pdf.py")
        do {
            try FileManager.default.createDirectory(at: cache, withIntermediateDirectories: true)
            try Data(PackageResources.render_pdf_py).write(to: script)
        } catch {
            return nil
        }
        return PDFEngine(python: python, script: script)
    }

    /// Renders `html` to `pdf` and returns the page count, or the engine's complaint.
    func render(_ html: URL, to pdf: URL) -> Result<Int, PDFFailure> {
        guard let result = try? Self.run(python, ["python3", script.path, html.path, pdf.path]) else {
            return .failure(PDFFailure(message: "could not start python3"))
        }
        // The count is the script's last line; on failure the last line is the engine's complaint.
        let lastLine = result.output.split(separator: "\n").last.map(String.init) ?? "exit status \(result.status)"
        guard result.status == 0, let pages = Int(lastLine.trimmed) else {
            return .failure(PDFFailure(message: lastLine))
        }
        return .success(pages)
    }

    /// Runs a command with its output and errors in one pipe, read to the end before waiting
    /// so a chatty engine cannot block on a full pipe.
    private static func run(_ executable: String, _ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: output, as: UTF8.self))
    }
}

struct PDFFailure: Error {
    var message: String
}
