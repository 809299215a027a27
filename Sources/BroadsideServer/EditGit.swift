import Foundation
import Synchronization

/// `git` run for the editor, with arguments (never a shell) and a deadline: a repository on a
/// slow disk or a waiting credential helper must not hold a request forever.
enum EditGit {
    /// git's output when it exits 0 within `seconds`; nil when it fails, is missing or is too slow.
    static func run(_ arguments: [String], in folder: String, within seconds: Double = 10) -> Data? {
        let git = Process()
        git.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        git.arguments = ["git", "-c", "core.quotepath=off", "-C", folder] + arguments
        git.environment = ProcessInfo.processInfo.environment.merging(["GIT_TERMINAL_PROMPT": "0"]) { _, new in new }
        let output = Pipe()
        git.standardOutput = output
        git.standardError = FileHandle.nullDevice
        git.standardInput = FileHandle.nullDevice
        let read = Mutex(Data())
        let done = DispatchSemaphore(value: 0)
        do { try git.run() } catch { return nil }
        DispatchQueue.global().async {
            let data = output.fileHandleForReading.readDataToEndOfFile()
            read.withLock { $0 = data }
            done.signal()
        }
        guard done.wait(timeout: .now() + seconds) == .success else {
            git.terminate()
            return nil
        }
        git.waitUntilExit()
        return git.terminationStatus == 0 ? read.withLock { $0 } : nil
    }

    /// Whether `folder` is in a git work tree.
    static func isWorkTree(_ folder: String) -> Bool {
        run(["rev-parse", "--is-inside-work-tree"], in: folder).map { String(decoding: $0, as: UTF8.self).hasPrefix("true") } ?? false
    }
}
