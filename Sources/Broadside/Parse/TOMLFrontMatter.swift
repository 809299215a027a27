import Foundation

/// Reads Hugo's TOML front matter (between `+++` lines) into the same keys and values YAML
/// front matter gives, so every key is then read, checked and reported alike. The part of
/// TOML front matter is written in: `key = value` lines with strings (basic, literal and
/// multi-line), numbers, booleans, dates and times, arrays of those, and comments. A `[table]`,
/// an inline table or a dotted key is an error that says to convert the front matter to YAML:
/// no Swift TOML library is in the package mirror, and Broadside's keys need none of them.
enum TOMLFrontMatter {
    /// The keys and values in order; nil after reporting what could not be read. `lineOffset`:
    /// lines in the file before the TOML text (1, for the `+++` line).
    static func entries(_ toml: String, path: String, lineOffset: Int, diagnostics: inout Diagnostics) -> [(key: YAMLValue, value: YAMLValue)]? {
        var reader = TOMLReader(Array(toml.unicodeScalars), tables: false)
        do {
            return try reader.document().map { ($0.key, $0.value) }
        } catch {
            diagnostics.error("TOML front matter: \(error.message)", at: SourceLocation(path: path, line: error.line + lineOffset, column: error.column))
            return nil
        }
    }
}

struct TOMLFailure: Error {
    var message: String
    var line: Int
    var column: Int
}

struct TOMLReader {
    let text: [Unicode.Scalar]
    /// Whether `[tables]`, dotted keys and inline tables are read (a config file) or refused
    /// (front matter).
    let tables: Bool
    /// The keys of the current `[table]`; nil inside an array of tables, whose keys are skipped.
    var table: [String]? = []
    var at = 0
    var line = 1
    var lineStart = 0

    init(_ text: [Unicode.Scalar], tables: Bool) {
        self.text = text
        self.tables = tables
    }

    static let toYAML = "convert the front matter to YAML between `---` lines"

    var column: Int { at - lineStart + 1 }
    var peek: Unicode.Scalar? { at < text.count ? text[at] : nil }

    func failure(_ message: String, line: Int? = nil, column: Int? = nil) -> TOMLFailure {
        TOMLFailure(message: message, line: line ?? self.line, column: column ?? self.column)
    }

    /// Each key as the path of tables it is in, its name as written, and its value.
    mutating func document() throws(TOMLFailure) -> [(keys: [String], key: YAMLValue, value: YAMLValue)] {
        var entries: [(keys: [String], key: YAMLValue, value: YAMLValue)] = []
        while true {
            skipBlankLinesAndComments()
            guard let first = peek else { return entries }
            let (keyLine, keyColumn) = (line, column)
            if first == "[", tables {
                try header()
                continue
            }
            if first == "[" {
                var header = ""
                while let next = peek, next != "\n", next != "#" { header.unicodeScalars.append(next); at += 1 }
                header = header.trimmingCharacters(in: .whitespaces)
                let what = header.hasPrefix("[[") ? "an array of tables" : "a table header"
                throw failure("\(what) ('\(header)') groups the keys after it, which Broadside's front matter has no use for: write Broadside's keys as `key = value` lines above it, or \(Self.toYAML)",
                              line: keyLine, column: keyColumn)
            }
            let keys = try keyPath()
            let key = keys.joined(separator: ".")
            guard peek == "=" else { throw failure("expected `=` after the key '\(key)': write key = value, one to a line") }
            at += 1
            skipSpaces()
            let value = try self.value(of: key)
            skipSpaces()
            if peek == "#" { skipComment() }
            if let next = peek, next != "\n", !(next == "\r" && at + 1 < text.count && text[at + 1] == "\n") {
                throw failure("more follows the value of '\(key)' on its line: write one `key = value` to a line, and text in quotes")
            }
            guard let table else { continue }
            if entries.contains(where: { $0.keys == table + keys }) {
                throw failure("the key '\(key)' appears more than once: keep one", line: keyLine, column: keyColumn)
            }
            entries.append((table + keys, YAMLValue(.text(key, plain: true), line: keyLine, column: keyColumn), value))
        }
    }

    // MARK: Spaces, lines and comments

    mutating func skipSpaces() {
        while let next = peek, next == " " || next == "\t" { at += 1 }
    }

    mutating func skipComment() {
        while let next = peek, next != "\n" { at += 1 }
    }

    /// Past a line break at `at`, counting it.
    mutating func newLine() {
        at += 1
        line += 1
        lineStart = at
    }

