/// A whole TOML file, such as Hugo's `hugo.toml`, whose `[tables]`, dotted keys and inline
/// tables become nested mappings. Arrays of tables (`[[menu.main]]`) are read past: they hold
/// menus and the like, which nothing reads from a config here.
enum TOMLDocument {
    static func mapping(_ toml: String, path: String, diagnostics: inout Diagnostics) -> [(key: YAMLValue, value: YAMLValue)]? {
        var reader = TOMLReader(Array(toml.unicodeScalars), tables: true)
        do {
            var pairs: [(key: YAMLValue, value: YAMLValue)] = []
            for entry in try reader.document() { insert(entry.keys[...], key: entry.key, value: entry.value, into: &pairs) }
            return pairs
        } catch {
            diagnostics.error("TOML: \(error.message)", at: SourceLocation(path: path, line: error.line, column: error.column))
            return nil
        }
    }

    static func insert(_ keys: ArraySlice<String>, key: YAMLValue, value: YAMLValue, into pairs: inout [(key: YAMLValue, value: YAMLValue)]) {
        guard let name = keys.first else { return }
        let (line, column) = key.position ?? (1, 1)
        if keys.count == 1 {
            pairs.append((YAMLValue(.text(name, plain: true), line: line, column: column), value))
            return
        }
        let existing = pairs.firstIndex { $0.key.text == name }
        var inner = existing.flatMap { pairs[$0].value.mapping } ?? []
        insert(keys.dropFirst(), key: key, value: value, into: &inner)
        let table = YAMLValue(.mapping(inner), line: line, column: column)
        if let existing {
            pairs[existing].value = table
        } else {
            pairs.append((YAMLValue(.text(name, plain: true), line: line, column: column), table))
        }
    }
}

/// Dotted keys, table headers and inline tables: what only a config file may use.
extension TOMLReader {
    /// A key, or the dotted keys of a table (`a.b.c`), which only a config file may use.
    mutating func keyPath() throws(TOMLFailure) -> [String] {
        var keys = [try self.key()]
        skipSpaces()
        while peek == "." {
            guard tables else {
                throw failure("a dotted key ('\(keys[0]).…') makes a table, which Broadside's front matter has no use for: write `key = value` with a plain key, or \(Self.toYAML)")
            }
            at += 1
            skipSpaces()
            keys.append(try self.key())
            skipSpaces()
        }
        return keys
    }

    /// `[a.b]` makes the keys after it those of table `a.b`; `[[a.b]]` starts an array of tables.
    mutating func header() throws(TOMLFailure) {
        at += 1
        let isArray = peek == "["
        if isArray { at += 1 }
        skipSpaces()
        let keys = try keyPath()
        for _ in 0..<(isArray ? 2 : 1) {
            guard peek == "]" else { throw failure("a table header is closed with \(isArray ? "]]" : "]")") }
            at += 1
        }
        skipSpaces()
        if peek == "#" { skipComment() }
        table = isArray ? nil : keys
    }

    /// `{ a = 1, b.c = "x" }`, on one line.
    mutating func inlineTable(of key: String) throws(TOMLFailure) -> [(key: YAMLValue, value: YAMLValue)] {
        at += 1
        var pairs: [(key: YAMLValue, value: YAMLValue)] = []
        while true {
            skipSpaces()
            if peek == "}" {
                at += 1
                return pairs
            }
            let (keyLine, keyColumn) = (line, column)
            let keys = try keyPath()
            guard peek == "=" else { throw failure("expected `=` after '\(keys.joined(separator: "."))' in the table of '\(key)'") }
            at += 1
            skipSpaces()
            let value = try self.value(of: keys.joined(separator: "."))
            TOMLDocument.insert(keys[...], key: YAMLValue(.text(keys[0], plain: true), line: keyLine, column: keyColumn), value: value, into: &pairs)
            skipSpaces()
            if peek == "," {
                at += 1
            } else if peek != "}" {
                throw failure("expected `,` or `}` in the table of '\(key)'")
            }
        }
    }
}
