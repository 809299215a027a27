import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The file system calls the build makes on every file of a site, as few as can be: a large
/// site has thousands of files, and Foundation's enumerator looks up every property of each.
enum DiskFiles {
    /// Relative paths of every regular file under `folder`, sorted, leaving out hidden files and
    /// folders, and symbolic links: a link could lead out of the site. Empty when the folder
    /// does not exist; an error when it cannot be read.
    @Sendable static func list(_ folder: String) throws -> [String] {
        var files: [String] = []
        func walk(_ directory: String, _ listed: [(name: String, kind: UInt8)], _ prefix: String) {
            for (name, kind) in listed where !name.hasPrefix(".") {
                let path = directory + "/" + name
                switch kind == UInt8(DT_UNKNOWN) ? self.kind(of: path) : kind {
                case UInt8(DT_REG): files.append(prefix + name)
                case UInt8(DT_DIR): walk(path, (try? Self.entries(of: path)) ?? [], prefix + name + "/")
                default: continue  // symbolic links, devices, pipes
                }
            }
        }
        let root = folder.hasSuffix("/") && folder.count > 1 ? String(folder.dropLast()) : folder
        let names: [(name: String, kind: UInt8)]
        do {
            names = try entries(of: root)
        } catch {
            // A folder that is not there has no files; one that cannot be read is a problem to say.
            if [.ENOENT, .ENOTDIR].contains(error.code) { return [] }
            _ = try FileManager.default.contentsOfDirectory(atPath: root)  // throws, saying why in Foundation's words
            throw error
        }
        walk(root, names, "")
        return files.sorted()
    }

    /// A file's kind as `readdir` gives it, from `lstat`, for a file system whose listing does not say.
    private static func kind(of path: String) -> UInt8 {
        var info = stat()
        guard lstat(path, &info) == 0 else { return UInt8(DT_UNKNOWN) }
        switch info.st_mode & S_IFMT {
        case S_IFREG: return UInt8(DT_REG)
        case S_IFDIR: return UInt8(DT_DIR)
        default: return UInt8(DT_UNKNOWN)
        }
    }

    @Sendable static func read(_ path: String) throws -> Data {
        do {
            return try Data(contentsOf: URL(fileURLWithPath: path))
        } catch where systemCode(of: error) == EISDIR {
            throw CocoaError(.fileReadNoSuchFile, userInfo: [NSFilePathErrorKey: path])
        }
    }

    /// A file's text, when it is UTF-8. Nil when it is not: `read` then gives its bytes, to
    /// say where they are not UTF-8.
    @Sendable static func readText(_ path: String) throws -> String? {
        // Foundation's read of a whole file makes the least system calls (open, fstat, one
        // read, close), but says nothing of a failure: `read` says why.
        guard let bytes = FileManager.default.contents(atPath: path) else {
            _ = try read(path)
            return nil
        }
        return String(validating: bytes, as: UTF8.self)
    }

    /// The system's error number behind a Foundation error (`ENOENT`…), if any.
    static func systemCode(of error: Error) -> Int32? {
        switch (error as NSError).userInfo[NSUnderlyingErrorKey] {
        case let error as POSIXError: error.code.rawValue
        case let error as NSError where error.domain == NSPOSIXErrorDomain: Int32(error.code)
        default: nil
        }
    }

    @Sendable static func stamp(_ path: String) -> FileStamp? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        func nanoseconds(_ time: timespec) -> Int64 { Int64(time.tv_sec) * 1_000_000_000 + Int64(time.tv_nsec) }
        return FileStamp(device: UInt64(info.st_dev), inode: UInt64(info.st_ino), size: Int64(info.st_size),
                         modifiedNanoseconds: nanoseconds(info.st_mtim), changedNanoseconds: nanoseconds(info.st_ctim))
    }
}
