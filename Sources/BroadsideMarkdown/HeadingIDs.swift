/// GitHub-style heading ids: lowercase, spaces to hyphens, punctuation dropped; a repeated id
/// gets -1, -2… so every anchor on a page is unique.
public struct HeadingIDs: Sendable {
    private var used: Set<String>
    /// The last suffix given to each repeated id: the next repeat starts after it, so a page of
    /// thousands of equal headings takes linear time, not a walk past every earlier one.
    private var lastSuffix: [String: Int] = [:]

    public init(reserved: Set<String> = []) {
        used = reserved
    }

    public mutating func next(for text: String) -> String {
        let base = Self.slug(text)
        var candidate = base
        var suffix = lastSuffix[base] ?? 0
        while used.contains(candidate) {
            suffix += 1
            candidate = "\(base)-\(suffix)"
        }
        if suffix > 0 { lastSuffix[base] = suffix }
        used.insert(candidate)
        return candidate
    }

    public static func slug(_ text: String) -> String {
        // Plain ASCII words, most headings, byte by byte: the same result without Characters.
        var text = text
        let ascii = text.withUTF8 { utf8 -> String? in
            guard utf8.allSatisfy({ $0 < 0x80 }) else { return nil }
            var bytes: [UInt8] = []
            bytes.reserveCapacity(utf8.count)
            for byte in utf8 {
                switch byte {
                case UInt8(ascii: " "): bytes.append(UInt8(ascii: "-"))
                case UInt8(ascii: "A")...UInt8(ascii: "Z"): bytes.append(byte | 0x20)
                case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "_"):
                    bytes.append(byte)
                default: continue
                }
            }
            return bytes.isEmpty ? "section" : String(decoding: bytes, as: UTF8.self)
        }
        if let ascii { return ascii }
        var slug = ""
        for character in text.lowercased() {
            if character == " " {
                slug.append("-")
            } else if character == "-" || character == "_" || character.isLetter || character.isNumber {
                slug.append(character)
            }
        }
        return slug.isEmpty ? "section" : slug
    }
}
