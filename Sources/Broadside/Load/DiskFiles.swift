import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The file system calls the build makes on every file of a site, straight to the system:
/// Foundation's enumerator and readers cost more than the reading itself on large sites.
enum DiskFiles {
    private static let nameOffset = MemoryLayout<dirent>.offset(of: \dirent.d_name)!
    private static let typeOffset = MemoryLayout<dirent>.offset(of: \dirent.d_type)!

    /// Relative paths of every regular file under `folder`, sorted, leaving out hidden files and
    /// folders, and symbolic links: a link could lead out of the site. Empty when the folder
    /// does not exist; an error when it cannot be read.
    @Sendable static func list(_ folder: String) throws -> [String] {
        var files: [String] = []
        func walk(_ directory: String, _ prefix: String) {
            guard let handle = opendir(directory) else { return }
            defer { closedir(handle) }
            while let entry = readdir(handle) {
                // Fields read where they are: an entry is only as long as its name, and copying
                // the whole `dirent` (`entry.pointee`) can read past the end of the system's buffer.
                let fields = UnsafeRawPointer(entry)
                let name = String(cString: (fields + Self.nameOffset).assumingMemoryBound(to: CChar.self))
                let type = fields.load(fromByteOffset: Self.typeOffset, as: UInt8.self)
                if name.hasPrefix(".") { continue }
                let path = directory + "/" + name
                var isFile = type == DT_REG
                var isFolder = type == DT_DIR
                if type == DT_UNKNOWN {
                    var info = stat()
                    guard lstat(path, &info) == 0 else { continue }
                    isFile = info.st_mode & S_IFMT == S_IFREG
                    isFolder = info.st_mode & S_IFMT == S_IFDIR
                }
                if isFile {
                    files.append(prefix + name)
                } else if isFolder {
                    walk(path, prefix + name + "/")
                }
            }
        }
        let root = folder.hasSuffix("/") && folder.count > 1 ? String(folder.dropLast()) : folder
        // A folder that is not there has no files; one that cannot be read is a problem to say.
        if let handle = opendir(root) {
            closedir(handle)
        } else if errno != ENOENT && errno != ENOTDIR {
            throw error(root)
        }
        walk(root, "")
        return files.sorted()
    }

    @Sendable static func read(_ path: String) throws -> Data {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw error(path) }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { throw error(path) }
        if info.st_mode & S_IFMT == S_IFDIR { throw CocoaError(.fileReadNoSuchFile, userInfo: [NSFilePathErrorKey: path]) }
        // One byte more than the file: room to see its end without growing the buffer.
        var data = Data(count: Int(info.st_size) + 1)
        var filled = 0
        // A file that grows while it is read is read to its new end.
        while true {
            if filled == data.count { data.count += Swift.max(4096, data.count) }
            let wanted = data.count - filled
            let got = data.withUnsafeMutableBytes { buffer in
                Glibc.read(descriptor, buffer.baseAddress! + filled, wanted)
            }
            if got < 0 {
                if errno == EINTR { continue }
                throw error(path)
            }
            if got == 0 { break }
            filled += got
            // A regular file gives less than asked only at its end: no call more to hear so.
            if got < wanted && info.st_mode & S_IFMT == S_IFREG { break }
        }
        data.count = filled
        return data
    }

    /// A regular file's text, read into the string's own memory: read into `Data` first, a
    /// large site's pages were all copied once more. Nil when anything is unusual (the file
    /// grew while read, or came out with a replacement character, which invalid UTF-8
    /// becomes): `read` then gives its bytes.
    @Sendable static func readText(_ path: String) throws -> String? {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw error(path) }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { throw error(path) }
        guard info.st_mode & S_IFMT == S_IFREG else { return nil }
        var grew = false
        // One byte more than the file: room to see that it grew while it was read.
        let text = try String(unsafeUninitializedCapacity: Int(info.st_size) + 1) { buffer in
            var filled = 0
            while filled < buffer.count {
                let got = Glibc.read(descriptor, buffer.baseAddress! + filled, buffer.count - filled)
                if got < 0 {
                    if errno == EINTR { continue }
                    throw error(path)
                }
                filled += got
                // A read that asked for more than the file's size and stopped at it is at the
                // end: no second read only to be told so (a large site reads thousands of files).
                if got == 0 || filled == Int(info.st_size) { break }
            }
            grew = filled == buffer.count
            return filled
        }
        return grew || text.withBytes(hasReplacementCharacter) ? nil : text
    }

    /// Whether UTF-8 text holds U+FFFD (EF BF BD), looked for by its first byte, which few
    /// texts have.
    private static func hasReplacementCharacter(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let start = bytes.baseAddress else { return false }
        var from = 0
        while from < bytes.count, let found = memchr(start + from, 0xEF, bytes.count - from) {
            let at = start.distance(to: found.assumingMemoryBound(to: UInt8.self))
            if at + 2 < bytes.count, bytes[at + 1] == 0xBF, bytes[at + 2] == 0xBD { return true }
            from = at + 1
        }
        return false
    }

    @Sendable static func stamp(_ path: String) -> FileStamp? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        func nanoseconds(_ time: timespec) -> Int64 { Int64(time.tv_sec) * 1_000_000_000 + Int64(time.tv_nsec) }
        return FileStamp(device: UInt64(info.st_dev), inode: UInt64(info.st_ino), size: Int64(info.st_size),
                         modifiedNanoseconds: nanoseconds(info.st_mtim), changedNanoseconds: nanoseconds(info.st_ctim))
    }

    private static func error(_ path: String) -> Error {
        let code = errno
        let cocoa: CocoaError.Code = code == ENOENT ? .fileReadNoSuchFile : code == EACCES ? .fileReadNoPermission : .fileReadUnknown
        return CocoaError(cocoa, userInfo: [NSFilePathErrorKey: path, NSUnderlyingErrorKey: POSIXError(POSIXErrorCode(rawValue: code) ?? .EIO)])
    }
}
