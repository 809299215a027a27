import Foundation
import Yams

/// Reads a YAML mapping key by key, reporting each problem at the line of the value itself.
/// Front matter and site.yml share it, so both speak the same error language.
struct YAMLFields {
    let path: String
    /// Lines before the YAML text in its file (1 for front matter after its `---`).
    let lineOffset: Int
    /// The keys in the order they are written, and each one's key and value. Front matter
    /// has a few keys, each looked up for every page: looked through, which costs less than
    /// hashing them; past `indexed` keys, found by a dictionary.
    private(set) var keys: [String] = []
    private var pairs: [(key: YAMLValue, value: YAMLValue)] = []
    private var index: [String: Int]?
    private static let indexed = 16

    /// nil (after reporting) when the text is not YAML or not a mapping of keys.
    init?(yaml: String, path: String, lineOffset: Int, what: String, diagnostics: inout Diagnostics) {
        self.path = path
        self.lineOffset = lineOffset
        if let entries = PlainYAML.entries(yaml) {
            add(entries)
            return
        }
        if let (line, column) = YAMLAliases.aliasedKey(in: yaml) {
            diagnostics.report(.safety(.yamlAliases, "\(what): a key that is or holds an alias (*name) cannot be read safely; write the key out in full",
                                       at: SourceLocation(path: path, line: line + lineOffset, column: column)))
            return nil
        }
        let node: Node?
        do {
            // The encoding named, not `.default`: that one reads the environment on every call.
            // The basic resolver leaves every value text: the default one runs seven regular
            // expressions on each value (and on each key, to find duplicates), which was most
            // of reading front matter. `bool` and `isNull` read YAML's plain words instead.
            node = try Yams.compose(yaml: yaml, .basic, .default, .utf8)
        } catch let error as YamlError {
            diagnostics.report(Self.unquotedColon(error, in: yaml, path: path, lineOffset: lineOffset)
                               ?? Self.diagnostic(for: error, path: path, lineOffset: lineOffset))
            return nil
        } catch {
            diagnostics.error("\(what) could not be read: \(error)", at: SourceLocation(path: path, line: lineOffset + 1))
            return nil
        }
        guard let node else { return }
        var budget = YAMLBudget(for: yaml)
        guard let value = YAMLValue(node, budget: &budget) else {
            let at = budget.exhaustedAt.map { SourceLocation(path: path, line: $0.line + lineOffset, column: $0.column) }
            diagnostics.report(.safety(.yamlAliases, "\(what): its aliases (*name) repeat values past \(YAMLAliases.extraValues) more values or 1 MB more text than it spells out; write the values out instead",
                                       at: at ?? SourceLocation(path: path, line: lineOffset + 1)))
            return nil
        }
        guard let mapping = value.mapping else {
            if what == "front matter", Self.looksLikeTOML(yaml) {
                diagnostics.error("front matter: this is TOML (`key = value`), which goes between `+++` lines: change both `---` lines to `+++`, or write each line as `key: value`",
                                  at: location(of: value))
                return nil
            }
            diagnostics.error("\(what) must be a list of `key: value` lines", at: location(of: value))
            return nil
        }
        add(mapping)
    }

    /// Keys and values another reader made (TOML front matter), read as YAML's are.
    init(entries: [(key: YAMLValue, value: YAMLValue)], path: String, lineOffset: Int) {
        self.path = path
        self.lineOffset = lineOffset
        add(entries)
    }

    /// A key written twice keeps its first place and takes its last value.
    private mutating func add(_ written: [(key: YAMLValue, value: YAMLValue)]) {
        for (key, value) in written {
            let name = key.text ?? ""
            if let at = place(of: name) {
                pairs[at] = (key, value)
                continue
            }
            keys.append(name)
            pairs.append((key, value))
            if index != nil {
                index?[name] = keys.count - 1
            } else if keys.count > Self.indexed {
                index = Dictionary(keys.enumerated().map { ($1, $0) }, uniquingKeysWith: { first, _ in first })
            }
        }
    }

