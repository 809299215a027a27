/// The editor's front-matter form: a page's keys read as values, and keys written back into
/// the page's own text, each at its place, every other line (comments, order, spacing) kept
/// byte for byte, so a page edited in the form reads as the person who wrote it left it.
public enum FrontMatterEdit {
    public struct Form: Sendable, Equatable {
        public var fields: [String: FrontMatterValue]
        /// Keys the form cannot show (a mapping, like `event:`): edited in the text.
        public var others: [String]
        public var body: String
    }

    /// Why a change cannot be written; `key` names the field at fault.
    public struct Problem: Error, Equatable, CustomStringConvertible {
        public var key: String?
        public var message: String
        public var description: String { key.map { "'\($0)': \(message)" } ?? message }
    }

    /// The page's front matter as form fields and its body; nil when the front matter cannot
    /// be read (the build says why), which the text alone then edits.
    public static func form(of text: String) -> Form? {
        let page = Layout(text)
        guard !page.hasLoneCR else { return nil }
        guard let yaml = page.yaml else { return Form(fields: [:], others: [], body: page.body) }
        var ignored = Diagnostics()
        let entries: [(key: YAMLValue, value: YAMLValue)]?
        if page.isTOML {
            entries = TOMLFrontMatter.entries(yaml.joined(separator: "\n"), path: "", lineOffset: 1, diagnostics: &ignored)
        } else {
            let fields = YAMLFields(yaml: yaml.joined(separator: "\n"), path: "", lineOffset: 1, what: "front matter", diagnostics: &ignored)
            entries = fields.map { fields in fields.keys.compactMap { key in fields.entry(key) } }
        }
        guard let entries, !ignored.hasErrors else { return nil }
        var form = Form(fields: [:], others: [], body: page.body)
        for (key, value) in entries {
            guard let name = key.text else { continue }
            guard var value = FrontMatterValue(value) else {
                form.others.append(name)
                continue
            }
            // As the form sends it back: one tag is a list of one, a moment its day.
            if case .text(let text) = value, let kinds = kinds[name] {
                if kinds == [.list] { value = .list([text]) }
                if kinds == [.day], let day = Day(dateOrMoment: text) { value = .text(day.description) }
            }
            form.fields[name] = value
        }
        return form
    }

    /// `text` with each key of `fields` set: its line (or its block, for a list or mapping)
    /// replaced where it is, a new key added after the others, `.none` removing it; then
    /// `body` after the front matter when given. A page without front matter gets one.
    public static func apply(_ fields: [String: FrontMatterValue], body: String? = nil, to text: String) throws(Problem) -> String {
        var page = Layout(text)
        if page.isTOML, !fields.isEmpty {
            throw Problem(message: "this page's front matter is TOML (between +++ lines), which the form does not write: edit its text instead")
        }
        let unreadable = Problem(message: "the front matter cannot be read: fix it in the text first")
        var present: Set<String> = []
        if page.yaml != nil || page.hasLoneCR, !fields.isEmpty {
            guard let form = form(of: text) else { throw unreadable }
            present = Set(form.fields.keys).union(form.others)
        }
        var lines = page.yaml ?? []
        for key in order(fields.keys) {
            let written = try line(key, fields[key]!)
            let read = FrontMatterLines(lines)
            let found = read.keys.filter { $0.name == key }
            // The build refuses a key written twice, and the form a key it found but cannot
            // place: either way these lines are not read here as the build reads them.
            guard found.count <= 1, !found.isEmpty || !present.contains(key) else { throw unreadable }
            if let old = found.first {
                // Comments inside the old value stay, under the new one; one after an item, on its own line.
                let comments = lines.indices[old.line...old.end].dropFirst().compactMap { index -> String? in
                    if read.comments.contains(index) { return lines[index] }
                    guard let start = read.endComments[index] else { return nil }
                    let line = lines[index]
                    return String(line.prefix { $0 == " " || $0 == "\t" }) + line[start...].drop { $0 == " " || $0 == "\t" }
                }
                let kept = written.map { written in [old.comment.map { written + lines[old.line][$0...] } ?? written] } ?? []
                lines.replaceSubrange(old.line...old.end, with: kept + comments)
            } else if let written {
                lines.append(written)
            }
        }
        if page.yaml != nil || !lines.isEmpty { page.yaml = lines }
        if let body { page.body = body }
        return page.text
    }

    /// The keys in the order a new page's front matter has them, others after, by name.
    private static func order(_ keys: Dictionary<String, FrontMatterValue>.Keys) -> [String] {
        let usual = ["title", "summary", "date", "reviewed", "tags", "translation_of"]
        return keys.sorted { (usual.firstIndex(of: $0) ?? usual.count, $0) < (usual.firstIndex(of: $1) ?? usual.count, $1) }
    }

