/// Escapes text for HTML element content and double-quoted attribute values.
func escapeHTML(_ text: String) -> String {
    // Over bytes: the five characters are ASCII, and looking at whole characters (graphemes)
    // costs more than all the rest of escaping. A `<` with a combining mark after it is
    // escaped too, as a browser reads it.
    let utf8 = text.utf8
    guard utf8.contains(where: { $0 == UInt8(ascii: "&") || $0 == UInt8(ascii: "<") || $0 == UInt8(ascii: ">")
                                 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "'") }) else { return text }
    var escaped: [UInt8] = []
    escaped.reserveCapacity(utf8.count + 16)
    for byte in utf8 {
        switch byte {
        case UInt8(ascii: "&"): escaped += Array("&amp;".utf8)
        case UInt8(ascii: "<"): escaped += Array("&lt;".utf8)
        case UInt8(ascii: ">"): escaped += Array("&gt;".utf8)
        case UInt8(ascii: "\""): escaped += Array("&quot;".utf8)
        case UInt8(ascii: "'"): escaped += Array("&#39;".utf8)
        default: escaped.append(byte)
        }
    }
    return String(decoding: escaped, as: UTF8.self)
}
