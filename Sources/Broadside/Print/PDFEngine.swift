import Foundation
import Synchronization

/// How a build treats PDFs: `auto` makes them when WeasyPrint is installed and says once how
/// to install it when not; `require` makes its absence an error; `off` skips them.
public enum PDFMode: String, Sendable, CaseIterable {
    case auto, require, off
}

/// WeasyPrint, run as a few `python3 render_pdf.py` workers (see `PDFWorker`), one per core,
/// each loading only files inside the staging folder and the allowed folders.
struct PDFEngine: Sendable {
    let python: String
    let script: URL
    /// Seconds a document may take before its worker is killed.
    var deadline: TimeInterval = 120

    /// Finds Python with WeasyPrint importable and writes the render script into `cache`.
    static func find(cache: URL) -> PDFEngine? {
        let python = "/usr/bin/env"
        let check = "import sys, weasyprint; sys.exit(weasyprint.__version__ != '\(version)')"
        guard (try? run(python, ["python3", "-c", check])) == 0 else { return nil }
        let script = cache.appendingPathComponent("render_pdf.py")
        do {
            try FileManager.default.createDirectory(at: cache, withIntermediateDirectories: true)
            try Data(PackageResources.render_pdf_py).write(to: script)
        } catch {
            return nil
        }
        return PDFEngine(python: python, script: script)
    }

    /// The WeasyPrint the worker is written for (it extends the PDF tags WeasyPrint makes);
    /// `make site` installs it.
    static let version = "70.0"

    /// A document to render: `html`, which lies in `staging`, to `pdf`, loading only files in
    /// `staging` and `folders`.
    struct Job: Sendable, Encodable {
        var html: String
        var pdf: String
        var staging: String
        var folders: [String]
    }

    /// What a render made: its page count, the addresses it refused to load, and the data
    /// tables wider than the page's text area.
    struct Rendering: Sendable, Equatable, Codable {
        var pages: Int
        var blocked: [String]
        var overflows: [Overflow]
        var missing: [MissingCharacter]
    }

    /// A character no installed font has, and the words where it first appears.
    struct MissingCharacter: Sendable, Equatable, Codable {
        var character: String
        var words: String
    }

    /// A data table wider than the page: `cut` of its `columns` reach past the right margin,
    /// `off` of them start past the paper's edge.
    struct Overflow: Sendable, Equatable, Codable {
        var name: String
        var columns: Int
        var cut: Int
        var off: Int
        /// `path:line` of the table, when the print HTML says.
        var source: String?
    }

    /// A worker's answer to a job: a rendering, or the engine's complaint.
    struct Answer: Decodable {
        var pages: Int?
        var blocked: [String]?
        var overflows: [Overflow]?
        var missing: [MissingCharacter]?
        var error: String?

        var result: Result<Rendering, PDFFailure> {
            guard let pages else { return .failure(PDFFailure(message: error ?? "the PDF engine gave no page count")) }
            return .success(Rendering(pages: pages, blocked: blocked ?? [], overflows: overflows ?? [], missing: missing ?? []))
        }
    }

    /// Renders `jobs` on one worker per core (fewer for fewer jobs), each taking the next job
    /// when it is done; a worker that dies or hangs fails its document, and a fresh one takes
    /// the rest. Errors of the workers are written beside the script.
    func render(_ jobs: [Job]) -> [Result<Rendering, PDFFailure>] {
        let lanes = min(jobs.count, ProcessInfo.processInfo.activeProcessorCount)
        // A worker that died closes its pipe: writing the next job must fail, not end the build.
        let signals = signal(SIGPIPE, SIG_IGN)
        defer { signal(SIGPIPE, signals) }
        let next = Mutex(0)
        let results = Mutex([Result<Rendering, PDFFailure>?](repeating: nil, count: jobs.count))
        DispatchQueue.concurrentPerform(iterations: lanes) { lane in
            let log = script.deletingLastPathComponent().appendingPathComponent("worker-\(lane).log")
            var worker: PDFWorker?
            while let index = next.withLock({ taken -> Int? in
                defer { taken += 1 }
                return taken < jobs.count ? taken : nil
            }) {
                let result: Result<Rendering, PDFFailure>
                if worker == nil { worker = try? PDFWorker(engine: self, log: log) }
                if let worker, let job = try? JSONEncoder().encode(jobs[index]) {
                    result = worker.render(job, deadline: deadline)
                } else {
                    result = .failure(PDFFailure(message: "could not start python3"))
                }
                if worker?.isAlive == false { worker = nil }
                results.withLock { $0[index] = result }
            }
            worker?.finish()
        }
        return results.withLock { $0.map { $0! } }
    }

    private static func run(_ executable: String, _ arguments: [String]) throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        return process.terminationStatus
    }
}

struct PDFFailure: Error {
    var message: String
}