    /// What each key the build reads takes; a key it does not know takes any value.
    private enum Kind { case text, day, flag, number, list }
    private static let kinds: [String: [Kind]] = [
        "title": [.text], "summary": [.text], "description": [.text], "layout": [.text], "translation_of": [.text],
        "bilingual": [.text], "call_script": [.text], "date": [.day], "reviewed": [.day], "tags": [.list],
        "aliases": [.list], "redirect_from": [.list], "draft": [.flag], "published": [.flag], "handout": [.flag],
        "legal": [.flag], "duplex": [.flag], "weight": [.number], "pages": [.number, .list],
    ]

    /// `key: value` as YAML, nil to remove the key.
    private static func line(_ key: String, _ value: FrontMatterValue) throws(Problem) -> String? {
        guard let first = key.unicodeScalars.first, first.properties.isAlphabetic || first == "_",
              key.unicodeScalars.allSatisfy({ $0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "_" || $0 == "-" }) else {
            throw Problem(key: key, message: "a key is letters, digits, _ and -, starting with a letter")
        }
        let kinds = kinds[key]
        func refuse(_ what: String) -> Problem { Problem(key: key, message: "must be \(what)") }
        switch value {
        case .none:
            return nil
        case .text(let text):
            if kinds?.contains(.day) == true {
                guard Day(text) != nil else { throw refuse("a date written YYYY-MM-DD, like 2026-03-02") }
                return "\(key): \(text)"
            }
            if let kinds, !kinds.contains(.text) { throw refuse(describe(kinds)) }
            // A date stays a date where the build does not say what a key holds.
            return "\(key): \(kinds == nil && Day(text) != nil ? text : YAMLWriting.scalar(text))"
        case .flag(let flag):
            if let kinds, !kinds.contains(.flag) { throw refuse(describe(kinds)) }
            return "\(key): \(flag)"
        case .number(let number):
            if let kinds, !kinds.contains(.number) { throw refuse(describe(kinds)) }
            return "\(key): \(number)"
        case .list(let items):
            if let kinds, !kinds.contains(.list) { throw refuse(describe(kinds)) }
            return "\(key): \(YAMLWriting.list(items))"
        case .unsupported:
            throw Problem(key: key, message: "the form writes text, true or false, whole numbers and lists of text: edit this key in the page's text")
        }
    }

    private static func describe(_ kinds: [Kind]) -> String {
        kinds.map { kind in
            switch kind {
            case .text: "text"
            case .day: "a date written YYYY-MM-DD"
            case .flag: "true or false"
            case .number: "a whole number"
            case .list: "a list of text"
            }
        }.joined(separator: " or ")
    }

    /// A page's text cut into its front matter's lines and its body, and put back together.
    private struct Layout {
        /// The YAML between the fences, one line each (a `\r` kept at the end of its line); nil without front matter.
        var yaml: [String]?
        var isTOML = false
        var opening = "---"
        var closing = "---"
        var newline = "\n"
        var body: String
        /// A byte-order mark before it all, which the build skips and the form keeps.
        var mark = ""
        /// A line ending in `\r` alone (old Mac files), which the build reads as a line break
        /// and this does not: the form leaves such a page to its text.
        var hasLoneCR = false

        init(_ text: String) {
            var text = text
            if text.unicodeScalars.first == "\u{FEFF}" {
                mark = "\u{FEFF}"
                text.unicodeScalars.removeFirst()
            }
            newline = text.contains("\r\n") ? "\r\n" : "\n"
            // By bytes: as characters, `\r\n` is one and would not split at `\n`.
            var lines = text.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).map { String(decoding: $0, as: UTF8.self) }
            hasLoneCR = lines.contains { $0.utf8.dropLast().contains(UInt8(ascii: "\r")) }
            func isFence(_ line: String, _ fence: String) -> Bool {
                line.hasPrefix(fence) && line.dropFirst(3).allSatisfy { $0 == " " || $0 == "\t" || $0 == "\r" }
            }
            let fence = lines.first.map { isFence($0, "+++") } == true ? "+++" : "---"
            guard lines.count > 1, isFence(lines[0], fence),
                  let close = lines.indices.dropFirst().first(where: { isFence(lines[$0], fence) || (fence == "---" && lines[$0].hasPrefix("...") && lines[$0].dropFirst(3).allSatisfy { $0 == "\r" }) }) else {
                body = text
                return
            }
            isTOML = fence == "+++"
            opening = lines[0]
            closing = lines[close]
            yaml = Array(lines[1..<close])
            lines.removeFirst(close + 1)
            body = lines.joined(separator: "\n")
        }

        var text: String {
            guard let yaml else { return mark + body }
            let end = newline == "\r\n" ? "\r" : ""
            let head = [opening] + yaml.map { $0.hasSuffix("\r") || end.isEmpty ? $0 : $0 + end } + [closing]
            return mark + head.joined(separator: "\n") + "\n" + body
        }
    }
}