    private func place(of key: String) -> Int? {
        if let index { return index[key] }
        return keys.firstIndex(of: key)
    }

    /// The key as written and its value.
    func entry(_ key: String) -> (key: YAMLValue, value: YAMLValue)? {
        place(of: key).map { pairs[$0] }
    }

    func location(of value: YAMLValue) -> SourceLocation {
        guard let (line, column) = value.position else { return SourceLocation(path: path, line: lineOffset + 1) }
        return SourceLocation(path: path, line: line + lineOffset, column: column)
    }

    func location(ofKey key: String) -> SourceLocation? {
        entry(key).map { location(of: $0.key) }
    }

    /// Where the value of `key` is written: the place to point at when the value is wrong.
    func location(ofValue key: String) -> SourceLocation? {
        entry(key).map { location(of: $0.value) }
    }

    func string(_ key: String, diagnostics: inout Diagnostics) -> String? {
        guard let value = entry(key)?.value else { return nil }
        guard let text = value.text, !Self.isNull(value) else {
            diagnostics.error("'\(key)' must be text", at: location(of: value))
            return nil
        }
        return text
    }

    func bool(_ key: String, diagnostics: inout Diagnostics) -> Bool? {
        guard let value = entry(key)?.value else { return nil }
        guard let bool = Self.bool(value) else {
            diagnostics.error("'\(key)' must be true or false", at: location(of: value))
            return nil
        }
        return bool
    }

    func int(_ key: String, diagnostics: inout Diagnostics) -> Int? {
        guard let value = entry(key)?.value else { return nil }
        guard let int = value.int else {  // Yams reads numbers by their text, whatever the resolver
            diagnostics.error("'\(key)' must be a whole number", at: location(of: value))
            return nil
        }
        return int
    }

    /// A value written as one of YAML 1.1's words for true and false, plainly: a quoted
    /// "yes" is text. Only the spellings YAML names (`true`, `True`, `TRUE`…): without the
    /// default resolver, Yams' own `bool` would also take `tRuE`, which the default one leaves as text.
    static func bool(_ value: YAMLValue) -> Bool? {
        value.plainText.flatMap { booleans[$0] }
    }

    private static let booleans: [String: Bool] = Dictionary(uniqueKeysWithValues:
        ["true", "yes", "on"].flatMap { [$0, $0.capitalized, $0.uppercased()] }.map { ($0, true) }
        + ["false", "no", "off"].flatMap { [$0, $0.capitalized, $0.uppercased()] }.map { ($0, false) })

    /// `key:` with nothing after it, or `~` or `null`: no value.
    private static func isNull(_ value: YAMLValue) -> Bool {
        value.plainText.map { ["", "~", "null", "Null", "NULL"].contains($0) } ?? false
    }

    func day(_ key: String, diagnostics: inout Diagnostics) -> Day? {
        guard let value = entry(key)?.value else { return nil }
        guard let text = value.text, let day = Day(dateOrMoment: text) else {
            diagnostics.error("'\(key)' must be a date written YYYY-MM-DD, like 2026-03-02", at: location(of: value))
            return nil
        }
        return day
    }

    func stringList(_ key: String, diagnostics: inout Diagnostics) -> [String]? {
        locatedStrings(key, diagnostics: &diagnostics)?.map(\.value)
    }

    /// A list of text, or one text, with where each item is written.
    func locatedStrings(_ key: String, diagnostics: inout Diagnostics) -> [Located<String>]? {
        guard let value = entry(key)?.value else { return nil }
        if let list = value.list {
            var items: [Located<String>] = []
            for item in list {
                guard let text = item.text else {
                    diagnostics.error("each item of '\(key)' must be text", at: location(of: item))
                    continue
                }
                items.append(Located(text, at: location(of: item)))
            }
            return items
        }
        guard let text = value.text else {
            diagnostics.error("'\(key)' must be a list, like [one, two]", at: location(of: value))
            return nil
        }
        return [Located(text, at: location(of: value))]
    }

