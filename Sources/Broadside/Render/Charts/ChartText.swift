import Foundation

/// A piece of chart text, and the box it covers, so that a chart can place its labels where
/// they do not overprint each other. Widths are estimated without a font: the estimate follows
/// DejaVu Sans, the widest of the common system fonts, so real text is never wider than its box.
struct ChartLabel {
    enum Anchor: String { case start, middle, end }

    var text: String
    var x: Double
    var y: Double
    var anchor: Anchor = .middle
    var className = "chart-label"
    var bold = false
    /// Degrees, as in SVG's rotate(): negative turns the text up to the right, around (x, y).
    var angle = 0.0

    /// Font size in drawing units, as given by `ChartSVG.look`.
    var size: Double { className == "chart-label" || className == "chart-series-name" ? 13 : 12 }

    var width: Double { Self.width(text, size: size, bold: bold || className == "chart-series-name") }

    static func width(_ text: String, size: Double, bold: Bool = false) -> Double {
        text.reduce(0) { $0 + em($1) } * size * (bold ? 1.1 : 1)
    }

    /// Advance widths in em of DejaVu Sans, grouped, rounded up.
    private static func em(_ character: Character) -> Double {
        switch character {
        case "i", "j", "l", "I", "J", "!", "|", "'", ".", ",", ":", ";", " ": return 0.33
        case "f", "t", "r", "(", ")", "[", "]", "-", "/": return 0.43
        case "m", "w", "M", "W", "%", "—": return 1.0
        case "0"..."9", "a"..."z", "$", "#", "?": return 0.65
        case "A"..."Z": return 0.76
        case "−", "–", "+", "=": return 0.84
        default: return (character.unicodeScalars.first?.value ?? 0) >= 0x2E80 ? 1.0 : 0.8
        }
    }

    /// The corners of the text's box, padded by a unit, turned as the text is.
    var corners: [(x: Double, y: Double)] {
        let left = -width * (anchor == .start ? 0 : anchor == .middle ? 0.5 : 1) - 1
        let right = left + width + 2
        // A line of text, as browsers measure it, reaches 1.05 em above its baseline and 0.28 em below.
        let top = -size * 1.05 - 1, bottom = size * 0.28 + 1
        let turn = angle * .pi / 180, c = cos(turn), s = sin(turn)
        return [(left, top), (right, top), (right, bottom), (left, bottom)].map { point in
            (x + point.0 * c - point.1 * s, y + point.0 * s + point.1 * c)
        }
    }

    /// Whether two labels' boxes share any area.
    func overlaps(_ other: ChartLabel) -> Bool { Self.overlap(corners, other.corners) }

    /// Two convex shapes share some area unless one of their edges' directions separates them.
    static func overlap(_ a: [(x: Double, y: Double)], _ b: [(x: Double, y: Double)]) -> Bool {
        for shape in [a, b] {
            for i in shape.indices {
                let from = shape[i], to = shape[(i + 1) % shape.count]
                let normal = (x: from.y - to.y, y: to.x - from.x)
                let pa = a.map { $0.x * normal.x + $0.y * normal.y }, pb = b.map { $0.x * normal.x + $0.y * normal.y }
                if pa.max()! <= pb.min()! || pb.max()! <= pa.min()! { return false }
            }
        }
        return true
    }
}

/// What is drawn so far on one drawing, text and bars: a label goes in only where it covers
/// none of it and stays inside the drawing's width.
struct LabelSpace {
    let width: Double
    private var taken: [[(x: Double, y: Double)]] = []

    init(width: Double) { self.width = width }

    func fits(_ label: ChartLabel) -> Bool {
        let corners = label.corners, xs = corners.map(\.x)
        return xs.min()! >= 0 && xs.max()! <= width && !taken.contains { ChartLabel.overlap($0, corners) }
    }

    /// Places the label if it fits; says whether it did.
    @discardableResult
    mutating func place(_ label: ChartLabel) -> Bool {
        guard fits(label) else { return false }
        taken.append(label.corners)
        return true
    }

    /// Places the label whatever it overlaps: for text the chart cannot do without, laid out
    /// so that it overlaps nothing (names beside bars, tick numbers, the key).
    mutating func force(_ label: ChartLabel) { taken.append(label.corners) }

    /// Keeps labels off a bar.
    mutating func block(x: Double, y: Double, width: Double, height: Double) {
        taken.append([(x, y), (x + width, y), (x + width, y + height), (x, y + height)])
    }

    /// A label centred on `x`, moved sideways as little as needed to stay within `low...high`.
    static func centred(_ label: ChartLabel, within low: Double, _ high: Double) -> ChartLabel {
        var moved = label
        let half = label.width / 2 + 1
        moved.x = min(max(label.x, low + half), high - half)
        return moved
    }
}

extension Double {
    /// Coordinates with at most one decimal: small files, identical on every machine.
    var svg: String {
        let rounded = (self * 10).rounded() / 10
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
    }
}
