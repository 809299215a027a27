import Foundation

/// The original's text as it was when each translation was last saved through the editor
/// (or started), so the editor can mark the original's sections changed since: kept in
/// `.broadside-cache/edit-translations/<translation's path>` (beside the save history, never
/// in Output/). Paths come here only once `EditFolders.check` passed them, and the records are
/// reached as saves are, never through a link.
struct TranslationRecords: Sendable {
    let root: String

    private func record(_ translation: String) -> SafePath {
        let parts = [".broadside-cache", "edit-translations"] + translation.split(separator: "/").map(String.init)
        return SafePath(path: parts.joined(separator: "/"), root: root, parts: parts, exists: true)
    }

    func keep(_ original: String, for translation: String) throws(EditRefusal) {
        let file = record(translation)
        do throws(EditRefusal) {
            try file.makeFolders()
            try file.replace(with: Data(original.utf8))
        } catch {
            throw EditRefusal(status: 500, message: "\(translation) was saved, but what its original said then could not be kept: \(error.message)")
        }
    }

    func read(for translation: String) -> String? {
        (try? record(translation).read()).map { String(decoding: $0, as: UTF8.self) }
    }
}
