/// Draws a chart as inline SVG at build time, at one `ChartLayout`: no script, no third-party
/// service. Series differ by pattern, dash and marker as well as by shade, and carry their
/// names, so the chart reads in grayscale. Labels go only where they fit (`LabelSpace`).
struct ChartSVG {
    let spec: ChartSpec
    /// Unique on the page; with the layout's name, prefixes the pattern and title ids.
    let id: String
    let strings: Strings
    let layout: ChartLayout
    /// For a bar chart printed in pieces: the piece's number and its rows.
    var piece: (number: Int, rows: Range<Int>)?

    /// Presentation attributes: the print engine draws SVG with these alone, in black and gray.
    /// On the web, `broadside.css` overrides them by class with the site's accent color.
    private static let look: [String: String] = [
        "chart-label": ##"font-size="13" fill="#000""##,
        "chart-series-name": ##"font-size="13" font-weight="700" fill="#000""##,
        "chart-value": ##"font-size="12" fill="#000""##,
        "chart-tick": ##"font-size="12" fill="#333""##,
        "chart-grid": ##"stroke="#bbb" stroke-width="0.75""##,
        "chart-baseline": ##"stroke="#000" stroke-width="1""##,
        "bar-0": ##"fill="#333""##,
        "bar-highlight": ##"fill="#000""##,
        "bar-muted": ##"fill="#999""##,
        "bar-3": ##"fill="#ccc""##,
        "bar-patterned": ##"stroke="#000" stroke-width="0.5""##,
        "fill-paper": ##"fill="#fff""##,
        "fill-ink": ##"fill="#000""##,
        "chart-line": ##"fill="none" stroke="#000" stroke-width="2""##,
        "chart-marker": ##"fill="#fff" stroke="#000" stroke-width="1.2""##,
    ]

    /// `class="…"` with its presentation attributes.
    func styled(_ className: String) -> String {
        "class=\"\(className)\" " + (Self.look[className] ?? "")
    }

    var data: ChartData { spec.data }
    var format: NumberFormat { spec.format }
    private var prefix: String { "\(id)-\(layout.size.rawValue)" + (piece.map { "-\($0.number)" } ?? "") }

    func render() -> String {
        let drawing: (body: String, height: Double)
        switch spec.kind {
        case .bar: drawing = bars(rows: piece?.rows)
        case .column where columnsTooNarrow: drawing = bars()
        case .column, .stacked: drawing = columns(stacked: spec.kind == .stacked)
        case .line: drawing = lines()
        }
        return """
        <svg class="chart-svg \(piece == nil ? "chart-\(layout.size.rawValue)" : "chart-piece") chart-type-\(spec.kind.rawValue)" \
        viewBox="0 0 \(layout.width.svg) \(drawing.height.svg)" role="img" \
        aria-labelledby="\(prefix)-title \(prefix)-desc" xmlns="http://www.w3.org/2000/svg">
        <title id="\(prefix)-title">\(escapeHTML(spec.title))</title>
        <desc id="\(prefix)-desc">\(escapeHTML(description))</desc>
        \(patterns)
        \(drawing.body)</svg>
        """
    }

    /// On a phone, up to 40 columns whose names fit neither level nor turned are drawn as
    /// horizontal bars instead, so that every name shows; past 40, a row each would make the
    /// chart longer than it is useful, and the columns keep every nth name.
    private var columnsTooNarrow: Bool {
        let count = Double(data.categories.count)
        let band = (layout.width - 50) / count
        let widest = data.categories.map { ChartLabel.width($0, size: 13) }.max() ?? 0
        return layout.size == .narrow && count <= 40 && widest + 2 > band && band < 24
    }

    /// What a screen reader says instead of the picture: the extremes, and for lines the ends.
    var description: String {
        var sentences: [String] = []
        for series in data.series {
            let points = zip(data.categories, series.values).compactMap { name, value in value.map { (name, $0) } }
            guard let high = points.max(by: { $0.1 < $1.1 }), let low = points.min(by: { $0.1 < $1.1 }) else { continue }
            let name = data.series.count > 1 ? "\(series.name): " : ""
            var sentence = name + strings.format("chart_extremes", ["high": high.0, "highValue": format.string(high.1),
                                                                    "low": low.0, "lowValue": format.string(low.1)])
            if spec.kind == .line, let first = points.first, let last = points.last {
                sentence += "; " + strings.format("chart_line_ends", ["first": first.0, "firstValue": format.string(first.1),
                                                                     "last": last.0, "lastValue": format.string(last.1)])
            }
            sentences.append(sentence.prefix(1).uppercased() + sentence.dropFirst() + ".")
        }
        if let units = format.units { sentences.append(strings.format("values_in", ["units": units])) }
        return sentences.joined(separator: " ")
    }

