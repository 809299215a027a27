import Foundation

/// What a file held before each of its last few saves through the editor, so a save can be
/// undone: kept in `.broadside-cache/edit-history/` (beside the PDFs' cache, never in
/// Output/), one folder per file at its own path (`edit-history/Content/guides/forum.md/`):
/// paths come here only once `EditFolders.check` passed them, so none reaches out of it.
struct SaveHistory: Sendable {
    let folder: URL
    static let kept = 5

    init(root: String) {
        folder = URL(fileURLWithPath: root).appendingPathComponent(".broadside-cache/edit-history")
    }

    private func versions(of path: String) -> (URL, [String]) {
        let place = folder.appendingPathComponent(path, isDirectory: true)
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: place.path)) ?? [])
            .filter { $0.count == 6 && $0.allSatisfy(\.isNumber) }.sorted()
        return (place, names)
    }

    /// Keeps `data` as the newest version of `path`, dropping the oldest past `kept`.
    func keep(_ data: Data, of path: String) throws(EditRefusal) {
        let (place, names) = versions(of: path)
        let next = (names.last.flatMap { Int($0) } ?? 0) + 1
        do {
            try FileManager.default.createDirectory(at: place, withIntermediateDirectories: true)
            try data.write(to: place.appendingPathComponent(String(format: "%06d", next)), options: .atomic)
        } catch {
            throw EditRefusal(status: 500, message: "\(path) was not saved: its earlier version could not be kept in \(folder.path)")
        }
        for old in names.dropLast(Self.kept - 1) { try? FileManager.default.removeItem(at: place.appendingPathComponent(old)) }
    }

    /// Puts back the newest version kept through `restore`, then forgets it; false when
    /// there is none. A version `restore` fails to write stays kept.
    func restoreNewest(of path: String, _ restore: (Data) throws(EditRefusal) -> Void) throws(EditRefusal) -> Bool {
        let (place, names) = versions(of: path)
        guard let newest = names.last, let data = FileManager.default.contents(atPath: place.appendingPathComponent(newest).path) else { return false }
        try restore(data)
        try? FileManager.default.removeItem(at: place.appendingPathComponent(newest))
        return true
    }

    /// How many saves of `path` can be undone.
    func count(of path: String) -> Int {
        versions(of: path).1.count
    }
}
