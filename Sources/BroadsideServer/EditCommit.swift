import Broadside
import Foundation
import Synchronization

/// `POST /__edit/api/commit`: "Save and commit": one file committed with the person's message,
/// by running git with arguments (never through a shell) in the project folder.
struct EditCommit {
    let folders: EditFolders
    /// A git that waits longer (a hook, a lock held) is stopped and its words reported.
    static let deadline: TimeInterval = 10

    /// On a thread of its own: git may take seconds, which the server's other requests do not wait for.
    func commit(_ request: EditMessages.Commit) async throws(EditRefusal) -> EditMessages.Committed {
        let result: Result<EditMessages.Committed, EditRefusal> = await withCheckedContinuation { done in
            DispatchQueue.global(qos: .userInitiated).async {
                done.resume(returning: Result { () throws(EditRefusal) in try run(request) })
            }
        }
        return try result.get()
    }

    private func run(_ request: EditMessages.Commit) throws(EditRefusal) -> EditMessages.Committed {
        let message = request.message.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !message.isEmpty else {
            throw EditRefusal(status: 400, message: "Write a message that says what changed, for the project's history.")
        }
        let file = try folders.check(request.path)
        let inside = try git(["rev-parse", "--is-inside-work-tree"])
        guard inside.status == 0 else { throw refusal(inside, "The site's folder is not in a git repository, so there is nothing to commit to") }
        let added = try git(["add", "--", file.path])
        guard added.status == 0 else { throw refusal(added, "git could not add \(file.path)") }
        let committed = try git(["commit", "--quiet", "-m", message, "--", file.path])
        guard committed.status == 0 else {
            let words = committed.output
            if words.contains("Please tell me who you are") || words.contains("empty ident") || words.contains("unable to auto-detect email") {
                throw EditRefusal(status: 409, message: "git does not know who is committing. In a terminal, in the site's folder, run: git config user.name \"Your Name\" and git config user.email \"you@example.org\"")
            }
            throw refusal(committed, "Nothing was committed")
        }
        let head = try git(["rev-parse", "--short", "HEAD"])
        return EditMessages.Committed(commit: head.output.trimmingCharacters(in: .whitespacesAndNewlines))
    }

    private func refusal(_ run: (status: Int32, output: String), _ what: String) -> EditRefusal {
        EditRefusal(status: 409, message: "\(what): \(run.output.trimmingCharacters(in: .whitespacesAndNewlines))")
    }

    /// Runs git in the project folder; its status and what it printed (standard output and
    /// error together, as git's words for the person editing).
    private func git(_ arguments: [String]) throws(EditRefusal) -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git"] + arguments
        process.currentDirectoryURL = URL(fileURLWithPath: folders.root)
        var environment = ProcessInfo.processInfo.environment
        // Never wait for a password or an editor no one can see.
        environment["GIT_TERMINAL_PROMPT"] = "0"
        environment["GIT_EDITOR"] = "true"
        process.environment = environment
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        process.standardInput = FileHandle.nullDevice
        let finished = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in finished.signal() }
        do {
            try process.run()
        } catch {
            throw EditRefusal(status: 409, message: "git could not be run: \(error.localizedDescription). Install git to commit from the editor.")
        }
        let read = DispatchSemaphore(value: 0)
        let collected = Collected()
        let handle = output.fileHandleForReading
        DispatchQueue.global().async {
            let data = handle.readDataToEndOfFile()
            collected.data.withLock { $0 = data }
            read.signal()
        }
        let deadline = DispatchTime.now() + Self.deadline
        guard finished.wait(timeout: deadline) == .success else {
            process.terminate()
            throw EditRefusal(status: 500, message: "git \(arguments[0]) did not finish within \(Int(Self.deadline)) s: try again, or commit in a terminal")
        }
        // A process git left running may hold the pipe open: its words are then not waited for.
        let text = read.wait(timeout: deadline) == .success ? collected.data.withLock { String(decoding: $0, as: UTF8.self) } : ""
        return (process.terminationStatus, text)
    }

    /// What git printed, handed from the thread that read it.
    private final class Collected: Sendable {
        let data = Mutex(Data())
    }
}
