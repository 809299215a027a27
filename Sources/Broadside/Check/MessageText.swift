import Foundation

/// How findings quote what they found: link words as the vague phrases are listed, a
/// sentence cut to a message's length, a grade to tenths, a heading as a reader sees it.
extension PageChecks {
    /// A sentence as a message quotes it: at most 70 characters, or its first 67 and "…".
    static func appendExcerpt(_ sentence: Substring, to text: inout [UInt8]) {
        let utf8 = sentence.utf8
        switch cut(utf8.span) {
        case .whole: text += utf8; return
        case .after(let end): text += utf8.prefix(end); text += "…".utf8; return
        case .unknown: break
        }
        if sentence.dropFirst(70).isEmpty {
            text += sentence.utf8
        } else {
            text += sentence.prefix(67).utf8
            text += "…".utf8
        }
    }

    private enum Cut {
        case whole, after(bytes: Int), unknown
    }

    /// Counting characters finds where each one ends, for the whole sentence. A scalar below
    /// U+0300 (but a carriage return, which may pair with a line feed), or one of the dashes,
    /// quotes and marks of U+2010–U+205E, is a character of its own whatever is next to it:
    /// while the first 71 scalars are such, they are the first 71 characters, and are counted
    /// by their UTF-8 bytes. Other text is `unknown` here.
    private static func cut(_ bytes: Span<UInt8>) -> Cut {
        var count = 0, index = 0, end67 = 0
        while index < bytes.count {
            let next = index + 1 < bytes.count ? bytes[index + 1] : 0, third = index + 2 < bytes.count ? bytes[index + 2] : 0
            switch bytes[index] {
            case 0x0D: return .unknown
            case ..<0x80: index += 1
            case 0xC2...0xCB: index += 2  // U+0080–U+02FF
            case 0xE2 where (next == 0x80 && third >= 0x90) || (next == 0x81 && third <= 0x9E): index += 3
            default: return .unknown
            }
            count += 1
            if count == 67 { end67 = index }
            if count == 71 { return .after(bytes: end67) }
        }
        return .whole
    }

    /// Link words as the vague phrases are listed: lowercased, without punctuation (Unicode's
    /// P* categories) at either end. Plain ASCII, most links, is done byte by byte: Foundation's
    /// character sets went through UTF-16 for every link of every page.
    static func phrase(_ words: String) -> String {
        guard words.utf8.allSatisfy({ $0 < 0x80 }) else { return words.lowercased().trimmingCharacters(in: .punctuationCharacters) }
        let bytes = Array(words.utf8)
        guard let first = bytes.firstIndex(where: { !isPunctuation($0) }), let last = bytes.lastIndex(where: { !isPunctuation($0) }) else {
            return ""
        }
        return String(decoding: bytes[first...last].map { $0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "Z") ? $0 | 0x20 : $0 }, as: UTF8.self)
    }

    /// The ASCII characters in Unicode's punctuation categories: `!"#%&'()*,-./:;?@[\]_{}`,
    /// not the symbols `$+<=>^`|~`.
    private static func isPunctuation(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "!")...UInt8(ascii: "#"), UInt8(ascii: "%")...UInt8(ascii: "*"), UInt8(ascii: ",")...UInt8(ascii: "/"),
             UInt8(ascii: ":"), UInt8(ascii: ";"), UInt8(ascii: "?"), UInt8(ascii: "@"), UInt8(ascii: "[")...UInt8(ascii: "]"),
             UInt8(ascii: "_"), UInt8(ascii: "{"), UInt8(ascii: "}"):
            true
        default:
            false
        }
    }

    /// `21.4`, `8.0`: as `String(Double)` writes a value rounded to tenths, which takes
    /// longer to find the shortest digits than writing tenths out as whole numbers does.
    static func appendOneDecimal(_ value: Double, to text: inout [UInt8]) {
        let tenths = (value * 10).rounded()
        guard tenths.magnitude < 1e15 else {
            text += String(tenths / 10).utf8
            return
        }
        let whole = Int(tenths)
        if tenths.sign == .minus { text.append(UInt8(ascii: "-")) }
        text += String(whole.magnitude / 10).utf8
        text += [UInt8(ascii: "."), UInt8(ascii: "0") + UInt8(whole.magnitude % 10)]
    }

    /// A heading or title as a reader sees it: without Markdown's emphasis and closing `#`s,
    /// case and spacing aside.
    static func comparable(_ text: some StringProtocol) -> String {
        var words = text.lowercased().split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\r" }).map(String.init)
        if let last = words.last, last.allSatisfy({ $0 == "#" }) { words.removeLast() }
        return words.joined(separator: " ").filter { !"*_`\\".contains($0) }
    }
}
