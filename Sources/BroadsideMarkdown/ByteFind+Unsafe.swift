#if canImport(Glibc)
import Glibc
#endif

// Benchmark: HostileInputTests.testHugeAndDeepInputsFinish (a 100 MB page) took three minutes under
// AddressSanitizer with a Swift loop finding `{` in it, and LargeDocument's line loop a minute in a
// debug build; with `memchr`, seconds. GFMTriggers' byte loop was 1 % of a 10,000-page build
// (`bench/run`), with `memchr` a tenth of that.

/// C's `memchr` over a span: it reads many bytes at a time, even in a debug build and under
/// AddressSanitizer, which checks the range once instead of every byte. The passes that read
/// every byte of every page for one byte (Markdown's triggers and large-text cuts, Broadside's
/// template leftovers and line endings) find it here.
public enum ByteFind {
    /// The offset of the first `byte` in `text` from `start` on.
    public static func firstIndex(of byte: UInt8, in text: Span<UInt8>, from start: Int = 0) -> Int? {
        text.bytes.withUnsafeBytes { raw in
            guard let base = raw.baseAddress, start < raw.count else { return nil }
            return memchr(base + start, Int32(byte), raw.count - start).map { base.distance(to: $0) }
        }
    }
}
