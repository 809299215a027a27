extension String {
    /// The string's UTF-8 bytes where they are. `withUTF8` needs a variable, and copying a
    /// string into one counts a reference to its storage, on both cores when the string is
    /// shared (a page's chrome, the interface's words): text read this way on every page of
    /// a large site is read in place. A short string kept inside the value is copied out.
    func withBytes<Result>(_ body: (UnsafeBufferPointer<UInt8>) throws -> Result) rethrows -> Result {
        if let result = try utf8.withContiguousStorageIfAvailable(body) { return result }
        var copy = self
        return try copy.withUTF8(body)
    }
}
