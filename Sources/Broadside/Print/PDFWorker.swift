import Foundation
import Synchronization

/// One long-lived WeasyPrint process (`python3 render_pdf.py`): it takes a job as a line of
/// JSON on its input and answers with a line of JSON, so Python, WeasyPrint and the fonts are
/// loaded once for all the documents it renders. Used by one thread at a time.
final class PDFWorker {
    private let process: Process
    private let input: FileHandle
    private let answers: Answers
    /// What the worker wrote to its errors: its last line says why, when it dies.
    private let log: URL
    /// False once the worker died or was killed: it takes no more jobs.
    private(set) var isAlive = true

    /// Workers start one at a time (see `init`).
    private static let starting = Mutex(())

    init(engine: PDFEngine, log: URL) throws {
        self.log = log
        _ = FileManager.default.createFile(atPath: log.path, contents: nil)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: engine.python)
        process.arguments = ["python3", engine.script.path]
        // Only this worker may hold its pipes: a sibling that kept a copy of this one's output
        // would keep it open after this worker died, and the death would look like a hang. So
        // the pipes are closed in every program started (the worker's own stdin, stdout and
        // stderr are copies made for it, which stay open), and no other worker starts between
        // their making and that mark.
        let (input, output) = try Self.starting.withLock { _ in
            let toWorker = Pipe(), fromWorker = Pipe()
            let errors = try FileHandle(forWritingTo: log)
            for handle in [toWorker.fileHandleForReading, toWorker.fileHandleForWriting, fromWorker.fileHandleForReading,
                           fromWorker.fileHandleForWriting, errors] {
                _ = fcntl(handle.fileDescriptor, F_SETFD, FD_CLOEXEC)
            }
            (process.standardInput, process.standardOutput, process.standardError) = (toWorker, fromWorker, errors)
            try process.run()
            try? errors.close()  // the worker has its own copy
            return (toWorker.fileHandleForWriting, fromWorker.fileHandleForReading)
        }
        (self.process, self.input, self.answers) = (process, input, Answers(output))
    }

    /// Sends `job` and waits for its answer at most `deadline` seconds; a worker that does not
    /// answer by then is killed, so that one document cannot hang the build.
    func render(_ job: Data, deadline: TimeInterval) -> Result<PDFEngine.Rendering, PDFFailure> {
        do {
            try input.write(contentsOf: job + Data("\n".utf8))
        } catch {
            return .failure(stopped())
        }
        // The answer is read on another thread, so that this one can stop waiting for it.
        let answered = DispatchSemaphore(value: 0)
        let answers = self.answers
        DispatchQueue.global().async {
            answers.readNext()
            answered.signal()
        }
        if answered.wait(timeout: .now() + deadline) == .timedOut {
            kill(process.processIdentifier, SIGKILL)
            _ = answered.wait(timeout: .now() + 10)  // the pipe closes with the process: the read ends
            isAlive = false
            process.waitUntilExit()
            return .failure(PDFFailure(message: "the PDF engine did not finish it within \(Int(deadline)) seconds, and was stopped"))
        }
        guard let line = answers.taken() else { return .failure(stopped()) }
        guard let answer = try? JSONDecoder().decode(PDFEngine.Answer.self, from: line) else {
            return .failure(PDFFailure(message: "the PDF engine answered something unreadable: \(String(decoding: line.prefix(200), as: UTF8.self))"))
        }
        return answer.result
    }

    /// Closes the worker's input, which ends it, and waits for it.
    func finish() {
        try? input.close()
        if isAlive { waitForExit() }
        isAlive = false
    }

    /// Waits at most `seconds` for the worker to end, then kills it: one that hangs on its way
    /// out must not hang the build.
    private func waitForExit(within seconds: TimeInterval = 10) {
        let end = Date() + seconds
        while process.isRunning && Date() < end { usleep(10_000) }
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
    }


    /// Why a worker that stopped answering did: its exit status and the last line it wrote.
    private func stopped() -> PDFFailure {
        isAlive = false
        waitForExit()
        let last = (try? String(contentsOf: log, encoding: .utf8))?.split(separator: "\n").last.map { ": \($0)" } ?? ""
        return PDFFailure(message: "the PDF engine stopped (exit status \(process.terminationStatus))\(last)")
    }
}

/// A worker's answers, a line each, read off its output by one thread and taken by another.
private final class Answers: Sendable {
    private let output: FileHandle
    /// Bytes read past the last answer's newline, and the last answer read (nil when the
    /// worker ended first).
    private let state = Mutex((pending: Data(), line: Data?.none))

    init(_ output: FileHandle) {
        self.output = output
    }

    /// Reads the worker's next line; `taken()` then returns it.
    func readNext() {
        state.withLock { state in
            state.line = nil
            while true {
                if let newline = state.pending.firstIndex(of: UInt8(ascii: "\n")) {
                    state.line = Data(state.pending[state.pending.startIndex..<newline])
                    state.pending = Data(state.pending[(newline + 1)...])
                    return
                }
                let chunk = output.availableData
                if chunk.isEmpty { return }
                state.pending.append(chunk)
            }
        }
    }

    func taken() -> Data? {
        state.withLock { $0.line }
    }
}
