import Broadside
import Foundation

/// `POST /__edit/api/commit`: "Save and commit": one file committed with the person's message,
/// by running git with arguments (never through a shell) in the project folder.
struct EditCommit {
    let folders: EditFolders
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

    /// git's status and words (standard output and error together).
    private func git(_ arguments: [String]) throws(EditRefusal) -> (status: Int32, output: String) {
        do throws(EditGit.Failure) {
            let run = try EditGit.run(arguments, in: folders.root, withErrors: true)
            return (run.status, run.text)
        } catch {
            switch error {
            case .notStarted(let why):
                throw EditRefusal(status: 409, message: "git could not be run: \(why). Install git to commit from the editor.")
            case .tooSlow:
                throw EditRefusal(status: 500, message: "git \(arguments[0]) did not finish within \(Int(EditGit.deadline)) s: try again, or commit in a terminal")
            }
        }
    }
}
