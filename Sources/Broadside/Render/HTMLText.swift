/// Escapes text for HTML element content and double-quoted attribute values.
func escapeHTML(_ text: String) -> String {
    guard ByteSearch.firstEscapedInHTML(text.utf8.span, from: 0) != nil else { return text }
    var escaped: [UInt8] = []
    escaped.reserveCapacity(text.utf8.count + 16)
    appendEscapedHTML(text.utf8.span, to: &escaped)
    return String(decoding: escaped, as: UTF8.self)
}

/// `escapeHTML`, written onto the end of a buffer. Over bytes: the five characters are ASCII,
/// and looking at whole characters (graphemes) costs more than all the rest of escaping. A
/// `<` with a combining mark after it is escaped too, as a browser reads it.
func appendEscapedHTML(_ text: String, to output: inout [UInt8]) {
    appendEscapedHTML(text.utf8.span, to: &output)
}

/// `appendEscapedHTML` of UTF-8 bytes.
func appendEscapedHTML(_ bytes: Span<UInt8>, to output: inout [UInt8]) {
    var plain = 0
    while let index = ByteSearch.firstEscapedInHTML(bytes, from: plain) {
        output.append(bytes.extracting(plain..<index))
        switch bytes[index] {
        case UInt8(ascii: "&"): output.append(contentsOf: "&amp;".utf8)
        case UInt8(ascii: "<"): output.append(contentsOf: "&lt;".utf8)
        case UInt8(ascii: ">"): output.append(contentsOf: "&gt;".utf8)
        case UInt8(ascii: "\""): output.append(contentsOf: "&quot;".utf8)
        default: output.append(contentsOf: "&#39;".utf8)
        }
        plain = index + 1
    }
    output.append(bytes.extracting(plain...))
}
