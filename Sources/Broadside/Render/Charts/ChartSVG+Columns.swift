extension ChartSVG {
    /// Vertical bars, side by side for several series or stacked, with a value above each bar
    /// (each stack) where the values fit.
    func columns(stacked: Bool) -> (body: String, height: Double) {
        let ticks = NumberFormat.ticks(upTo: data.maximum(stacked: stacked), from: data.minimum(), count: layout.tickCount)
        let low = ticks.first ?? 0, high = ticks.last ?? 1
        let left = tickSpace(ticks)
        let plotWidth = layout.width - left - 4
        let count = data.categories.count
        let band = plotWidth / Double(count)
        let top = 20.0, bottom = top + layout.plotHeight
        let scale = { (v: Double) in top + layout.plotHeight * (1 - (v - low) / (high - low)) }
        var space = LabelSpace(width: layout.width)
        var body = valueAxis(ticks: ticks, left: left, right: layout.width, scale: scale, space: &space)

        let groupWidth = band * 0.72
        let barWidth = stacked ? groupWidth : groupWidth / Double(data.series.count)
        // One value label per bar (per stack), numbered category by category.
        var values: [ChartLabel] = []
        var ranked: [Ranked] = []
        for c in data.categories.indices {
            let x0 = left + Double(c) * band
            var stackTop = 0.0
            for (s, series) in data.series.enumerated() {
                guard let value = series.values[c] else { continue }
                let x = stacked ? x0 + (band - groupWidth) / 2 : x0 + (band - groupWidth) / 2 + Double(s) * barWidth
                let from = stacked ? stackTop : 0, to = stacked ? stackTop + value : value
                let y = scale(max(from, to)), height = abs(scale(from) - scale(to))
                body += "<rect x=\"\(x.svg)\" y=\"\(y.svg)\" width=\"\(barWidth.svg)\" height=\"\(height.svg)\" "
                    + "\(fill(series: s, category: c))>\(tooltip(category: c, series: s, value: value))</rect>"
                space.block(x: x, y: y, width: barWidth, height: height)
                if !stacked {
                    ranked.append(Ranked(label: values.count, value: value, category: c))
                    values.append(ChartLabel(text: format.string(value), x: x + barWidth / 2, y: y - 6, className: "chart-value",
                                             bold: data.categories[c] == spec.highlight))
                }
                stackTop += value
            }
            if stacked {
                ranked.append(Ranked(label: values.count, value: stackTop, category: c))
                values.append(ChartLabel(text: format.string(stackTop), x: x0 + band / 2, y: scale(stackTop) - 6, className: "chart-value"))
            }
        }
        let names = categoryAxis(centres: data.categories.indices.map { left + (Double($0) + 0.5) * band }, pitch: band,
                                 bottom: bottom, turn: true, space: &space)
        body += names.body
        body += valueLabels(values, slot: stacked || data.series.count == 1 ? band : barWidth, priority: priority(ranked), left: left,
                            space: &space)
        let legend = key(top: bottom + names.height + 16, lines: false, space: &space)
        return (body + legend.body, bottom + names.height + legend.height + 4)
    }
}
