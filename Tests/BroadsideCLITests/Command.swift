import Foundation

/// What a command printed, and how it ended.
struct Command {
    var status: Int32
    var stdout: String
    var stderr: String

    /// Runs `executable` in `folder` and waits. Output and errors are read to the end before
    /// waiting, so a chatty command cannot block on a full pipe.
    static func run(_ executable: String, _ arguments: [String], in folder: URL, environment: [String: String]? = nil) throws -> Command {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.currentDirectoryURL = folder
        if let environment { process.environment = environment }
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let errors = ErrorReader(err.fileHandleForReading)
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Command(status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self), stderr: errors.text())
    }
}

/// Reads a pipe on its own thread while the other pipe is read on this one.
private final class ErrorReader: @unchecked Sendable {
    private var data = Data()
    private let done = DispatchSemaphore(value: 0)

    init(_ handle: FileHandle) {
        Thread.detachNewThread { [self] in
            data = handle.readDataToEndOfFile()
            done.signal()
        }
    }

    func text() -> String {
        done.wait()
        return String(decoding: data, as: UTF8.self)
    }
}
