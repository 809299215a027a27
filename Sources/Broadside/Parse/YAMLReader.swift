/// Reads a group of known keys (a page's front matter, site.yml, a block's options) and
/// remembers each key it was asked for: `finish` then warns of every key written but never
/// asked for. The keys a reader knows are the ones its code reads, so a new key is one line,
/// and no list of them can fall out of step with what is read.
///
/// Every key is to be asked for before `finish`, whatever the values: a reader reads all its
/// keys first and judges them after, so a key another key's value makes useless is still
/// known (and one run reports every problem).
struct YAMLReader {
    private let fields: YAMLFields
    /// The known keys, in the order first asked for: the order messages list them in.
    private var asked: [String] = []
    /// Keys read but never suggested: other generators' names for keys of Broadside's own.
    private var unlisted: [String] = []

    init(_ fields: YAMLFields) {
        self.fields = fields
        asked.reserveCapacity(16)
    }

    /// The keys as written, in order.
    var keys: [String] { fields.keys }

    private mutating func ask(_ key: String) {
        if !asked.contains(key) && !unlisted.contains(key) { asked.append(key) }
    }

    /// Keys read but never offered as what the author meant: other generators' names.
    mutating func readUnlisted(_ keys: [String]) {
        for key in keys where !unlisted.contains(key) { unlisted.append(key) }
    }

    /// What is written under `key`, without asking for it: to decide how to read another key.
    func peek(_ key: String) -> YAMLValue? {
        fields.entry(key)?.value
    }

    mutating func entry(_ key: String) -> (key: YAMLValue, value: YAMLValue)? {
        ask(key)
        return fields.entry(key)
    }

    mutating func string(_ key: String, diagnostics: inout Diagnostics) -> String? {
        ask(key)
        return fields.string(key, diagnostics: &diagnostics)
    }

    mutating func bool(_ key: String, diagnostics: inout Diagnostics) -> Bool? {
        ask(key)
        return fields.bool(key, diagnostics: &diagnostics)
    }

    mutating func int(_ key: String, diagnostics: inout Diagnostics) -> Int? {
        ask(key)
        return fields.int(key, diagnostics: &diagnostics)
    }

    mutating func day(_ key: String, diagnostics: inout Diagnostics) -> Day? {
        ask(key)
        return fields.day(key, diagnostics: &diagnostics)
    }

    mutating func stringList(_ key: String, diagnostics: inout Diagnostics) -> [String]? {
        ask(key)
        return fields.stringList(key, diagnostics: &diagnostics)
    }

    mutating func locatedStrings(_ key: String, diagnostics: inout Diagnostics) -> [Located<String>]? {
        ask(key)
        return fields.locatedStrings(key, diagnostics: &diagnostics)
    }

    /// An address under `key`, checked against `AuthorURL`: nil after an error when it is not allowed.
    mutating func address(_ key: String, diagnostics: inout Diagnostics) -> String? {
        guard let url = string(key, diagnostics: &diagnostics) else { return nil }
        if let problem = AuthorURL.problem(url) {
            diagnostics.report(.safety(.unsafeURL, "'\(key)': \(problem)", at: fields.location(ofValue: key)))
            return nil
        }
        return url
    }

    /// A group of the author's own names under `key` (languages, columns, checks): no key in
    /// it is unknown.
    mutating func mapping(_ key: String, diagnostics: inout Diagnostics) -> YAMLFields? {
        ask(key)
        return fields.fields(key, diagnostics: &diagnostics)
    }

    /// A group of known keys under `key`, read by a reader of its own, which its reader finishes.
    mutating func group(_ key: String, diagnostics: inout Diagnostics) -> YAMLReader? {
        mapping(key, diagnostics: &diagnostics).map(YAMLReader.init)
    }

    func location(of value: YAMLValue) -> SourceLocation {
        fields.location(of: value)
    }

    func location(ofKey key: String) -> SourceLocation? {
        fields.location(ofKey: key)
    }

    func location(ofValue key: String) -> SourceLocation? {
        fields.location(ofValue: key)
    }

    /// Warns of each key written but never asked for, at the key. The warning names the key
    /// likely meant when one is close, or what `otherGenerators` says of it; only without
    /// either does it list the known keys.
    func finish(what: String, rule: Rule? = nil, otherGenerators: [String: KeyAdvice] = [:], diagnostics: inout Diagnostics) {
        for key in fields.keys where !asked.contains(key) && !unlisted.contains(key) {
            guard let entry = fields.entry(key) else { continue }
            let message = switch KeyAdvice.about(key, known: asked, otherGenerators: otherGenerators) {
            case .meant(let meant)?: "unknown \(what) key '\(key)' is ignored: did you mean `\(meant)`?"
            case .noEquivalent(let instead)?: "\(what) key '\(key)' is ignored: Broadside has no equivalent; \(instead)"
            case nil: "unknown \(what) key '\(key)' is ignored (known keys: \(asked.joined(separator: ", ")))"
            }
            let at = fields.location(of: entry.key)
            diagnostics.report(rule.map { .finding($0, message, at: at) } ?? .warning(message, at: at))
        }
    }
}
