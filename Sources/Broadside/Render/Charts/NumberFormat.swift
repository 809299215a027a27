import Foundation

/// How a chart writes its numbers: thousands separators, fixed decimals, a prefix ("$") and
/// units ("removals") that name what is counted.
struct NumberFormat {
    var prefix = ""
    var units: String?
    var decimals = 0

    enum Parsed: Equatable {
        case number(Double)
        case blank
        case invalid
    }

    /// Reads a spreadsheet cell: `240,255`, `-3.5`, `$1,200`, `12%`. Empty is no data.
    static func parse(_ text: String, prefix: String) -> Parsed {
        var digits = text.trimmed
        if digits.isEmpty { return .blank }
        if !prefix.isEmpty && digits.hasPrefix(prefix) { digits.removeFirst(prefix.count) }
        if digits.hasSuffix("%") { digits.removeLast() }
        digits.removeAll { $0 == "," || $0 == " " || $0 == "\u{00A0}" || $0 == "\u{202F}" }
        guard !digits.isEmpty, digits.allSatisfy({ $0.isASCII }), let value = Double(digits), value.isFinite else { return .invalid }
        return .number(value)
    }

    /// `267258` → `267,258` (with the prefix, without the units).
    func string(_ value: Double) -> String {
        // Beyond what an Int holds exactly, plain digits are the honest answer.
        if abs(value) >= 1e15 { return prefix + String(format: "%.0f", value) }
        let scale = pow(10, Double(decimals))
        let rounded = (abs(value) * scale).rounded() / scale
        var whole = String(Int(rounded.rounded(.down)))
        var grouped = ""
        while whole.count > 3 {
            grouped = "," + whole.suffix(3) + grouped
            whole.removeLast(3)
        }
        grouped = whole + grouped
        if decimals > 0 {
            let fraction = Int(((rounded - rounded.rounded(.down)) * scale).rounded())
            let padded = String(fraction)
            grouped += "." + String(repeating: "0", count: decimals - padded.count) + padded
        }
        return (value < 0 && rounded != 0 ? "−" : "") + prefix + grouped
    }

    /// Axis steps of 1, 2, 2.5 or 5 times a power of ten: about `count` gridlines from 0 up.
    static func ticks(upTo maximum: Double, from minimum: Double = 0, count: Int = 5) -> [Double] {
        let span = max(maximum - minimum, 1)
        let raw = span / Double(max(count, 1))
        let magnitude = pow(10, floor(log10(raw)))
        let step = [1, 2, 2.5, 5, 10].map { $0 * magnitude }.first { $0 >= raw } ?? raw
        let low = (minimum / step).rounded(.down) * step
        let high = (maximum / step).rounded(.up) * step
        return Array(stride(from: low, through: high + step / 2, by: step))
    }

    /// The format for an axis's tick labels: as many decimals as the step between ticks needs
    /// (2.5, not 3; 1,000, not 1,000.0), whatever the chart's own `decimals`.
    func ticks(_ ticks: [Double]) -> NumberFormat {
        let step = ticks.count > 1 ? ticks[1] - ticks[0] : 1
        let places = (0...6).first { abs(step * pow(10, Double($0)) - (step * pow(10, Double($0))).rounded()) < 1e-6 } ?? 6
        return NumberFormat(prefix: prefix, units: units, decimals: places)
    }
}
