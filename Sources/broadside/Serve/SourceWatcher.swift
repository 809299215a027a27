import Foundation

/// Notices a saved file under Content/ or Site/ by looking every `interval`: a list of paths
/// with sizes and modification times, compared with the last one. Polling works the same on
/// every file system and editor (some save by renaming a new file over the old one).
struct SourceWatcher {
    let folders: [String]
    var interval: Duration = .milliseconds(250)

    func snapshot() -> [String: String] {
        var files: [String: String] = [:]
        for folder in folders {
            let base = URL(fileURLWithPath: folder, isDirectory: true)
            guard let walker = FileManager.default.enumerator(at: base, includingPropertiesForKeys: [.contentModificationDateKey, .fileSizeKey],
                                                              options: [.skipsHiddenFiles]) else { continue }
            for case let url as URL in walker {
                let values = try? url.resourceValues(forKeys: [.contentModificationDateKey, .fileSizeKey])
                files[url.path] = "\(values?.contentModificationDate?.timeIntervalSince1970 ?? 0) \(values?.fileSize ?? -1)"
            }
        }
        return files
    }

    /// Calls `changed` after each change, one at a time, until the task is cancelled.
    func watch(_ changed: @Sendable () async -> Void) async {
        var last = snapshot()
        while !Task.isCancelled {
            try? await Task.sleep(for: interval)
            let now = snapshot()
            if now != last {
                last = now
                await changed()
            }
        }
    }
}
