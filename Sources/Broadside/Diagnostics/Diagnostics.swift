/// Collects every problem a build finds, so one run reports them all before failing.
public struct Diagnostics: Sendable {
    public private(set) var all: [Diagnostic] = []

    public init() {}

    public mutating func report(_ diagnostic: Diagnostic) {
        all.append(diagnostic)
    }

    /// Another collection's problems, after this one's: per-page problems found in parallel
    /// keep the order a one-core build reports them in.
    mutating func append(_ other: Diagnostics) {
        all += other.all
    }

    public mutating func error(_ message: String, at location: SourceLocation?) {
        report(.error(message, at: location))
    }

    public mutating func warning(_ message: String, at location: SourceLocation?) {
        report(.warning(message, at: location))
    }

    public var hasErrors: Bool { all.contains { $0.severity == .error } }
    public var errorCount: Int { all.filter { $0.severity == .error }.count }
    public var warningCount: Int { all.filter { $0.severity == .warning }.count }

    /// Sorted by file and position, as a reader fixes them, errors first at one place, then
    /// by message: the same whichever step of the build found each.
    public var sorted: [Diagnostic] {
        all.sorted(by: Self.inOrder)
    }

    /// How many warnings of one rule `build` and `serve` print; a line sums up the rest. A
    /// large site with most pages above the reading-grade target would print megabytes, a
    /// broken link lost among ten thousand lines, and a terminal takes seconds to scroll them.
    /// `check` lists every one.
    public static let warningsShownPerRule = 10

    /// `sorted` as lines of UTF-8 text: every one, or with `warningsPerRule`, every error and
    /// that many warnings of each rule (and of those without one), then a line for each rule
    /// with more saying how many. Made across the cores a few hundred lines at a time: joined
    /// as strings, thousands of lines were looked at once more.
    public func printed(warningsPerRule limit: Int? = nil) -> [UInt8] {
        Self.printed(sorted, warningsPerRule: limit)
    }

    /// `printed` of messages already in `sorted` order.
    public static func printed(_ messages: [Diagnostic], warningsPerRule limit: Int? = nil) -> [UInt8] {
        let (lines, left) = limit.map { shown(messages, warningsPerRule: $0) } ?? (messages, [])
        let runs = stride(from: 0, to: lines.count, by: 256).map { $0..<min($0 + 256, lines.count) }
        let made = runs.concurrentMap { run in
            var bytes: [UInt8] = []
            for line in lines[run] {
                line.append(to: &bytes)
                bytes.append(UInt8(ascii: "\n"))
            }
            return bytes
        }
        var printed: [UInt8] = []
        printed.reserveCapacity(made.reduce(0) { $0 + $1.count })
        for bytes in made { printed += bytes }
        // Each rule's own note, naming it as site.yml's `checks:` does, so an author can tune it there.
        for (rule, count) in left {
            let warnings = "… and \(count) more \(rule.map { "[\($0.rawValue)] " } ?? "")warning\(count == 1 ? "" : "s")"
            let tune = rule?.isTunable == true ? "; tune with `checks:` in site.yml" : ""
            printed += "note: \(warnings) not shown (`broadside check` lists them all)\(tune)\n".utf8
        }
        return printed
    }

    /// The messages `printed` shows, and how many warnings of each rule it leaves out, in the
    /// order the rules first come. Counted in a list, not a dictionary: a site's messages are
    /// of a few rules, and hashing a rule hashes its name.
    private static func shown(_ messages: [Diagnostic], warningsPerRule limit: Int) -> ([Diagnostic], [(rule: Rule?, count: Int)]) {
        var counts: [(rule: Rule?, count: Int)] = []  // warnings of each rule so far
        let shown = messages.filter { message in
            guard message.severity == .warning, message.rule?.isAlwaysShown != true else { return true }
            guard let index = counts.firstIndex(where: { $0.rule == message.rule }) else {
                counts.append((message.rule, 1))
                return true
            }
            counts[index].count += 1
            return counts[index].count <= limit
        }
        return (shown, counts.filter { $0.count > limit }.map { ($0.rule, $0.count - limit) })
    }

    /// The order of `sorted`.
    /// Field by field, without making tuples of the two: a large site sorts thousands.
    public static func inOrder(_ first: Diagnostic, _ second: Diagnostic) -> Bool {
        if let a = first.location, let b = second.location {
            if a.path != b.path { return a.path < b.path }
            if a.line != b.line { return a.line < b.line }
            if a.column != b.column { return a.column < b.column }
        } else if first.location != nil || second.location != nil {
            return first.location == nil  // problems of the whole build come first
        }
        if first.severity != second.severity { return first.severity == .error }
        return first.message < second.message
    }
}
