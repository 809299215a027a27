extension Array<UInt8> {
    /// Appends UTF-8 bytes read in place (`String.utf8.span`, `Array.span`), in one copy:
    /// `OutputSpan` has no bulk copy, and a byte at a time is how every page's escaped text,
    /// search entry and template text reach their output.
    // Benchmark: 10,000-page bench corpus, perf over three builds (7 Dec 2026): the copy a
    // byte at a time was 306 of 33,326 samples (0.9 %); through the buffer it is a memmove.
    mutating func append(_ bytes: Span<UInt8>) {
        bytes.withUnsafeBufferPointer { append(contentsOf: $0) }
    }
}
