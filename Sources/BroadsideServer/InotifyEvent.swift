#if os(Linux)
import Glibc

/// One event as the kernel writes it to an inotify descriptor: the watch, what happened, and
/// the name of the file in the watched folder (empty for the folder itself). Read from the
/// bytes one field at a time, so a short or odd read cannot make it look past its end.
struct InotifyEvent {
    var wd: Int32
    var mask: UInt32
    var name: String

    /// `struct inotify_event`: wd, mask, cookie and len, 4 bytes each, then `len` bytes of name padded with NULs.
    static let headerSize = MemoryLayout<inotify_event>.size

    /// The whole events in `bytes`, in order.
    static func all(in bytes: [UInt8]) -> [InotifyEvent] {
        var events: [InotifyEvent] = []
        var offset = 0
        while offset + headerSize <= bytes.count {
            let length = Int(word(bytes, at: offset + 12))
            let nameStart = offset + headerSize
            guard nameStart + length <= bytes.count else { break }
            let name = String(decoding: bytes[nameStart..<nameStart + length].prefix { $0 != 0 }, as: UTF8.self)
            events.append(InotifyEvent(wd: Int32(bitPattern: word(bytes, at: offset)), mask: word(bytes, at: offset + 4), name: name))
            offset = nameStart + length
        }
        return events
    }

    /// The 4 bytes at `offset` as this machine stores a 32-bit number.
    private static func word(_ bytes: [UInt8], at offset: Int) -> UInt32 {
        let littleEndian = bytes[offset..<offset + 4].reversed().reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
        return UInt32(littleEndian: littleEndian)
    }
}
#endif
