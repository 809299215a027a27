import Broadside
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Why the editor refuses a request: an HTTP status and words for the person editing.
struct EditRefusal: Error {
    var status: Int
    var message: String
}

/// The folders the editor may read and write: the site's Content/ and Site/, named as the
/// API names them, relative to the project folder (`--root`).
struct EditFolders: Sendable {
    let root: String
    /// `Content`, `Site` (or what `--content` and `--site` name), each as its path components.
    let allowed: [[String]]
    /// A page, a table or a template larger than this is not the editor's to open or save.
    static let maxFileBytes = 1024 * 1024

    /// Nil when a folder is outside the project folder: the editor names files from it.
    init?(_ options: BuildOptions) {
        root = options.root
        var allowed: [[String]] = []
        for folder in [options.folders.content.root, options.folders.site.root] {
            var relative = folder
            if root != "." {
                guard relative.hasPrefix(root + "/") else { return nil }
                relative.removeFirst(root.count + 1)
            }
            let parts = relative.split(separator: "/").map(String.init).filter { $0 != "." }
            guard !relative.hasPrefix("/"), !parts.isEmpty, !parts.contains("..") else { return nil }
            allowed.append(parts)
        }
        self.allowed = allowed
    }

    /// Where the file at an API path is, and how messages name it.
    func fullPath(_ path: String) -> String {
        root == "." ? path : root + "/" + path
    }

    /// The API path of a file messages name by `display`.
    func apiPath(display: String) -> String {
        root != "." && display.hasPrefix(root + "/") ? String(display.dropFirst(root.count + 1)) : display
    }

    /// A path from a request, checked: relative to the project folder, inside Content/ or
    /// Site/, no `..`, `.`, hidden or empty part, no `%` (an escape the client meant for
    /// someone else to decode), no `\`, no control character; every folder on the way a real
    /// folder and the file a regular file or not there yet: never a symbolic link, looked at
    /// with `lstat`, so a link inside Content/ cannot lead a save out of it.
    func check(_ path: String) throws(EditRefusal) -> SafePath {
        func refuse(_ why: String) -> EditRefusal { EditRefusal(status: 400, message: "\(path): \(why)") }
        guard !path.isEmpty, path.utf8.count <= 1024 else { throw refuse("give a path like Content/guides/page.md") }
        guard !path.hasPrefix("/"), !path.hasPrefix("~") else { throw refuse("paths are relative to the site's folder, like Content/guides/page.md") }
        guard !path.contains("%"), !path.contains("\\"), !path.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F }) else {
            throw refuse("a path holds no %, \\ or control characters")
        }
        let parts = path.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        guard parts.allSatisfy({ !$0.isEmpty && !$0.hasPrefix(".") }) else {
            throw refuse("no part of a path may be empty or start with a dot (no .., no hidden files)")
        }
        guard let folder = allowed.first(where: { parts.count > $0.count && Array(parts.prefix($0.count)) == $0 }) else {
            throw EditRefusal(status: 403, message: "\(path): the editor opens and saves only files in \(allowed.map { $0.joined(separator: "/") + "/" }.joined(separator: " and "))")
        }
        var walked = root == "." ? "" : root
        var exists = true
        for (index, part) in parts.enumerated() {
            walked = walked.isEmpty ? part : walked + "/" + part
            let isLast = index == parts.count - 1
            guard let type = try? FileManager.default.attributesOfItem(atPath: walked)[.type] as? FileAttributeType else {
                // Only the file itself may be missing: a save makes no folders.
                guard isLast, index >= folder.count else { throw EditRefusal(status: 404, message: "\(path): no such folder") }
                exists = false
                break
            }
            if type == .typeSymbolicLink {
                throw EditRefusal(status: 403, message: "\(path): \(parts[...index].joined(separator: "/")) is a symbolic link, which the editor never follows")
            }
            guard isLast ? type == .typeRegular : type == .typeDirectory else {
                throw EditRefusal(status: 400, message: "\(path): \(parts[...index].joined(separator: "/")) is not a \(isLast ? "file" : "folder")")
            }
        }
        return SafePath(path: path, full: walked, exists: exists)
    }
}

/// A path `EditFolders.check` found safe to read and write.
struct SafePath {
    /// As the API names it: `Content/guides/page.md`.
    let path: String
    let full: String
    let exists: Bool

    func read() throws(EditRefusal) -> Data {
        guard exists else { throw EditRefusal(status: 404, message: "\(path): no such file") }
        guard let size = (try? FileManager.default.attributesOfItem(atPath: full))?[.size] as? Int,
              size <= EditFolders.maxFileBytes else {
            throw EditRefusal(status: 413, message: "\(path) is larger than the editor opens (1 MiB)")
        }
        guard let data = FileManager.default.contents(atPath: full) else {
            throw EditRefusal(status: 500, message: "\(path): cannot be read")
        }
        return data
    }

    /// Writes `data` whole or not at all: into a hidden file beside it (which the build and
    /// the watcher skip), flushed, then renamed over it. A reader sees the old file or the new.
    func replace(with data: Data) throws(EditRefusal) {
        let slash = full.lastIndex(of: "/")
        let folder = slash.map { String(full[...$0]) } ?? ""
        let name = slash.map { String(full[full.index(after: $0)...]) } ?? full
        let temporary = folder + ".\(name).broadside-\(EditSession.secret().prefix(12)).tmp"
        let failed = { (why: String) in EditRefusal(status: 500, message: "\(path) was not saved: \(why)") }
        // Never over an existing file, so never through a link planted where the temporary goes.
        guard (try? data.write(to: URL(fileURLWithPath: temporary), options: .withoutOverwriting)) != nil else {
            throw failed("cannot write in its folder")
        }
        if exists, let mode = (try? FileManager.default.attributesOfItem(atPath: full))?[.posixPermissions] {
            try? FileManager.default.setAttributes([.posixPermissions: mode], ofItemAtPath: temporary)
        }
        if let handle = FileHandle(forUpdatingAtPath: temporary) {
            try? handle.synchronize()
            try? handle.close()
        }
        guard rename(temporary, full) == 0 else {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(atPath: temporary)
            throw failed(reason)
        }
    }
}
