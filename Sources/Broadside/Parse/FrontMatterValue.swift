/// One front-matter value as the editor's form shows and sends it (JSON): text, true/false,
/// a whole number, a list of text, or nothing. Dates are text, `YYYY-MM-DD`.
public enum FrontMatterValue: Sendable, Equatable, Codable {
    case text(String)
    case flag(Bool)
    case number(Int)
    case list([String])
    case none
    /// Anything else JSON can say (an object, a fraction, a list of numbers): refused by
    /// `FrontMatterEdit.apply` with the key's name, rather than failing the whole request.
    case unsupported

    public init(from decoder: any Decoder) throws {
        let value = try decoder.singleValueContainer()
        if value.decodeNil() {
            self = .none
        } else if let flag = try? value.decode(Bool.self) {
            self = .flag(flag)
        } else if let number = try? value.decode(Int.self) {
            self = .number(number)
        } else if let text = try? value.decode(String.self) {
            self = .text(text)
        } else if let list = try? value.decode([String].self) {
            self = .list(list)
        } else {
            self = .unsupported
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var value = encoder.singleValueContainer()
        switch self {
        case .text(let text): try value.encode(text)
        case .flag(let flag): try value.encode(flag)
        case .number(let number): try value.encode(number)
        case .list(let list): try value.encode(list)
        case .none, .unsupported: try value.encodeNil()
        }
    }

    /// What a value read from YAML is in the form: YAML's words for true and false and whole
    /// numbers written plainly are those, quoted ones text, as the build reads them; nil for a
    /// mapping, which the form does not show.
    init?(_ value: YAMLValue) {
        switch value.shape {
        case .text(let text, let plain):
            if plain, ["", "~", "null", "Null", "NULL"].contains(text) {
                self = .none
            } else if let flag = YAMLFields.bool(value) {
                self = .flag(flag)
            } else if plain, let number = value.int {
                self = .number(number)
            } else {
                self = .text(text)
            }
        case .list(let items):
            let texts = items.compactMap(\.text)
            guard texts.count == items.count else { return nil }
            self = .list(texts)
        case .mapping, .other:
            return nil
        }
    }
}

/// Values written as YAML that reads back as the same value.
enum YAMLWriting {
    /// `text` bare when YAML reads it back as that same text, else in double quotes with
    /// escapes. `inFlow`: an item of `[a, b]`, where `,`, `[`, `]`, `{` and `}` end it.
    static func scalar(_ text: String, inFlow: Bool = false) -> String {
        isPlain(text, inFlow: inFlow) ? text : quoted(text)
    }

    static func list(_ items: [String]) -> String {
        "[" + items.map { scalar($0, inFlow: true) }.joined(separator: ", ") + "]"
    }

    static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            default:
                // Control characters, and the line and paragraph separators YAML breaks lines at.
                if scalar.value < 0x20 || scalar.value == 0x7F || (0x80...0x9F).contains(scalar.value)
                    || scalar.value == 0x2028 || scalar.value == 0x2029 || scalar.value == 0xFEFF {
                    out += "\\u" + String(repeating: "0", count: 4 - String(scalar.value, radix: 16).count) + String(scalar.value, radix: 16)
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out + "\""
    }

    /// YAML's words for true, false and nothing, which a bare value would become.
    private static let words: Set<String> = ["true", "false", "yes", "no", "on", "off", "y", "n", "null", "~"]

    private static func isPlain(_ text: String, inFlow: Bool) -> Bool {
        guard let first = text.unicodeScalars.first, let last = text.unicodeScalars.last else { return false }
        if first == " " || last == " " || last == ":" { return false }
        // Indicators YAML reads at the start of a value, and a start a number or date could have.
        if "-?:,[]{}#&*!|>'\"%@`+.0123456789".unicodeScalars.contains(first) { return false }
        if words.contains(text.lowercased()) { return false }
        if text.contains(": ") || text.contains(" #") || text.contains("\t") { return false }
        if inFlow, text.unicodeScalars.contains(where: { ",[]{}".unicodeScalars.contains($0) }) { return false }
        return !text.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F || (0x80...0x9F).contains($0.value)
            || $0.value == 0x2028 || $0.value == 0x2029 || $0.value == 0xFEFF }
    }
}
