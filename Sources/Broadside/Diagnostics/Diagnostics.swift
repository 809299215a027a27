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

    /// `sorted` as lines of UTF-8 text, made across the cores a few hundred at a time: a large
    /// site can have thousands, and joined as strings they were looked at once more.
    public var printed: [UInt8] {
        let lines = sorted
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
        return printed
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
