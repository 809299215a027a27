/// What tells a file's version apart without reading it: which file it is, its size, and
/// when it last changed.
public struct FileStamp: Hashable, Sendable {
    var device: UInt64
    var inode: UInt64
    var size: Int64
    /// Nanoseconds since 1970 of its last modification and its last change (contents or
    /// metadata), as the file system keeps them.
    var modifiedNanoseconds: Int64
    var changedNanoseconds: Int64

    /// Seconds since 1970 of its last change.
    var changed: Double { Double(changedNanoseconds) / 1e9 }
}
