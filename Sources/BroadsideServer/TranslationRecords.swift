import Foundation

/// The original's text as it was when each translation was last saved through the editor
/// (or started), so the editor can mark the original's sections changed since: kept in
/// `.broadside-cache/edit-translations/<translation's path>` (beside the save history, never
/// in Output/). Paths come here only once `EditFolders.check` passed them.
struct TranslationRecords: Sendable {
    let folder: URL

    init(root: String) {
        folder = URL(fileURLWithPath: root).appendingPathComponent(".broadside-cache/edit-translations")
    }

    func keep(_ original: String, for translation: String) throws(EditRefusal) {
        let file = folder.appendingPathComponent(translation)
        do {
            try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(original.utf8).write(to: file, options: .atomic)
        } catch {
            throw EditRefusal(status: 500, message: "\(translation) was saved, but what its original said then could not be kept in \(folder.path): \(error.localizedDescription)")
        }
    }

    func read(for translation: String) -> String? {
        FileManager.default.contents(atPath: folder.appendingPathComponent(translation).path).map { String(decoding: $0, as: UTF8.self) }
    }
}