    // MARK: Series styles

    /// Solid, hatched, dotted and light fills: four series that differ without color.
    private var patterns: String {
        """
        <defs>\
        <pattern id="\(prefix)-hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">\
        <rect width="6" height="6" \(styled("fill-paper"))/><rect width="3" height="6" \(styled("fill-ink"))/></pattern>\
        <pattern id="\(prefix)-dots" width="5" height="5" patternUnits="userSpaceOnUse">\
        <rect width="5" height="5" \(styled("fill-paper"))/><circle cx="2.5" cy="2.5" r="1.4" \(styled("fill-ink"))/></pattern>\
        </defs>
        """
    }

    func fill(series: Int, category: Int) -> String {
        if let highlight = spec.highlight, data.series.count == 1 {
            return styled(data.categories[category] == highlight ? "bar-highlight" : "bar-muted")
        }
        switch series % 4 {
        case 0: return styled("bar-0")
        case 1: return "fill=\"url(#\(prefix)-hatch)\" " + styled("bar-patterned")
        case 2: return "fill=\"url(#\(prefix)-dots)\" " + styled("bar-patterned")
        default: return styled("bar-3")
        }
    }

    static let dashes = ["", " stroke-dasharray=\"6 4\"", " stroke-dasharray=\"2 3\"", " stroke-dasharray=\"10 3 2 3\""]

    func draw(_ label: ChartLabel) -> String {
        let place = label.angle == 0 ? "x=\"\(label.x.svg)\" y=\"\(label.y.svg)\""
            : "transform=\"translate(\(label.x.svg) \(label.y.svg)) rotate(\(label.angle.svg))\""
        return "<text \(place) text-anchor=\"\(label.anchor.rawValue)\" \(styled(label.className))"
            + "\(label.bold ? " font-weight=\"700\"" : "")>\(escapeHTML(label.text))</text>"
    }

    /// A bar's or point's tooltip: its category, series and value.
    func tooltip(category: Int, series: Int, value: Double) -> String {
        "<title>\(escapeHTML(data.categories[category])), \(escapeHTML(data.series[series].name)): \(escapeHTML(format.string(value)))</title>"
    }

    /// A key of swatches (line samples for line charts) and names, when there are several series.
    func key(top: Double, lines: Bool, space: inout LabelSpace) -> (body: String, height: Double) {
        guard data.series.count > 1 else { return ("", 0) }
        var body = ""
        var x = 0.0, y = top
        for (index, series) in data.series.enumerated() {
            let width = ChartLabel.width(series.name, size: 13)
            if x > 0 && x + 27 + width > layout.width { x = 0; y += 20 }
            if lines {
                body += "<line x1=\"\(x.svg)\" x2=\"\((x + 22).svg)\" y1=\"\((y - 4).svg)\" y2=\"\((y - 4).svg)\" "
                    + "\(styled("chart-line"))\(Self.dashes[index % 4]) data-series=\"\(index % 4)\"/>"
            } else {
                let swatch = fill(series: index, category: 0)
                // Every swatch gets an outline, so a light one still shows on white paper.
                let outline = swatch.contains("stroke=") ? "" : " stroke=\"#000\" stroke-width=\"0.5\""
                body += "<rect x=\"\(x.svg)\" y=\"\((y - 10).svg)\" width=\"18\" height=\"12\" \(swatch)\(outline)/>"
            }
            let name = ChartLabel(text: series.name, x: x + 27, y: y, anchor: .start)
            space.force(name)
            body += draw(name)
            x += 27 + width + 16
        }
        return (body, y - top + 24)
    }

    /// Gridlines across the plot and their numbers at the left, for column and line charts.
    func valueAxis(ticks: [Double], left: Double, right: Double, scale: (Double) -> Double, space: inout LabelSpace) -> String {
        let tickFormat = format.ticks(ticks)
        var body = ""
        for tick in ticks {
            let y = scale(tick)
            body += "<line x1=\"\(left.svg)\" x2=\"\(right.svg)\" y1=\"\(y.svg)\" y2=\"\(y.svg)\" \(styled(tick == 0 ? "chart-baseline" : "chart-grid"))/>"
            let label = ChartLabel(text: tickFormat.string(tick), x: left - 6, y: y + 4, anchor: .end, className: "chart-tick")
            space.force(label)
            body += draw(label)
        }
        return body
    }

    /// Room for the widest tick number at the left of the plot.
    func tickSpace(_ ticks: [Double]) -> Double {
        let tickFormat = format.ticks(ticks)
        return (ticks.map { ChartLabel(text: tickFormat.string($0), x: 0, y: 0, className: "chart-tick").width }.max() ?? 20) + 10
    }
}