    mutating func skipBlankLinesAndComments() {
        while let next = peek {
            switch next {
            case " ", "\t", "\r": at += 1
            case "\n": newLine()
            case "#": skipComment()
            default: return
            }
        }
    }

    // MARK: Keys

    mutating func key() throws(TOMLFailure) -> String {
        if peek == "\"" || peek == "'" { return try singleLineString() }
        var key = ""
        while let next = peek, Self.isBareKey(next) {
            key.unicodeScalars.append(next)
            at += 1
        }
        guard !key.isEmpty else {
            throw failure("expected a key, like title = \"…\": TOML front matter is `key = value` lines between `+++` lines")
        }
        return key
    }

    static func isBareKey(_ scalar: Unicode.Scalar) -> Bool {
        ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar) || scalar == "_" || scalar == "-"
    }

    // MARK: Values

    mutating func value(of key: String) throws(TOMLFailure) -> YAMLValue {
        let (valueLine, valueColumn) = (line, column)
        func made(_ shape: YAMLValue.Shape) -> YAMLValue { YAMLValue(shape, line: valueLine, column: valueColumn) }
        switch peek {
        case nil, "\n", "\r", "#":
            throw failure("'\(key)' has no value: write it after the `=`, text in quotes (\(key) = \"…\")")
        case "[":
            return made(.list(try array(of: key)))
        case "{" where tables:
            return made(.mapping(try inlineTable(of: key)))
        case "{":
            throw failure("'\(key)' is an inline table ({ … }), which Broadside's front matter has no use for: \(Self.toYAML)")
        case "\"", "'":
            return made(.text(try string(), plain: false))
        default:
            return made(.text(try bare(of: key), plain: true))
        }
    }

    /// `[a, b]`, over as many lines as it takes, with comments and a comma after the last item.
    mutating func array(of key: String) throws(TOMLFailure) -> [YAMLValue] {
        at += 1
        var items: [YAMLValue] = []
        while true {
            skipBlankLinesAndComments()
            guard let next = peek else { throw failure("the list of '\(key)' is never closed: end it with `]`") }
            if next == "]" {
                at += 1
                return items
            }
            if next == "[" || next == "{", !tables {
                throw failure("a list or table inside the list of '\(key)' cannot be read: write the list as [\"one\", \"two\"], or \(Self.toYAML)")
            }
            let item = try value(of: key)
            items.append(item)
            skipBlankLinesAndComments()
            if peek == "," {
                at += 1
            } else if peek != "]" {
                throw failure("expected `,` or `]` after an item of '\(key)': write the list as [\"one\", \"two\"]")
            }
        }
    }

    /// A number, boolean, date or time, as written: the readers of each key judge it as they
    /// judge YAML's plain words. Anything else is text without quotes, which TOML has not.
    mutating func bare(of key: String) throws(TOMLFailure) -> String {
        let (startLine, startColumn) = (line, column)
        var word = token()
        // A date and a time may be written with a space between them: `1979-05-27 07:32:00Z`.
        if Self.isDate(word), peek == " ", at + 3 < text.count, Self.isDigit(text[at + 1]), Self.isDigit(text[at + 2]), text[at + 3] == ":" {
            at += 1
            word += " " + token()
        }
        guard Self.isBareValue(word) else {
            // The rest of the line, so that the quotes to add go around what was meant.
            var rest = word
            while let next = peek, next != "\n", next != "\r", next != "#" { rest.unicodeScalars.append(next); at += 1 }
            rest = rest.trimmingCharacters(in: .whitespaces)
            throw failure("the value of '\(key)' is not a TOML value: put text in quotes, like \(key) = \"\(rest.replacingOccurrences(of: "\"", with: "\\\""))\"",
                          line: startLine, column: startColumn)
        }
        return word
    }

    mutating func token() -> String {
        var word = ""
        while let next = peek, !" \t\r\n,]}#".unicodeScalars.contains(next) {
            word.unicodeScalars.append(next)
            at += 1
        }
        return word
    }

    static func isDigit(_ scalar: Unicode.Scalar) -> Bool { ("0"..."9").contains(scalar) }

    static func isDate(_ word: String) -> Bool {
        let scalars = Array(word.unicodeScalars)
        return scalars.count == 10 && scalars.enumerated().allSatisfy { index, scalar in index == 4 || index == 7 ? scalar == "-" : isDigit(scalar) }
    }

    static func isBareValue(_ word: String) -> Bool {
        if ["true", "false", "inf", "+inf", "-inf", "nan", "+nan", "-nan"].contains(word) { return true }
        guard let first = word.unicodeScalars.first, isDigit(first) || first == "+" || first == "-" else { return false }
        // Numbers (`42`, `-3`, `1_000`, `0x1F`, `6.02e23`) and dates and times (`1979-05-27`,
        // `07:32:00`, `1979-05-27T07:32:00-08:00`): digits and the few signs they are made of.
        return word.unicodeScalars.allSatisfy { isDigit($0) || "+-_.:eExXoObBTtZz ".unicodeScalars.contains($0) || ("a"..."f").contains($0) || ("A"..."F").contains($0) }
    }

    // MARK: Strings

    mutating func string() throws(TOMLFailure) -> String {
        let quote = text[at]
        if at + 2 < text.count, text[at + 1] == quote, text[at + 2] == quote { return try multiLineString(quote) }
        return try singleLineString()
    }

    /// `"basic"`, with escapes, or `'literal'`, as written.
    mutating func singleLineString() throws(TOMLFailure) -> String {
        let quote = text[at]
        let (startLine, startColumn) = (line, column)
        at += 1
        var value = ""
        while true {
            guard let next = peek, next != "\n" else {
                throw failure("this text is not closed on its line: end it with \(quote)", line: startLine, column: startColumn)
            }
            at += 1
            if next == quote { return value }
            if next == "\\", quote == "\"" {
                value.unicodeScalars.append(try escape())
            } else {
                value.unicodeScalars.append(next)
            }
        }
    }

    /// `"""…"""` or `'''…'''`: a line break right after the opening quotes is not part of it,
    /// and in the basic kind a `\` at the end of a line joins it to the next.
    mutating func multiLineString(_ quote: Unicode.Scalar) throws(TOMLFailure) -> String {
        let (startLine, startColumn) = (line, column)
        at += 3
        if peek == "\r", at + 1 < text.count, text[at + 1] == "\n" { at += 1 }
        if peek == "\n" { newLine() }
        var value = ""
        while true {
            guard let next = peek else {
                throw failure("this text is never closed: end it with \(String(repeating: String(quote), count: 3))", line: startLine, column: startColumn)
            }
            if next == quote, at + 2 < text.count, text[at + 1] == quote, text[at + 2] == quote {
                // Up to two quotes may stand just before the closing three.
                var quotes = 3
                while quotes < 5, at + quotes < text.count, text[at + quotes] == quote { quotes += 1 }
                for _ in 3..<quotes { value.unicodeScalars.append(quote) }
                at += quotes
                return value
            }
            if next == "\n" {
                value.unicodeScalars.append(next)
                newLine()
                continue
            }
            at += 1
            guard next == "\\", quote == "\"" else {
                value.unicodeScalars.append(next)
                continue
            }
            // A `\` before the end of its line: the break and the spaces after it are left out.
            var ahead = at
            while ahead < text.count, text[ahead] == " " || text[ahead] == "\t" || text[ahead] == "\r" { ahead += 1 }
            if ahead < text.count, text[ahead] == "\n" {
                at = ahead
                while let space = peek, space == " " || space == "\t" || space == "\r" || space == "\n" {
                    if space == "\n" { newLine() } else { at += 1 }
                }
                continue
            }
            value.unicodeScalars.append(try escape())
        }
    }

    /// The character a `\` escape stands for; `at` is just past the `\`.
    mutating func escape() throws(TOMLFailure) -> Unicode.Scalar {
        let (escapeLine, escapeColumn) = (line, column - 1)
        guard let letter = peek else { throw failure("a `\\` ends the text: write \\\\ for a backslash") }
        at += 1
        switch letter {
        case "b": return "\u{8}"
        case "t": return "\t"
        case "n": return "\n"
        case "f": return "\u{C}"
        case "r": return "\r"
        case "e": return "\u{1B}"
        case "\"": return "\""
        case "\\": return "\\"
        case "u", "U":
            let digits = letter == "u" ? 4 : 8
            var hex = ""
            while hex.unicodeScalars.count < digits, let next = peek, next.properties.isASCIIHexDigit {
                hex.unicodeScalars.append(next)
                at += 1
            }
            if hex.unicodeScalars.count == digits, let code = UInt32(hex, radix: 16), let scalar = Unicode.Scalar(code) { return scalar }
            throw failure("'\\\(letter)\(hex)' is not a character: write \\u and four hex digits, like \\u00E9", line: escapeLine, column: escapeColumn)
        default:
            throw failure("'\\\(letter)' is not a TOML escape: write \\\\ for a backslash, or use 'single quotes', which take text as written",
                          line: escapeLine, column: escapeColumn)
        }
    }
}
