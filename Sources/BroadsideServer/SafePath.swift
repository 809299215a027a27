import Broadside
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Why the editor refuses a request: an HTTP status and words for the person editing.
struct EditRefusal: Error {
    var status: Int
    var message: String
    /// The same in the interface's other languages, for refusals met in ordinary use.
    var words: EditWords?
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
        return SafePath(path: path, root: root, parts: parts, exists: exists)
    }
}

extension EditFolders {
    /// What the editor saves: pages, tables and settings (in Site/, settings and words only).
    /// Templates, styles and scripts are the site's code, changed knowingly in a text editor.
    func checkSavable(_ path: String) throws(EditRefusal) {
        let parts = path.split(separator: "/").map(String.init)
        let inSite = allowed.count > 1 && Array(parts.prefix(allowed[1].count)) == allowed[1]
        let kinds = inSite ? ["yml"] : ["md", "csv", "yml"]
        guard let dot = path.lastIndex(of: "."), kinds.contains(String(path[path.index(after: dot)...])) else {
            throw EditRefusal(403, .notSavable(path, inSite: inSite ? allowed[1].joined(separator: "/") : nil))
        }
    }
}

/// A path `EditFolders.check` found safe to read and write.
///
/// The check looks with `lstat`; reading and writing then go folder by folder from the project
/// folder with `openat(…, O_NOFOLLOW)`, so a folder swapped for a symbolic link after the check
/// stops the read or the save instead of leading it elsewhere.
struct SafePath {
    /// As the API names it: `Content/guides/page.md`.
    let path: String
    /// The project folder, and the path's parts under it.
    let root: String
    let parts: [String]
    let exists: Bool

    private var name: String { parts[parts.count - 1] }

    func read() throws(EditRefusal) -> Data {
        guard exists else { throw EditRefusal(status: 404, message: "\(path): no such file") }
        let folder = try openFolder()
        defer { close(folder) }
        let descriptor = openat(folder, name, O_RDONLY | O_NOFOLLOW | O_CLOEXEC)
        guard descriptor >= 0 else { throw refusal(errno) }
        let handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
        var info = stat()
        guard fstat(descriptor, &info) == 0, info.st_mode & S_IFMT == S_IFREG else {
            throw EditRefusal(status: 400, message: "\(path) is not a file")
        }
        guard info.st_size <= EditFolders.maxFileBytes else {
            throw EditRefusal(status: 413, message: "\(path) is larger than the editor opens (1 MiB)")
        }
        guard let data = try? handle.readToEnd() else { return Data() }
        return data
    }

    /// Writes `data` whole or not at all, over the file if there is one: a reader sees the old
    /// file or the new.
    func replace(with data: Data) throws(EditRefusal) {
        _ = try write(data, over: true)
    }

    /// Writes `data` whole as a new file; false when a file of that name appeared meanwhile.
    func create(with data: Data) throws(EditRefusal) -> Bool {
        try write(data, over: false)
    }

    /// Into a new hidden file beside it (which the build and the watcher skip), flushed, then
    /// renamed over the name, or hard-linked to it when no file may be replaced (`linkat` never
    /// replaces one), all inside the folder opened without following links.
    private func write(_ data: Data, over: Bool) throws(EditRefusal) -> Bool {
        let folder = try openFolder()
        defer { close(folder) }
        let failed = { (why: String) in EditRefusal(status: 500, message: "\(path) was not saved: \(why)") }
        var mode: mode_t = 0o644
        var old = stat()
        if over, fstatat(folder, name, &old, AT_SYMLINK_NOFOLLOW) == 0 { mode = old.st_mode & 0o777 }
        let temporary = ".\(name).broadside-\(EditSession.secret().prefix(12)).tmp"
        // O_EXCL: never over an existing file, so never through a link planted where the temporary goes.
        let descriptor = openat(folder, temporary, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, mode)
        guard descriptor >= 0 else { throw failed(String(cString: strerror(errno))) }
        defer { unlinkat(folder, temporary, 0) }
        let handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: false)
        do {
            try handle.write(contentsOf: data)
            try handle.synchronize()
            close(descriptor)
        } catch {
            close(descriptor)
            throw failed("\(error)")
        }
        let placed = over ? renameat(folder, temporary, folder, name) : linkat(folder, temporary, folder, name, 0)
        guard placed == 0 else {
            if !over && errno == EEXIST { return false }
            throw failed(String(cString: strerror(errno)))
        }
        return true
    }

    /// Makes the folders on the way that are missing, inside the project folder, never
    /// through a link: for the editor's own files under `.broadside-cache/`.
    func makeFolders() throws(EditRefusal) {
        var folder = open(root, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard folder >= 0 else { throw EditRefusal(status: 500, message: "\(path): the site's folder cannot be opened") }
        defer { close(folder) }
        for part in parts.dropLast() {
            if mkdirat(folder, part, 0o755) != 0 && errno != EEXIST { throw refusal(errno) }
            let next = openat(folder, part, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
            let error = errno
            close(folder)
            folder = next
            guard next >= 0 else { throw refusal(error) }
        }
    }

    /// Removes the file, if it is there (never what a link points to).
    func remove() {
        guard let folder = try? openFolder() else { return }
        unlinkat(folder, name, 0)
        close(folder)
    }

    /// The names in the file's folder; none when the folder is missing or a link.
    func neighbours() -> [String] {
        guard let folder = try? openFolder() else { return [] }
        close(folder)
        return (try? FileManager.default.contentsOfDirectory(atPath: ([root] + parts.dropLast()).joined(separator: "/"))) ?? []
    }

    /// The folder the file is in, opened from the project folder one part at a time, none a link.
    private func openFolder() throws(EditRefusal) -> Int32 {
        var folder = open(root, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard folder >= 0 else { throw EditRefusal(status: 500, message: "\(path): the site's folder cannot be opened") }
        for part in parts.dropLast() {
            let next = openat(folder, part, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)
            let error = errno
            close(folder)
            guard next >= 0 else { throw refusal(error) }
            folder = next
        }
        return folder
    }

    private func refusal(_ error: Int32) -> EditRefusal {
        switch error {
        case ELOOP, ENOTDIR: EditRefusal(status: 403, message: "\(path): a part of it became a symbolic link, which the editor never follows")
        case ENOENT: EditRefusal(status: 404, message: "\(path): no such file or folder")
        default: EditRefusal(status: 500, message: "\(path): \(String(cString: strerror(error)))")
        }
    }
}
