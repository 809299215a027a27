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

    /// `sorted` as lines of text, made across the cores: a large site can have thousands.
    public var printed: String {
        sorted.concurrentMap { "\($0)\n" }.joined()
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
