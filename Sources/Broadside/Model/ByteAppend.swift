extension Array<UInt8> {
    /// Appends UTF-8 bytes read in place (`String.utf8.span`, `Array.span`).
    mutating func append(_ bytes: Span<UInt8>) {
        append(addingCapacity: bytes.count) { output in
            for index in bytes.indices { output.append(bytes[index]) }
        }
    }
}
