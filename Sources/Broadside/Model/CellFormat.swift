/// How a table column's values are written for readers: the sidecar's `format:` for a
/// column, or `.plain` for a column whose every cell is a number without one.
public enum CellFormat: Sendable, Equatable {
    /// As typed, without a meaningless `.0`; no thousands separators, so years stay `2015`.
    case plain
    /// Thousands separators; `decimals` fixed, or as typed (without a meaningless `.0`) when nil.
    case number(decimals: Int?)
    /// The number is the percentage: `25` is 25%.
    case percent(decimals: Int?)
    /// `code` is ISO 4217 (`USD`); `cents` when any cell of the column has them, so all show them.
    case currency(code: String, cents: Bool = false)
    /// `YYYY-MM-DD`, written out as the site writes its dates ("March 2, 2026").
    case date

    /// Every spelling `format:` takes, for the message that lists them.
    public static let spellings = ["number", "number:N", "percent", "percent:N", "currency", "currency:CODE", "date"]

    /// The site's currency until a site says otherwise: Broadside's sites are in the United States.
    static let defaultCurrency = "USD"

    /// `number`, `number:2`, `percent:1`, `currency:EUR`, `date`; nil for anything else.
    public init?(spelling: String) {
        let parts = spelling.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false).map { $0.trimmed }
        let name = parts[0].lowercased(), argument = parts.count > 1 ? parts[1] : nil
        func decimals() -> Int?? {
            guard let argument else { return .some(nil) }
            guard let count = Int(argument), (0...6).contains(count) else { return nil }
            return .some(count)
        }
        switch name {
        case "number":
            guard let places = decimals() else { return nil }
            self = .number(decimals: places)
        case "percent":
            guard let places = decimals() else { return nil }
            self = .percent(decimals: places)
        case "currency":
            let code = (argument ?? Self.defaultCurrency).uppercased()
            guard code.count == 3, code.allSatisfy({ $0.isASCII && $0.isLetter }) else { return nil }
            self = .currency(code: code)
        case "date" where argument == nil:
            self = .date
        default:
            return nil
        }
    }

    /// As a sidecar writes it, for messages.
    public var spelling: String {
        switch self {
        case .plain: "plain"
        case .number(let places): places.map { "number:\($0)" } ?? "number"
        case .percent(let places): places.map { "percent:\($0)" } ?? "percent"
        case .currency(let code, _): code == Self.defaultCurrency ? "currency" : "currency:\(code)"
        case .date: "date"
        }
    }

    /// Numbers read right to left, so a column of them is right-aligned; dates are words.
    public var isNumeric: Bool { self != .date }

    /// The value of a cell in this format; nil when the text is not one. An empty cell has no value.
    func value(of text: String) -> CellValue? {
        if self == .date { return Day(text).map(CellValue.day) }
        var digits = Substring(text)
        if case .currency = self, let first = digits.first, "$€£".contains(first) { digits = digits.dropFirst() }
        if case .percent = self, digits.last == "%" { digits = digits.dropLast() }
        return DecimalText(digits).map(CellValue.number)
    }
}

/// A cell read in its column's format.
public enum CellValue: Sendable, Equatable {
    case number(DecimalText)
    case day(Day)
}

/// A number as typed, kept as its digits: `1470925.0` is 1470925 and a 0, never a binary
/// fraction that would print `0.30000000000000004`.
public struct DecimalText: Sendable, Equatable {
    public var negative: Bool
    /// Without leading zeros; "0" for none.
    public var whole: String
    public var fraction: String

    /// `-1,470,925.50`, `3`, `.5`: digits with an optional sign, point, and thousands commas
    /// between groups of three (as spreadsheets export them); nil for anything else. Read by
    /// bytes in one pass: every cell of a large CSV's text columns is tried.
    public init?(_ text: some StringProtocol) {
        var rest = Substring(text.trimmed)
        negative = rest.first == "-" || rest.first == "−"
        if negative { rest = rest.dropFirst() }
        var whole: [UInt8] = [], fraction: [UInt8] = []
        var inFraction = false, sawComma = false, group = 0
        for byte in rest.utf8 {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                if inFraction { fraction.append(byte) } else { whole.append(byte); group += 1 }
            case UInt8(ascii: ",") where !inFraction && group > 0 && (sawComma ? group == 3 : group <= 3):
                sawComma = true
                group = 0
            case UInt8(ascii: ".") where !inFraction && (!sawComma || group == 3):
                inFraction = true
            default:
                return nil
            }
        }
        guard !(sawComma && !inFraction && group != 3), !(inFraction && fraction.isEmpty), !whole.isEmpty || inFraction else { return nil }
        let digits = whole.drop { $0 == UInt8(ascii: "0") }
        self.whole = digits.isEmpty ? "0" : String(decoding: digits, as: UTF8.self)
        self.fraction = String(decoding: fraction, as: UTF8.self)
    }

    /// Rounded half away from zero to `places` decimals, padded with zeros.
    public func rounded(to places: Int) -> DecimalText {
        var copy = self
        guard fraction.count > places else {
            copy.fraction += String(repeating: "0", count: places - fraction.count)
            return copy
        }
        var digits = Array((whole + fraction.prefix(places)).utf8).map { Int($0 - UInt8(ascii: "0")) }
        if fraction.utf8[fraction.utf8.index(fraction.utf8.startIndex, offsetBy: places)] >= UInt8(ascii: "5") {
            var index = digits.count - 1
            while index >= 0 {
                digits[index] += 1
                if digits[index] < 10 { break }
                digits[index] = 0
                index -= 1
            }
            if index < 0 { digits.insert(1, at: 0) }
        }
        let text = String(digits.map { Character(String($0)) })
        copy.whole = String(text.dropLast(places).drop { $0 == "0" })
        if copy.whole.isEmpty { copy.whole = "0" }
        copy.fraction = String(text.suffix(places))
        return copy
    }

    /// Without a fraction of zeros only: `1470925.0` is `1470925`, `2.50` stays `2.50`.
    public var withoutZeroFraction: DecimalText {
        var copy = self
        if fraction.allSatisfy({ $0 == "0" }) { copy.fraction = "" }
        return copy
    }

    public var isZero: Bool { whole == "0" && fraction.allSatisfy { $0 == "0" } }
}
