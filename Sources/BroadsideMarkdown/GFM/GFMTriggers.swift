/// Which GitHub constructs a text may hold, found with `memchr` (`ByteFind`): most pages have
/// none, and then no pass runs.
struct GFMTriggers {
    var pipe = false, tilde = false, footnote = false, task = false

    init(_ bytes: Span<UInt8>) {
        pipe = ByteFind.firstIndex(of: UInt8(ascii: "|"), in: bytes) != nil
        tilde = ByteFind.firstIndex(of: UInt8(ascii: "~"), in: bytes) != nil
        // `[^` starts a footnote reference; `[ ]`, `[x]` a task.
        var from = 0
        while !(footnote && task), let bracket = ByteFind.firstIndex(of: UInt8(ascii: "["), in: bytes, from: from) {
            let next = bracket + 1 < bytes.count ? bytes[bracket + 1] : 0
            if next == UInt8(ascii: "^") {
                footnote = true
            } else if next == UInt8(ascii: " ") || next == UInt8(ascii: "x") || next == UInt8(ascii: "X"),
                      bracket + 2 < bytes.count, bytes[bracket + 2] == UInt8(ascii: "]") {
                task = true
            }
            from = bracket + 1
        }
    }

    var any: Bool { pipe || tilde || footnote || task }
}
