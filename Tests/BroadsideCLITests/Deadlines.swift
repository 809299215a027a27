import Foundation

/// Every wait in these tests has a deadline: a process that hangs fails its test with a
/// message naming it, and is killed, instead of holding CI until its own time runs out.
struct DeadlineExceeded: Error, CustomStringConvertible {
    var description: String
}

extension Process {
    /// Waits until the process ends, `seconds` at most. Past that it is killed (SIGKILL, so
    /// nothing lingers) and `DeadlineExceeded` is thrown, naming `what`.
    func waitUntilExit(within seconds: TimeInterval, _ what: @autoclosure () -> String = "") throws {
        let deadline = Date().addingTimeInterval(seconds)
        while isRunning && Date() < deadline { usleep(5_000) }
        guard isRunning else { return }
        let name = what().isEmpty ? (executableURL?.lastPathComponent ?? "a process") : what()
        kill(processIdentifier, SIGKILL)
        // A killed process ends at once; the bound is only so this wait has one too.
        let killed = Date().addingTimeInterval(10)
        while isRunning && Date() < killed { usleep(5_000) }
        throw DeadlineExceeded(description: "\(name) was still running after \(Int(seconds)) s, and was killed")
    }
}

/// Reads a pipe to its end on a thread of its own, so that a process writing a lot never
/// blocks on a full pipe while the test waits for it.
final class PipeReader: @unchecked Sendable {
    private var data = Data()
    private let done = DispatchSemaphore(value: 0)

    init(_ handle: FileHandle) {
        Thread.detachNewThread { [self] in
            data = handle.readDataToEndOfFile()
            done.signal()
        }
    }

    /// Everything read, once the pipe's writers have all closed it, `seconds` at most: a
    /// process the command started may outlive it and keep the pipe open.
    func text(within seconds: TimeInterval, _ what: @autoclosure () -> String) throws -> String {
        guard done.wait(timeout: .now() + seconds) == .success else {
            throw DeadlineExceeded(description: "\(what()): its output was still open \(Int(seconds)) s after it ended")
        }
        return String(decoding: data, as: UTF8.self)
    }
}
