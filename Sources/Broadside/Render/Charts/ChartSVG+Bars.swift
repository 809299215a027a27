extension ChartSVG {
    /// Between the lines of a wrapped name: the 17.2 units a line of 13-unit text takes, and a little.
    private static let lineHeight = 18.0

    /// Horizontal bars, one row per category, names wrapped at the left and values at the bar
    /// ends: each row is as tall as its name needs, so nothing overprints however many rows.
    /// `rows` draws only some of the categories, on the scale of them all (a printed piece).
    func bars(rows: Range<Int>? = nil) -> (body: String, height: Double) {
        let rows = rows ?? data.categories.indices
        let labels = data.categories.map { wrap($0, width: layout.categoryWidth) }
        let left = (labels.flatMap { $0 }.map { ChartLabel.width($0, size: 13, bold: true) }.max() ?? 40) + 10
        let valueSpace = (data.series.flatMap { $0.values.compactMap { $0 } }
            .map { ChartLabel(text: format.string($0), x: 0, y: 0, className: "chart-value", bold: true).width }.max() ?? 30) + 8
        let plotWidth = layout.width - left - valueSpace
        let ticks = axisTicks(width: plotWidth)
        let low = ticks.first ?? 0, high = ticks.last ?? 1
        let barHeight = 16.0
        let rowHeight = max(barHeight * Double(data.series.count) + 12, Double(labels.map(\.count).max() ?? 1) * Self.lineHeight + 6)
        let top = 6.0
        let scale = { (v: Double) in left + plotWidth * (v - low) / (high - low) }
        var space = LabelSpace(width: layout.width)
        var body = ""
        let plotBottom = top + rowHeight * Double(rows.count)
        let tickFormat = format.ticks(ticks)
        for tick in ticks {
            let x = scale(tick)
            body += "<line x1=\"\(x.svg)\" x2=\"\(x.svg)\" y1=\"\(top.svg)\" y2=\"\(plotBottom.svg)\" \(styled(tick == 0 ? "chart-baseline" : "chart-grid"))/>"
            let label = LabelSpace.centred(ChartLabel(text: tickFormat.string(tick), x: x, y: plotBottom + 16, className: "chart-tick"),
                                           within: 0, layout.width)
            if space.place(label) { body += draw(label) }
        }
        for c in rows {
            let category = data.categories[c]
            let rowTop = top + Double(c - rows.lowerBound) * rowHeight
            let groupTop = rowTop + (rowHeight - barHeight * Double(data.series.count)) / 2
            for (line, part) in labels[c].enumerated() {
                let y = rowTop + rowHeight / 2 + 4 + (Double(line) - Double(labels[c].count - 1) / 2) * Self.lineHeight
                let label = ChartLabel(text: part, x: left - 8, y: y, anchor: .end, bold: category == spec.highlight)
                space.force(label)
                body += draw(label)
            }
            for (s, series) in data.series.enumerated() {
                guard let value = series.values[c] else { continue }
                let y = groupTop + Double(s) * barHeight
                let x = scale(min(value, 0)), width = abs(scale(value) - scale(0))
                body += "<rect x=\"\(x.svg)\" y=\"\(y.svg)\" width=\"\(width.svg)\" height=\"\((barHeight - 2).svg)\" "
                    + "\(fill(series: s, category: c))>\(tooltip(category: c, series: s, value: value))</rect>"
                let label = ChartLabel(text: format.string(value), x: scale(max(value, 0)) + 4, y: y + barHeight - 5, anchor: .start,
                                       className: "chart-value", bold: category == spec.highlight)
                space.force(label)
                body += draw(label)
            }
        }
        let legend: (body: String, height: Double) = rows.upperBound == data.categories.count ? key(top: plotBottom + 40, lines: false, space: &space) : ("", 0)
        return (body + legend.body, plotBottom + 22 + legend.height)
    }

    /// Ticks along the bottom, as many as have room for their numbers side by side.
    private func axisTicks(width: Double) -> [Double] {
        let maximum = data.maximum(stacked: false), minimum = data.minimum()
        for count in stride(from: 5, through: 1, by: -1) {
            let ticks = NumberFormat.ticks(upTo: maximum, from: minimum, count: count)
            let tickFormat = format.ticks(ticks)
            let widest = ticks.map { ChartLabel(text: tickFormat.string($0), x: 0, y: 0, className: "chart-tick").width }.max() ?? 0
            if width / Double(max(ticks.count - 1, 1)) >= widest + 10 { return ticks }
        }
        return NumberFormat.ticks(upTo: maximum, from: minimum, count: 1)
    }

    /// Splits a long category name into lines that fit `width`; a single word longer than
    /// that stays whole, and the names' column widens to hold it.
    private func wrap(_ label: String, width: Double) -> [String] {
        var lines: [String] = []
        var line = ""
        for word in label.split(separator: " ") {
            let candidate = line.isEmpty ? String(word) : line + " " + word
            if ChartLabel.width(candidate, size: 13, bold: true) > width && !line.isEmpty {
                lines.append(line)
                line = String(word)
            } else {
                line = candidate
            }
        }
        return lines + [line]
    }
}