    func fields(_ key: String, diagnostics: inout Diagnostics) -> YAMLFields? {
        guard let value = entry(key)?.value else { return nil }
        guard let mapping = value.mapping else {
            diagnostics.error("'\(key)' must be a group of `key: value` lines", at: location(of: value))
            return nil
        }
        var nested = self
        nested.keys = []
        nested.pairs = []
        nested.index = nil
        nested.add(mapping)
        return nested
    }

    /// Hugo's `title = "…"` lines between `---` lines: each first word a key, then ` = `.
    private static func looksLikeTOML(_ text: String) -> Bool {
        let lines = text.split(separator: "\n").filter { !$0.allSatisfy(\.isWhitespace) && !$0.hasPrefix("#") }
        return !lines.isEmpty && lines.allSatisfy { line in
            guard let equals = line.firstRange(of: " = ") ?? line.firstRange(of: "=") else { return line.hasPrefix(" ") || line.hasPrefix("\t") || line.hasPrefix("]") }
            let key = line[..<equals.lowerBound].trimmingCharacters(in: .whitespaces)
            return !key.isEmpty && key.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" }
        }
    }

    /// `title: Relief: what to know`: YAML takes the second `: ` as the start of another key
    /// and says "mapping values are not allowed in this context". Said as what to write
    /// instead, at the value, when the line Yams points at is `key: value: more`.
    private static func unquotedColon(_ error: YamlError, in yaml: String, path: String, lineOffset: Int) -> Diagnostic? {
        guard case let .scanner(_, problem, mark, _) = error, problem.hasPrefix("mapping values are not allowed") else { return nil }
        let lines = yaml.split(separator: "\n", omittingEmptySubsequences: false)
        guard mark.line >= 1, mark.line <= lines.count else { return nil }
        var line = Substring(lines[mark.line - 1])
        if line.hasSuffix("\r") { line = line.dropLast() }
        let indent = line.prefix { $0 == " " }.count
        let keyAndValue = line.dropFirst(indent)
        guard let colon = keyAndValue.firstIndex(of: ":"), keyAndValue[..<colon].allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" || $0 == "-" }),
              !keyAndValue[..<colon].isEmpty else { return nil }
        let key = keyAndValue[..<colon]
        let afterColon = keyAndValue[keyAndValue.index(after: colon)...]
        let valueIndent = afterColon.prefix { $0 == " " }.count
        guard valueIndent > 0 else { return nil }
        var value = afterColon.dropFirst(valueIndent)
        while value.last == " " { value = value.dropLast() }
        guard let first = value.first, !"\"'[{|>&*!".contains(first), value.contains(":") else { return nil }
        let quoted = value.contains("\"") && !value.contains("'") ? "'\(value)'"
            : "\"" + value.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
        let column = indent + key.count + 1 + valueIndent + 1
        return .error("the \(key) has a colon in it, which YAML reads as the start of another key: put the \(key) in quotes: \(key): \(quoted)",
                      at: SourceLocation(path: path, line: mark.line + lineOffset, column: column))
    }

    private static func diagnostic(for error: YamlError, path: String, lineOffset: Int) -> Diagnostic {
        func at(_ mark: Mark) -> SourceLocation {
            SourceLocation(path: path, line: mark.line + lineOffset, column: mark.column)
        }
        switch error {
        case let .scanner(_, problem, mark, _), let .parser(_, problem, mark, _), let .composer(_, problem, mark, _):
            return .error("YAML: \(problem)", at: at(mark))
        case let .duplicatedKeysInMapping(duplicates, context):
            return .error("YAML: the key '\(duplicates.joined(separator: "', '"))' appears more than once", at: at(context.mark))
        default:
            return .error("YAML: \(error)", at: SourceLocation(path: path, line: lineOffset + 1))
        }
    }
}
