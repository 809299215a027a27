/// Writes a table's numbers and dates in the reader's language: `1,470,925.5` in English,
/// `1.470.925,5` in Spanish, each language's separators and signs taken from its strings.
struct CellText {
    let strings: Strings

    /// `typed` is the cell as the CSV has it: in a column of numbers with no `format:`, a
    /// leading zero keeps the cell as typed (`06037` is a county code, not 6,037), and
    /// thousands separators typed stay, in the reader's language.
    func shown(_ value: CellValue, format: CellFormat, typed: String) -> String {
        switch value {
        case .day(let day):
            return strings.date(day)
        case .number(let number):
            switch format {
            case .plain:
                if typed.hasPrefix("0"), typed.dropFirst().first?.isNumber == true { return typed }
                return written(number, decimals: nil, grouped: typed.contains(","))
            case .date: return written(number, decimals: nil, grouped: false)
            case .number(let places): return written(number, decimals: places, grouped: true)
            // The sign is the rounded value's: -0.001 at two decimals is 0.00, not −0.00.
            case .percent(let places):
                let rounded = places.map(number.rounded) ?? number
                return signed(rounded, strings.format("number_percent", ["n": written(rounded, decimals: places, grouped: true, signed: false)]))
            case .currency(let code, let cents):
                let rounded = number.rounded(to: cents ? 2 : 0)
                let amount = written(rounded, decimals: cents ? 2 : 0, grouped: true, signed: false)
                return signed(rounded, strings.format("number_currency", ["n": amount, "symbol": Self.symbol(code)]))
            }
        }
    }

    /// A number without its sign when `signed` is false; `decimals` nil keeps the typed ones,
    /// less a fraction of zeros.
    private func written(_ number: DecimalText, decimals: Int?, grouped: Bool, signed: Bool = true) -> String {
        let shown = decimals.map { number.rounded(to: $0) } ?? number.withoutZeroFraction
        var whole = shown.whole
        // Languages differ on where grouping starts: English writes 1,470, Spanish 1470 but 14.700.
        if grouped, whole.count >= Int(strings["number_group_from"]) ?? 4 {
            var groups: [Substring] = []
            while whole.count > 3 {
                groups.insert(Substring(whole.suffix(3)), at: 0)
                whole.removeLast(3)
            }
            whole = ([Substring(whole)] + groups).joined(separator: strings["number_group"])
        }
        let text = shown.fraction.isEmpty ? whole : whole + strings["number_decimal"] + shown.fraction
        return signed ? self.signed(shown, text) : text
    }

    /// A minus sign, not a hyphen, before a value below zero (not before one that rounds to zero).
    private func signed(_ number: DecimalText, _ text: String) -> String {
        number.negative && !number.isZero ? "−" + text : text
    }

    /// The signs readers know; others by their code.
    static func symbol(_ code: String) -> String {
        ["USD": "$", "EUR": "€", "GBP": "£", "MXN": "MX$", "CAD": "CA$"][code] ?? code
    }
}
