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

    static func run(_ arguments: [String], in folder: String, withErrors: Bool = false) throws(Failure) -> Run {
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
    static func output(_ arguments: [String], in folder: String) -> Data? {
        guard let run = try? run(arguments, in: folder), run.status == 0 else { return nil }
        return run.output
    }

    /// Whether `folder` is in a git work tree.
    static func isWorkTree(_ folder: String) -> Bool {
        output(["rev-parse", "--is-inside-work-tree"], in: folder).map { String(decoding: $0, as: UTF8.self).hasPrefix("true") } ?? false
    }
}
