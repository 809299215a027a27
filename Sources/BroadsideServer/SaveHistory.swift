import Foundation

/// What a file held before each of its last few saves through the editor, so a save can be
/// undone, and what the last undo replaced, so an undo by mistake can be taken back: kept in
/// `.broadside-cache/edit-history/` (beside the PDFs' cache, never in Output/), one folder per
/// file at its own path (`edit-history/Content/guides/forum.md/000001`). Paths come here only
/// once `EditFolders.check` passed them, and every file is reached as a save is, never through
/// a link (a cloned project's cache could hold one).
struct SaveHistory: Sendable {
    let root: String
    static let kept = 5
    static let folder = [".broadside-cache", "edit-history"]
    /// The version the last undo replaced; a new save forgets it.
    static let undone = "undone"

    private func entry(_ path: String, _ name: String) -> SafePath {
        let parts = Self.folder + path.split(separator: "/").map(String.init) + [name]
        return SafePath(path: parts.joined(separator: "/"), root: root, parts: parts, exists: true)
    }

    private func versions(of path: String) -> [String] {
        entry(path, Self.undone).neighbours().filter { $0.count == 6 && $0.allSatisfy(\.isNumber) }.sorted()
    }

    /// Keeps `data` as the newest version of `path`, dropping the oldest past `kept`.
    func keep(_ data: Data, of path: String) throws(EditRefusal) {
        let names = versions(of: path)
        let file = entry(path, String(format: "%06d", (names.last.flatMap { Int($0) } ?? 0) + 1))
        do throws(EditRefusal) {
            try file.makeFolders()
            try file.replace(with: data)
        } catch {
            throw EditRefusal(status: 500, message: "\(path) was not saved: its earlier version could not be kept (\(error.message))")
        }
        for old in names.dropLast(Self.kept - 1) { entry(path, old).remove() }
    }

    /// A new save of `path`: the version an undo replaced is no longer one to go back to.
    func forgetUndone(of path: String) {
        entry(path, Self.undone).remove()
    }

    /// Puts back the newest version kept through `restore` and forgets it, keeping `current`
    /// as the one to redo; false when there is none. A version `restore` fails to write stays kept.
    func restoreNewest(of path: String, current: Data, _ restore: (Data) throws(EditRefusal) -> Void) throws(EditRefusal) -> Bool {
        guard let newest = versions(of: path).last, let data = try? entry(path, newest).read() else { return false }
        try entry(path, Self.undone).replace(with: current)
        try restore(data)
        entry(path, newest).remove()
        return true
    }

    /// Puts back what the last undo replaced, which makes `current` the newest version again;
    /// false when nothing was undone since the last save.
    func restoreUndone(of path: String, current: Data, _ restore: (Data) throws(EditRefusal) -> Void) throws(EditRefusal) -> Bool {
        let undone = entry(path, Self.undone)
        guard let data = try? undone.read() else { return false }
        try keep(current, of: path)
        try restore(data)
        undone.remove()
        return true
    }

    /// How many saves of `path` can be undone.
    func count(of path: String) -> Int {
        versions(of: path).count
    }

    /// Whether an undo of `path` can be taken back.
    func canRedo(_ path: String) -> Bool {
        entry(path, Self.undone).neighbours().contains(Self.undone)
    }
}
