#if canImport(Glibc)
import Glibc
#endif

/// Which GitHub constructs a text may hold, found with `memchr` (which reads many bytes at a
/// time): most pages have none, and then no pass runs. Every page of every build comes here;
/// read a byte at a time, this took 1 % of a 10,000-page build (`bench/run`), now a tenth of that.
struct GFMTriggers {
    var pipe = false, tilde = false, footnote = false, task = false

    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let base = bytes.baseAddress, !bytes.isEmpty else { return }
        let end = base + bytes.count
        pipe = memchr(base, Int32(UInt8(ascii: "|")), bytes.count) != nil
        tilde = memchr(base, Int32(UInt8(ascii: "~")), bytes.count) != nil
        // `[^` starts a footnote reference; `[ ]`, `[x]` a task.
        var from = base
        while !(footnote && task), from < end, let raw = memchr(from, Int32(UInt8(ascii: "[")), end - from) {
            let bracket = UnsafePointer(raw.assumingMemoryBound(to: UInt8.self))
            let next = bracket + 1 < end ? bracket[1] : 0
            if next == UInt8(ascii: "^") {
                footnote = true
            } else if next == UInt8(ascii: " ") || next == UInt8(ascii: "x") || next == UInt8(ascii: "X"), bracket + 2 < end, bracket[2] == UInt8(ascii: "]") {
                task = true
            }
            from = bracket + 1
        }
    }

    var any: Bool { pipe || tilde || footnote || task }
}
