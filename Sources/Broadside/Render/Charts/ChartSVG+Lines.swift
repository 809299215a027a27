extension ChartSVG {
    /// Closer than this, point markers pile up into a thick line: they are left out, and the
    /// series are told apart by their dashes and names.
    private static let markerSpacing = 12.0

    /// One line per series, broken where a cell is empty. A single series has its values
    /// where they fit; several have their names at the line ends, or in a key below when the
    /// names would take too much of the width.
    func lines() -> (body: String, height: Double) {
        let ticks = NumberFormat.ticks(upTo: data.maximum(stacked: false), from: data.minimum(), count: layout.tickCount)
        let low = ticks.first ?? 0, high = ticks.last ?? 1
        let left = tickSpace(ticks)
        let nameWidth = data.series.count > 1 ? data.series.map { ChartLabel(text: $0.name, x: 0, y: 0, className: "chart-series-name").width }.max() ?? 0 : 0
        let namesAtEnds = nameWidth > 0 && nameWidth <= layout.width * 0.28
        let right = namesAtEnds ? nameWidth + 12 : 10
        let plotWidth = layout.width - left - right
        let count = data.categories.count
        let step = count > 1 ? plotWidth / Double(count - 1) : plotWidth
        let top = 22.0, bottom = top + layout.plotHeight
        let scale = { (v: Double) in top + layout.plotHeight * (1 - (v - low) / (high - low)) }
        let xAt = { (i: Int) in left + (count > 1 ? Double(i) * step : plotWidth / 2) }
        var space = LabelSpace(width: layout.width)
        var body = valueAxis(ticks: ticks, left: left, right: left + plotWidth + 4, scale: scale, space: &space)
        let names = categoryAxis(centres: data.categories.indices.map(xAt), pitch: step, bottom: bottom, turn: false, space: &space)
        body += names.body

        var values: [ChartLabel] = []
        var ranked: [Ranked] = []
        var ends: [ChartLabel] = []
        for (s, series) in data.series.enumerated() {
            // Empty cells break the line: no data is not zero.
            var segments: [[Int]] = [[]]
            for (i, value) in series.values.enumerated() {
                if value == nil { segments.append([]) } else { segments[segments.count - 1].append(i) }
            }
            for segment in segments where segment.count > 1 {
                let points = segment.map { "\(xAt($0).svg),\(scale(series.values[$0]!).svg)" }.joined(separator: " ")
                body += "<polyline points=\"\(points)\" \(styled("chart-line"))\(Self.dashes[s % 4]) data-series=\"\(s % 4)\"/>"
            }
            for segment in segments where !segment.isEmpty {
                // A point alone has no line to show it: it keeps its marker however dense the rest.
                for i in segment where step >= Self.markerSpacing || segment.count == 1 {
                    body += marker(s, x: xAt(i), y: scale(series.values[i]!), tooltip: tooltip(category: i, series: s, value: series.values[i]!))
                }
            }
            if data.series.count == 1 {
                // The lowest value's label goes under its point, where the line is not.
                let lowest = series.values.compactMap { $0 }.min()
                for (i, value) in series.values.enumerated() {
                    guard let value else { continue }
                    ranked.append(Ranked(label: values.count, value: value, category: i))
                    values.append(ChartLabel(text: format.string(value), x: xAt(i), y: scale(value) + (value == lowest ? 20 : -9),
                                             className: "chart-value", bold: data.categories[i] == spec.highlight))
                }
            } else if namesAtEnds, let last = series.values.lastIndex(where: { $0 != nil }), let value = series.values[last] {
                ends.append(ChartLabel(text: series.name, x: xAt(last) + 8, y: scale(value) + 4, anchor: .start, className: "chart-series-name"))
            }
        }
        body += valueLabels(values, slot: step, priority: priority(ranked), left: left, space: &space)
        for label in apart(ends, top: top, bottom: bottom) {
            space.force(label)
            body += draw(label)
        }
        let legend: (body: String, height: Double) = namesAtEnds ? ("", 0) : key(top: bottom + names.height + 16, lines: true, space: &space)
        return (body + legend.body, bottom + names.height + legend.height + 4)
    }

    /// Series names at the line ends, moved up or down just enough that none overprints
    /// another when the lines end close together.
    private func apart(_ labels: [ChartLabel], top: Double, bottom: Double) -> [ChartLabel] {
        let gap = 16.0
        var sorted = labels.sorted { $0.y < $1.y }
        for i in sorted.indices.dropFirst() where sorted[i].y < sorted[i - 1].y + gap {
            sorted[i].y = sorted[i - 1].y + gap
        }
        // Pushed below the plot, the whole column of names moves back up.
        if let last = sorted.last, last.y > bottom + 4 {
            let shift = last.y - bottom - 4
            for i in sorted.indices { sorted[i].y = max(sorted[i].y - shift, top + Double(i) * gap) }
        }
        return sorted
    }

    /// Circle, square, triangle, diamond: series told apart without color.
    private func marker(_ series: Int, x: Double, y: Double, tooltip: String) -> String {
        switch series % 4 {
        case 0: return "<circle cx=\"\(x.svg)\" cy=\"\(y.svg)\" r=\"3.5\" \(styled("chart-marker"))>\(tooltip)</circle>"
        case 1: return "<rect x=\"\((x - 3.5).svg)\" y=\"\((y - 3.5).svg)\" width=\"7\" height=\"7\" \(styled("chart-marker"))>\(tooltip)</rect>"
        case 2: return "<path d=\"M\(x.svg) \((y - 4.5).svg)L\((x + 4).svg) \((y + 3).svg)H\((x - 4).svg)Z\" \(styled("chart-marker"))>\(tooltip)</path>"
        default: return "<path d=\"M\(x.svg) \((y - 4.5).svg)L\((x + 4.5).svg) \(y.svg)L\(x.svg) \((y + 4.5).svg)L\((x - 4.5).svg) \(y.svg)Z\" \(styled("chart-marker"))>\(tooltip)</path>"
        }
    }
}
