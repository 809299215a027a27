import Foundation

/// How a build treats PDFs: `auto` makes them when WeasyPrint is installed and says once how
/// to install it when not; `require` makes its absence an error; `off` skips them.
public enum PDFMode: String, Sendable, CaseIterable {
    case auto, require, off
}

/// WeasyPrint, run as `python3 render_pdf.py IN OUT STAGING FOLDER...`: one document per process,
/// loading only files inside the staging folder and the FOLDERs.
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

    /// What a render made: its page count, and the addresses it refused to load.
    struct Rendering: Sendable, Equatable {
        var pages: Int
        var blocked: [String]

        /// The script's lines: "blocked: URL" for each file refused, then the count.
        init?(lines: some Sequence<Substring>) {
            var blocked: [String] = []
            var last: Substring?
            for line in lines {
                if line.hasPrefix(Self.blockedPrefix) { blocked.append(String(line.dropFirst(Self.blockedPrefix.count))) }
                last = line
            }
            guard let last, let pages = Int(last.trimmed) else { return nil }
            (self.pages, self.blocked) = (pages, blocked)
        }

        static let blockedPrefix = "blocked: "

        /// The same lines, as the PDF cache keeps them beside the PDF.
        var lines: String {
            blocked.map { Self.blockedPrefix + $0 + "\n" }.joined() + "\(pages)\n"
        }
    }

    /// Renders `html`, which lies in `staging`, to `pdf`, loading only files in `staging` and
    /// `folders`; returns the page count and what was refused, or the engine's complaint.
    func render(_ html: URL, to pdf: URL, in staging: URL, allowing folders: [URL]) -> Result<Rendering, PDFFailure> {
        let arguments = ["python3", script.path, html.path, pdf.path, staging.path] + folders.map(\.path)
        guard let result = try? Self.run(python, arguments) else {
            return .failure(PDFFailure(message: "could not start python3"))
        }
        // The count is the script's last line; on failure the last line is the engine's complaint.
        let lines = result.output.split(separator: "\n")
        guard result.status == 0, let rendering = Rendering(lines: lines) else {
            return .failure(PDFFailure(message: lines.last.map(String.init) ?? "exit status \(result.status)"))
        }
        return .success(rendering)
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
