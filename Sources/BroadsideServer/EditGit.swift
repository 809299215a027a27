import Foundation
import Synchronization

/// `git` run for the editor, with arguments (never a shell), in the project folder, with a
/// deadline: a repository on a slow disk, a hook or a held lock must not hold a request forever,
/// and git never waits for a password or an editor no one can see.
enum EditGit {
    struct Run {
        var status: Int32
        /// Standard output, and standard error after it when asked: git's words for the person editing.
        var output: Data
        var text: String { String(decoding: output, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines) }
    }

    enum Failure: Error {
        case notStarted(String)
        case tooSlow
    }

    /// How long one git command may take.
    static let deadline: TimeInterval = 10

    /// On a thread of its own: git may take seconds, which the server's other requests do not wait for.
    static func run(_ arguments: [String], in folder: String, withErrors: Bool = false) async throws(Failure) -> Run {
        let result: Result<Run, Failure> = await withCheckedContinuation { done in
            DispatchQueue.global(qos: .userInitiated).async {
                done.resume(returning: Result { () throws(Failure) in try waitFor(arguments, in: folder, withErrors: withErrors) })
            }
        }
        return try result.get()
    }

    private static func waitFor(_ arguments: [String], in folder: String, withErrors: Bool) throws(Failure) -> Run {
        let git = Process()
        git.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        git.arguments = ["git", "-c", "core.quotepath=off", "-C", folder] + arguments
        git.environment = ProcessInfo.processInfo.environment.merging(["GIT_TERMINAL_PROMPT": "0", "GIT_EDITOR": "true"]) { _, new in new }
        let output = Pipe()
        git.standardOutput = output
        git.standardError = withErrors ? output : FileHandle.nullDevice
        git.standardInput = FileHandle.nullDevice
        let finished = DispatchSemaphore(value: 0)
        git.terminationHandler = { _ in finished.signal() }
        do { try git.run() } catch { throw .notStarted(error.localizedDescription) }
        let read = Mutex(Data())
        let drained = DispatchSemaphore(value: 0)
        let handle = output.fileHandleForReading
        DispatchQueue.global().async {
            let data = handle.readDataToEndOfFile()
            read.withLock { $0 = data }
            drained.signal()
        }
        let end = DispatchTime.now() + deadline
        guard finished.wait(timeout: end) == .success else {
            git.terminate()
            throw .tooSlow
        }
        // A process git left running may hold the pipe open: its words are then not waited for.
        let data = drained.wait(timeout: end) == .success ? read.withLock { $0 } : Data()
        return Run(status: git.terminationStatus, output: data)
    }

    /// git's output when it succeeds; nil when it fails, cannot start or is too slow.
    static func output(_ arguments: [String], in folder: String) async -> Data? {
        guard let run = try? await run(arguments, in: folder), run.status == 0 else { return nil }
        return run.output
    }

    /// Whether `folder` is in a git work tree.
    static func isWorkTree(_ folder: String) async -> Bool {
        await output(["rev-parse", "--is-inside-work-tree"], in: folder).map { String(decoding: $0, as: UTF8.self).hasPrefix("true") } ?? false
    }
}
