import Yams

/// Guards against "billion laughs": a few lines of YAML anchors (`&a`) and aliases (`*a`) can
/// stand for billions of values. Yams shares an aliased value instead of copying it, so
/// parsing stays cheap, but reading the tree visits every copy, and Yams hashes each mapping
/// key in full to find duplicates. So: a key that may hold an alias is refused before
/// parsing, and reading the tree stops once it has more values or text than the file could
/// hold without aliases, plus a small allowance.
enum YAMLAliases {
    /// Values a file may gain through aliases beyond what it spells out.
    static let extraValues = 10_000
    /// Bytes of text a file may gain through aliases beyond its own size.
    static let extraBytes = 1_000_000

    /// Where a key could be an alias or hold one (`*a: x`, `? *a`, `[*a]: x`), in a text that
    /// uses aliases at all; nil for every ordinary file.
    static func aliasedKey(in yaml: String) -> (line: Int, column: Int)? {
        let bytes = Array(yaml.utf8)
        guard hasAlias(bytes) else { return nil }
        var line = 1, lineStart = 0
        for (index, byte) in bytes.enumerated() {
            if byte == UInt8(ascii: "\n") {
                line += 1
                lineStart = index + 1
                continue
            }
            let next = index + 1 < bytes.count ? bytes[index + 1] : UInt8(ascii: "\n")
            let column = index - lineStart + 1
            // An explicit key `? …`, or a flow collection closed just before its key's colon.
            if byte == UInt8(ascii: "?"), isBlank(next), bytes[lineStart..<index].allSatisfy(isBlank) { return (line, column) }
            if byte == UInt8(ascii: "]") || byte == UInt8(ascii: "}") {
                var after = index + 1
                while after < bytes.count, bytes[after] == UInt8(ascii: " ") { after += 1 }
                if after < bytes.count, bytes[after] == UInt8(ascii: ":") { return (line, column) }
            }
            // An alias followed by the colon of a key.
            if isAliasStart(bytes, index) {
                var after = index + 1
                while after < bytes.count, !isBlank(bytes[after]), !",[]{}".utf8.contains(bytes[after]) { after += 1 }
                while after < bytes.count, bytes[after] == UInt8(ascii: " ") { after += 1 }
                if after < bytes.count, bytes[after] == UInt8(ascii: ":") { return (line, column) }
            }
        }
        return nil
    }

    /// Whether an alias may be written: a `*` that starts a word and is followed by a name.
    /// Cheap and generous (a word starting with `*` in a quoted text counts): it only decides
    /// whether keys are looked at more closely.
    private static func hasAlias(_ bytes: [UInt8]) -> Bool {
        bytes.indices.contains { isAliasStart(bytes, $0) }
    }

    private static func isAliasStart(_ bytes: [UInt8], _ index: Int) -> Bool {
        guard bytes[index] == UInt8(ascii: "*"), index + 1 < bytes.count else { return false }
        let next = bytes[index + 1]
        let before = index == 0 ? UInt8(ascii: " ") : bytes[index - 1]
        return !isBlank(next) && !",[]{}*".utf8.contains(next) && (isBlank(before) || "[{,:-?".utf8.contains(before))
    }

    private static func isBlank(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r")
    }
}

/// What may still be read of a YAML tree: counted down as its values are made.
struct YAMLBudget {
    var values: Int
    var bytes: Int
    /// Where the tree was when the budget ran out.
    var exhaustedAt: Mark?

    init(for yaml: String) {
        values = YAMLAliases.extraValues + yaml.utf8.count
        bytes = YAMLAliases.extraBytes + yaml.utf8.count
    }

    /// Takes one value of `bytes` bytes; false once there is not enough left.
    mutating func take(_ node: Node, bytes taken: Int) -> Bool {
        values -= 1
        bytes -= taken
        if values < 0 || bytes < 0 {
            if exhaustedAt == nil { exhaustedAt = node.mark }
            return false
        }
        return true
    }
}
