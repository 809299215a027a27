/// The front matter's lines read as the form writes them back: where each key at the left
/// margin starts and ends, and which lines inside its value are comments that stay. A line
/// inside a quoted value, a `[...]` or `{...}` spread over lines, or a `|`/`>` block is part
/// of that value even when it looks like a key or a comment.
struct FrontMatterLines {
    struct Key {
        var name: String
        var line: Int
        /// The last line of its value; blank lines and comments after it are not its own.
        var end: Int
        /// Where a comment starts on the key's own line (the spaces before its `#`).
        var comment: String.Index?
    }

    private(set) var keys: [Key] = []
    /// Lines holding only a comment, outside any value's text.
    private(set) var comments: Set<Int> = []
    /// Where a comment starts at the end of a line inside a value, like `  - a  # why`.
    private(set) var endComments: [Int: String.Index] = [:]

    private var quote: Character?
    private var depth = 0
    /// At a place a value may start: after `key:`, `- `, `[`, `{` or `,`.
    private var atValue = false
    /// Inside a `|` or `>` block, which owns every indented line after it.
    private var block = false
    /// The last line ended inside a plain value, which the next indented line continues.
    private var plain = false

    init(_ lines: [String]) {
        var current: Int?
        for (index, raw) in lines.enumerated() {
            let line = raw.hasSuffix("\r") ? raw.dropLast() : Substring(raw)
            let content = line.drop { $0 == " " || $0 == "\t" }
            let indented = content.startIndex > line.startIndex
            let inside = quote != nil || depth > 0
            if !inside, content.isEmpty { continue }
            if block {
                if indented, let current { keys[current].end = index }
                if indented { continue }
                block = false
            }
            if !inside, !indented, let (name, value) = Self.key(line) {
                keys.append(Key(name: name, line: index, end: index))
                current = keys.count - 1
                atValue = true
                keys[keys.count - 1].comment = scan(line[value...], continuing: false)
                continue
            }
            // A comment at the margin may sit between a list's items, so it ends no key.
            if !inside, !indented, !(content.hasPrefix("- ") || content == "-" || content.hasPrefix("#")) { current = nil }
            guard let current else { continue }
            if !inside, content.hasPrefix("#") {
                comments.insert(index)
                continue
            }
            keys[current].end = index
            if !inside { atValue = !(plain && indented) }
            endComments[index] = scan(line, continuing: plain && indented && !inside)
        }
    }

    /// Follows quotes, brackets and block markers through one line; returns where a comment
    /// starts on it, at the spaces before its `#`.
    private mutating func scan(_ text: Substring, continuing: Bool) -> String.Index? {
        var inPlain = continuing
        var afterSpace = true
        var spaceStart = text.startIndex
        var index = text.startIndex
        func next(_ i: String.Index) -> Character? { text.index(after: i) < text.endIndex ? text[text.index(after: i)] : nil }
        while index < text.endIndex {
            let char = text[index]
            if let open = quote {
                if open == "\"", char == "\\", next(index) != nil {
                    index = text.index(after: index)
                } else if open == "'", char == "'", next(index) == "'" {
                    index = text.index(after: index)
                } else if char == open {
                    quote = nil
                }
                index = text.index(after: index)
                afterSpace = false
                continue
            }
            if char == " " || char == "\t" {
                if !afterSpace { spaceStart = index }
                afterSpace = true
                index = text.index(after: index)
                continue
            }
            if char == "#", afterSpace {
                plain = false
                return index == text.startIndex ? index : spaceStart
            }
            let ends = next(index).map { $0 == " " || $0 == "\t" } ?? true
            if atValue {
                atValue = false
                switch char {
                case "\"", "'": quote = char
                case "|" where depth == 0, ">" where depth == 0: block = true
                case "-" where depth == 0 && ends: atValue = true
                case "[", "{": depth += 1; atValue = true
                case "&", "!":
                    // An anchor or a tag comes before the value itself.
                    while index < text.endIndex, text[index] != " ", text[index] != "\t" { index = text.index(after: index) }
                    atValue = true
                    continue
                default: inPlain = depth == 0
                }
                if quote != nil || block || atValue {
                    inPlain = false
                    index = text.index(after: index)
                    afterSpace = char == "-"
                    continue
                }
            }
            if depth > 0 {
                switch char {
                case "[", "{": depth += 1; atValue = true
                case "]", "}": depth -= 1
                case ",": atValue = true
                case ":" where ends || next(index).map({ ",[]{}".contains($0) }) == true: atValue = true
                default: break
                }
            } else if char == ":", ends {
                atValue = true
                inPlain = false
            }
            afterSpace = false
            index = text.index(after: index)
        }
        plain = inPlain && quote == nil && depth == 0 && !block
        return nil
    }

    /// The key a line at the left margin starts (`key:`, `"key":` or `'key':`, then a space
    /// or nothing) and where its value starts.
    static func key(_ line: Substring) -> (String, String.Index)? {
        var name = ""
        var index = line.startIndex
        guard let first = line.first else { return nil }
        if first == "\"" || first == "'" {
            index = line.index(after: index)
            while true {
                guard index < line.endIndex else { return nil }
                let char = line[index]
                index = line.index(after: index)
                if char == first {
                    // `''` is a quote inside single quotes.
                    guard first == "'", index < line.endIndex, line[index] == "'" else { break }
                    index = line.index(after: index)
                } else if first == "\"", char == "\\" {
                    return nil
                }
                name.append(char)
            }
        } else {
            while index < line.endIndex, line[index].unicodeScalars.allSatisfy({ $0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "_" || $0 == "-" }) {
                name.append(line[index])
                index = line.index(after: index)
            }
            guard !name.isEmpty else { return nil }
        }
        while index < line.endIndex, line[index] == " " || line[index] == "\t" { index = line.index(after: index) }
        guard index < line.endIndex, line[index] == ":" else { return nil }
        let value = line.index(after: index)
        guard value == line.endIndex || line[value] == " " || line[value] == "\t" else { return nil }
        return (name, value)
    }
}
