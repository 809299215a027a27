import Foundation

/// The file system as a value, so the load stage can be tested on in-memory sites.
public struct FileIO: Sendable {
    /// Relative paths of every regular file under a folder, sorted; empty when it does not exist.
    public var listFiles: @Sendable (_ folder: String) throws -> [String]
    public var read: @Sendable (_ path: String) throws -> Data
    /// A text file's words, when they are UTF-8 and can be read straight into a string; nil
    /// when they cannot (`read` then gives the bytes, to say where they are not UTF-8).
    public var readText: @Sendable (_ path: String) throws -> String?
    /// When each file under a folder was last committed (seconds since 1970, by relative
    /// path); empty outside a git repository. Translations older than their source are found so.
    public var commitTimes: @Sendable (_ folder: String) -> [String: Int]
    /// A file's stamp, telling its versions apart without reading it; nil when there is none
    /// (then a rebuild reads the file again).
    public var stamp: @Sendable (_ path: String) -> FileStamp?

    public init(
        listFiles: @escaping @Sendable (String) throws -> [String],
        read: @escaping @Sendable (String) throws -> Data,
        readText: @escaping @Sendable (String) throws -> String? = { _ in nil },
        commitTimes: @escaping @Sendable (String) -> [String: Int] = { _ in [:] },
        stamp: @escaping @Sendable (String) -> FileStamp? = { _ in nil }
    ) {
        self.listFiles = listFiles
        self.read = read
        self.readText = readText
        self.commitTimes = commitTimes
        self.stamp = stamp
    }

    public static let disk = FileIO(listFiles: DiskFiles.list, read: DiskFiles.read, readText: DiskFiles.readText,
                                     commitTimes: GitHistory.commitTimes, stamp: DiskFiles.stamp)

    /// A site held in memory: `[path: contents]`, paths relative to the site root.
    public static func memory(_ files: [String: String], commitTimes: [String: Int] = [:]) -> FileIO {
        FileIO(
            listFiles: { folder in
                let prefix = folder.hasSuffix("/") ? folder : folder + "/"
                return files.keys.filter { $0.hasPrefix(prefix) }.map { String($0.dropFirst(prefix.count)) }.sorted()
            },
            read: { path in
                guard let text = files[path] else { throw CocoaError(.fileReadNoSuchFile) }
                return Data(text.utf8)
            },
            commitTimes: { _ in commitTimes }
        )
    }
}
