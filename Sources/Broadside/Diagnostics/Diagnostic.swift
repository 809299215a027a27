/// One problem found in a site, printed compiler-style so editors can jump to it.
public struct Diagnostic: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Severity: String, Sendable, Comparable {
        case warning, error

        public static func < (a: Severity, b: Severity) -> Bool { a == .warning && b == .error }
    }

    /// The fields live in one shared box: a large site carries thousands of messages from
    /// build to build, and each copy (appending, sorting, comparing) is then one retain, not
    /// one per string.
    private final class Fields: Sendable {
        let severity: Severity
        let message: String
        let location: SourceLocation?
        let rule: Rule?

        init(_ severity: Severity, _ message: String, _ location: SourceLocation?, _ rule: Rule?) {
            (self.severity, self.message, self.location, self.rule) = (severity, message, location, rule)
        }
    }

    private var fields: Fields

    public var severity: Severity {
        get { fields.severity }
        set { fields = Fields(newValue, message, location, rule) }
    }
    public var message: String { fields.message }
    /// Nil for problems of the build as a whole (a missing PDF engine), not of one file.
    public var location: SourceLocation? { fields.location }
    /// The check that found it, when a site can tune it in site.yml.
    public var rule: Rule? { fields.rule }

    public init(_ severity: Severity, _ message: String, at location: SourceLocation?, rule: Rule? = nil) {
        fields = Fields(severity, message, location, rule)
    }

    public static func == (a: Diagnostic, b: Diagnostic) -> Bool {
        a.fields === b.fields || (a.severity == b.severity && a.message == b.message && a.location == b.location && a.rule == b.rule)
    }

    public static func error(_ message: String, at location: SourceLocation?) -> Diagnostic {
        Diagnostic(.error, message, at: location)
    }

    public static func warning(_ message: String, at location: SourceLocation?) -> Diagnostic {
        Diagnostic(.warning, message, at: location)
    }

    /// A finding of `rule`, at its default severity until the site's settings apply.
    public static func finding(_ rule: Rule, _ message: String, at location: SourceLocation?) -> Diagnostic {
        Diagnostic(rule.defaultSeverity, message, at: location, rule: rule)
    }

    /// A problem that would let script or a hostile file into the site: an error a site cannot tune.
    public static func safety(_ rule: Rule, _ message: String, at location: SourceLocation?) -> Diagnostic {
        Diagnostic(.error, message, at: location, rule: rule)
    }

    public var description: String {
        var text: [UInt8] = []
        append(to: &text)
        return String(decoding: text, as: UTF8.self)
    }

    /// `description` written onto the end of a buffer, as UTF-8: a large site's build prints
    /// thousands, and made of joined strings, each long message was copied three times.
    func append(to text: inout [UInt8]) {
        func add(_ string: String) { text.append(string.utf8.span) }
        if let location {
            add(location.path)
            text.append(UInt8(ascii: ":"))
            add(String(location.line))
            text.append(UInt8(ascii: ":"))
            add(String(location.column))
            text += ": ".utf8
        }
        add(severity.rawValue)
        text += ": ".utf8
        add(message)
        if let rule {
            text += " [".utf8
            add(rule.rawValue)
            text.append(UInt8(ascii: "]"))
        }
    }
}

/// A place in a source file. `path` is as the user would type it (relative to where they ran
/// the tool), lines and columns are 1-based.
public struct SourceLocation: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var path: String
    public var line: Int
    public var column: Int

    public init(path: String, line: Int = 1, column: Int = 1) {
        self.path = path
        self.line = line
        self.column = column
    }

    public var description: String { "\(path):\(line):\(column)" }

    public static func < (a: SourceLocation, b: SourceLocation) -> Bool {
        (a.path, a.line, a.column) < (b.path, b.line, b.column)
    }
}
