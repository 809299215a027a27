#if canImport(Glibc)
import Glibc
#endif

extension Leftovers {
    /// Whether a `{` is followed by `%`, `{` or `:` anywhere: every page comes here, and most
    /// have none. `memchr` finds each `{` many bytes at a time; a byte at a time, a 100 MB page
    /// took three minutes of `HostileInputTests.testHugeAndDeepInputsFinish` under
    /// AddressSanitizer, and 0.5 % of a 10,000-page release build.
    /// Pages with one are then read line by line, as safe bytes (`find`).
    static func mayHave(_ body: Substring) -> Bool {
        body.utf8.withContiguousStorageIfAvailable(mayHave) ?? Array(body.utf8).withUnsafeBufferPointer(mayHave)
    }

    private static func mayHave(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let base = bytes.baseAddress else { return false }
        let end = base + bytes.count
        var from = base
        while from < end, let raw = memchr(from, Int32(UInt8(ascii: "{")), end - from) {
            let brace = UnsafePointer(raw.assumingMemoryBound(to: UInt8.self))
            guard brace + 1 < end else { return false }
            switch brace[1] {
            case UInt8(ascii: "%"), UInt8(ascii: "{"), UInt8(ascii: ":"): return true
            default: from = brace + 1
            }
        }
        return false
    }
}
