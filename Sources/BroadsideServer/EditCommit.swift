import Broadside
import Foundation

/// `POST /__edit/api/commit`: "Save and commit": one file committed with the person's message,
/// by running git with arguments (never through a shell) in the project folder.
struct EditCommit {
    let folders: EditFolders
    func commit(_ request: EditMessages.Commit) async throws(EditRefusal) -> EditMessages.Committed {
        let message = request.message.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !message.isEmpty else {
            throw EditRefusal(400, .commitMessageMissing)
        }
        let file = try folders.check(request.path)
        let inside = try await git(["rev-parse", "--is-inside-work-tree"])
        guard inside.status == 0 else { throw EditRefusal(409, .notInGit(inside.output)) }
        let added = try await git(["add", "--", file.path])
        guard added.status == 0 else { throw EditRefusal(status: 409, message: "git could not add \(file.path): \(added.output)") }
        let committed = try await git(["commit", "--quiet", "-m", message, "--", file.path])
        guard committed.status == 0 else {
            let words = committed.output
            if words.contains("Please tell me who you are") || words.contains("empty ident") || words.contains("unable to auto-detect email") {
                throw EditRefusal(409, .gitIdentity)
            }
            throw EditRefusal(409, .nothingToCommit(committed.output))
        }
        let head = try await git(["rev-parse", "--short", "HEAD"])
        return EditMessages.Committed(commit: head.output.trimmingCharacters(in: .whitespacesAndNewlines))
    }

    /// git's status and words (standard output and error together).
    private func git(_ arguments: [String]) async throws(EditRefusal) -> (status: Int32, output: String) {
        do throws(EditGit.Failure) {
            let run = try await EditGit.run(arguments, in: folders.root, withErrors: true)
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
