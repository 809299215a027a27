import Foundation

/// Draws a chart as inline SVG at build time: no script, no third-party service.
/// The drawing is a `viewBox` 440 units wide, so it scales to the text column and to a phone,
/// and text stays at least about 12 px on a 390 px screen. Series differ by pattern and marker
/// as well as by shade, and carry their names beside them, so the chart reads in grayscale.
struct ChartSVG {
    let spec: ChartSpec
    /// Unique on the page; prefixes the pattern and title ids.
    let id: String
    let strings: Strings

    static let width = 440.0
    private static let characterWidth = 7.6   // of 13-unit text, to measure labels without a font
    private static let plotHeight = 220.0

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
    private func styled(_ className: String) -> String {
        "class=\"\(className)\" " + (Self.look[className] ?? "")
    }

    private var data: ChartData { spec.data }
    private var format: NumberFormat { spec.format }

    func render() -> String {
        let drawing: (body: String, height: Double)
        switch spec.kind {
        case .bar: drawing = bars()
        case .column, .stacked: drawing = columns(stacked: spec.kind == .stacked)
        case .line: drawing = lines()
        }
        return """
        <svg class="chart-svg chart-type-\(spec.kind.rawValue)" viewBox="0 0 \(Self.width.svg) \(drawing.height.svg)" role="img" \
        aria-labelledby="\(id)-svg-title \(id)-svg-desc" xmlns="http://www.w3.org/2000/svg">
        <title id="\(id)-svg-title">\(escapeHTML(spec.title))</title>
        <desc id="\(id)-svg-desc">\(escapeHTML(description))</desc>
        \(patterns)
        \(drawing.body)</svg>
        """
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
        <pattern id="\(id)-hatch" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(45)">\
        <rect width="6" height="6" \(styled("fill-paper"))/><rect width="3" height="6" \(styled("fill-ink"))/></pattern>\
        <pattern id="\(id)-dots" width="5" height="5" patternUnits="userSpaceOnUse">\
        <rect width="5" height="5" \(styled("fill-paper"))/><circle cx="2.5" cy="2.5" r="1.4" \(styled("fill-ink"))/></pattern>\
        </defs>
        """
    }

    private func fill(series: Int, category: Int) -> String {
        if let highlight = spec.highlight, data.series.count == 1 {
            return styled(data.categories[category] == highlight ? "bar-highlight" : "bar-muted")
        }
        switch series % 4 {
        case 0: return styled("bar-0")
        case 1: return "fill=\"url(#\(id)-hatch)\" " + styled("bar-patterned")
        case 2: return "fill=\"url(#\(id)-dots)\" " + styled("bar-patterned")
        default: return styled("bar-3")
        }
    }

    private func textWidth(_ text: String) -> Double {
        Double(text.count) * Self.characterWidth
    }

    private func text(_ value: String, x: Double, y: Double, anchor: String = "middle", className: String = "chart-label",
                      bold: Bool = false) -> String {
        "<text x=\"\(x.svg)\" y=\"\(y.svg)\" text-anchor=\"\(anchor)\" \(styled(className))\(bold ? " font-weight=\"700\"" : "")>\(escapeHTML(value))</text>"
    }

    /// A key of pattern swatches and names, for bar and column charts with several series.
    private func key(top: Double) -> (body: String, height: Double) {
        guard data.series.count > 1 else { return ("", 0) }
        var body = ""
        var x = 0.0, y = top
        for (index, series) in data.series.enumerated() {
            let width = 22 + textWidth(series.name)
            if x > 0 && x + width > Self.width { x = 0; y += 20 }
            let swatch = fill(series: index, category: 0)
            // Every swatch gets an outline, so a light one still shows on white paper.
            let outline = swatch.contains("stroke=") ? "" : " stroke=\"#000\" stroke-width=\"0.5\""
            body += "<rect x=\"\(x.svg)\" y=\"\((y - 10).svg)\" width=\"14\" height=\"12\" \(swatch)\(outline)/>"
            body += text(series.name, x: x + 19, y: y, anchor: "start")
            x += width + 14
        }
        return (body, y - top + 24)
    }

    // MARK: Columns

    private func columns(stacked: Bool) -> (body: String, height: Double) {
        let ticks = NumberFormat.ticks(upTo: data.maximum(stacked: stacked), from: data.minimum())
        let low = ticks.first ?? 0, high = ticks.last ?? 1
        let left = (ticks.map { textWidth(format.string($0)) }.max() ?? 20) + 8
        let plotWidth = Self.width - left - 4
        let band = plotWidth / Double(data.categories.count)
        let longest = data.categories.map(textWidth).max() ?? 0
        let rotate = longest > band - 4
        let top = 20.0
        let labelSpace = rotate ? min(longest * 0.75, 120) + 12 : 20
        let scale = { (v: Double) in top + Self.plotHeight * (1 - (v - low) / (high - low)) }
        var body = axis(ticks: ticks, left: left, scale: scale)

        for (c, category) in data.categories.enumerated() {
            let x0 = left + Double(c) * band
            var stackTop = 0.0
            let groupWidth = band * 0.72
            let barWidth = stacked ? groupWidth : groupWidth / Double(data.series.count)
            for (s, series) in data.series.enumerated() {
                guard let value = series.values[c] else { continue }
                let x = stacked ? x0 + (band - groupWidth) / 2 : x0 + (band - groupWidth) / 2 + Double(s) * barWidth
                let from = stacked ? stackTop : 0, to = stacked ? stackTop + value : value
                let y = scale(max(from, to)), height = abs(scale(from) - scale(to))
                body += "<rect x=\"\(x.svg)\" y=\"\(y.svg)\" width=\"\(barWidth.svg)\" height=\"\(height.svg)\" \(fill(series: s, category: c))><title>\(escapeHTML(category)), \(escapeHTML(series.name)): \(escapeHTML(format.string(value)))</title></rect>"
                if !stacked {
                    body += text(format.string(value), x: x + barWidth / 2, y: y - 4, className: "chart-value",
                                 bold: category == spec.highlight)
                }
                stackTop += value
            }
            if stacked {
                body += text(format.string(stackTop), x: x0 + band / 2, y: scale(stackTop) - 4, className: "chart-value")
            }
            let labelY = top + Self.plotHeight + 16
            if rotate {
                body += "<text transform=\"translate(\((x0 + band / 2).svg) \(labelY.svg)) rotate(-40)\" text-anchor=\"end\" \(styled("chart-label"))\(category == spec.highlight ? " font-weight=\"700\"" : "")>\(escapeHTML(category))</text>"
            } else {
                body += text(category, x: x0 + band / 2, y: labelY, bold: category == spec.highlight)
            }
        }
        let legend = key(top: top + Self.plotHeight + labelSpace + 16)
        return (body + legend.body, top + Self.plotHeight + labelSpace + legend.height + 4)
    }

    private func axis(ticks: [Double], left: Double, scale: (Double) -> Double) -> String {
        var body = ""
        for tick in ticks {
            let y = scale(tick)
            body += "<line x1=\"\(left.svg)\" x2=\"\(Self.width.svg)\" y1=\"\(y.svg)\" y2=\"\(y.svg)\" \(styled(tick == 0 ? "chart-baseline" : "chart-grid"))/>"
            body += text(format.string(tick), x: left - 6, y: y + 4, anchor: "end", className: "chart-tick")
        }
        return body
    }

    // MARK: Bars

    private func bars() -> (body: String, height: Double) {
        let ticks = NumberFormat.ticks(upTo: data.maximum(stacked: false), from: data.minimum())
        let low = ticks.first ?? 0, high = ticks.last ?? 1
        let labels = data.categories.map { wrap($0, width: 150) }
        let left = min(labels.flatMap { $0 }.map(textWidth).max() ?? 40, 150) + 10
        let valueSpace = (data.series.flatMap { $0.values.compactMap { $0 } }.map { textWidth(format.string($0)) }.max() ?? 30) + 8
        let plotWidth = Self.width - left - valueSpace
        let barHeight = 16.0
        let rowHeight = max(barHeight * Double(data.series.count) + 12, Double(labels.map(\.count).max() ?? 1) * 15 + 8)
        let top = 6.0
        let scale = { (v: Double) in left + plotWidth * (v - low) / (high - low) }
        var body = ""
        let plotBottom = top + rowHeight * Double(data.categories.count)
        for tick in ticks {
            let x = scale(tick)
            body += "<line x1=\"\(x.svg)\" x2=\"\(x.svg)\" y1=\"\(top.svg)\" y2=\"\(plotBottom.svg)\" \(styled(tick == 0 ? "chart-baseline" : "chart-grid"))/>"
            body += text(format.string(tick), x: x, y: plotBottom + 14, className: "chart-tick")
        }
        for (c, category) in data.categories.enumerated() {
            let rowTop = top + Double(c) * rowHeight
            let groupTop = rowTop + (rowHeight - barHeight * Double(data.series.count)) / 2
            for (line, part) in labels[c].enumerated() {
                let y = rowTop + rowHeight / 2 + 4 + (Double(line) - Double(labels[c].count - 1) / 2) * 15
                body += text(part, x: left - 8, y: y, anchor: "end", bold: category == spec.highlight)
            }
            for (s, series) in data.series.enumerated() {
                guard let value = series.values[c] else { continue }
                let y = groupTop + Double(s) * barHeight
                let x = scale(min(value, 0)), width = abs(scale(value) - scale(0))
                body += "<rect x=\"\(x.svg)\" y=\"\(y.svg)\" width=\"\(width.svg)\" height=\"\((barHeight - 2).svg)\" \(fill(series: s, category: c))><title>\(escapeHTML(category)), \(escapeHTML(series.name)): \(escapeHTML(format.string(value)))</title></rect>"
                body += text(format.string(value), x: scale(max(value, 0)) + 4, y: y + barHeight - 5, anchor: "start",
                             className: "chart-value", bold: category == spec.highlight)
            }
        }
        let legend = key(top: plotBottom + 40)
        return (body + legend.body, plotBottom + 22 + legend.height)
    }

    /// Splits a long category name into lines that fit `width`.
    private func wrap(_ label: String, width: Double) -> [String] {
        var lines: [String] = []
        var line = ""
        for word in label.split(separator: " ") {
            let candidate = line.isEmpty ? String(word) : line + " " + word
            if textWidth(candidate) > width && !line.isEmpty {
                lines.append(line)
                line = String(word)
            } else {
                line = candidate
            }
        }
        return lines + [line]
    }

    // MARK: Lines

    private func lines() -> (body: String, height: Double) {
        let ticks = NumberFormat.ticks(upTo: data.maximum(stacked: false), from: data.minimum())
        let low = ticks.first ?? 0, high = ticks.last ?? 1
        let left = (ticks.map { textWidth(format.string($0)) }.max() ?? 20) + 8
        let names = data.series.count > 1 ? data.series.map { textWidth($0.name) }.max() ?? 0 : 0
        let right = names > 0 ? names + 12 : 24
        let plotWidth = Self.width - left - right
        let step = data.categories.count > 1 ? plotWidth / Double(data.categories.count - 1) : 0
        let top = 22.0
        let scale = { (v: Double) in top + Self.plotHeight * (1 - (v - low) / (high - low)) }
        let xAt = { (i: Int) in left + (data.categories.count > 1 ? Double(i) * step : plotWidth / 2) }
        var body = axis(ticks: ticks, left: left, scale: scale)
        let dashes = ["", " stroke-dasharray=\"6 4\"", " stroke-dasharray=\"2 3\"", " stroke-dasharray=\"10 3 2 3\""]
        let every = max(1, Int((Double(data.categories.count) * 44 / plotWidth).rounded(.up)))
        for (i, category) in data.categories.enumerated() where i % every == 0 || i == data.categories.count - 1 {
            body += text(category, x: xAt(i), y: top + Self.plotHeight + 16, bold: category == spec.highlight)
        }
        for (s, series) in data.series.enumerated() {
            // Empty cells break the line: no data is not zero.
            var segments: [[(Double, Double)]] = [[]]
            for (i, value) in series.values.enumerated() {
                guard let value else {
                    segments.append([])
                    continue
                }
                segments[segments.count - 1].append((xAt(i), scale(value)))
            }
            for segment in segments where segment.count > 1 {
                let points = segment.map { "\($0.0.svg),\($0.1.svg)" }.joined(separator: " ")
                body += "<polyline points=\"\(points)\" \(styled("chart-line"))\(dashes[s % 4]) data-series=\"\(s % 4)\"/>"
            }
            for (i, value) in series.values.enumerated() {
                guard let value else { continue }
                body += marker(s, x: xAt(i), y: scale(value), label: "\(data.categories[i]), \(series.name): \(format.string(value))")
                if data.series.count == 1 {
                    body += text(format.string(value), x: xAt(i), y: scale(value) - 9, className: "chart-value",
                                 bold: data.categories[i] == spec.highlight)
                }
            }
            if data.series.count > 1, let last = series.values.lastIndex(where: { $0 != nil }), let value = series.values[last] {
                body += text(series.name, x: xAt(last) + 8, y: scale(value) + 4, anchor: "start", className: "chart-series-name")
            }
        }
        return (body, top + Self.plotHeight + 24)
    }

    /// Circle, square, triangle, diamond: series told apart without color.
    private func marker(_ series: Int, x: Double, y: Double, label: String) -> String {
        let tooltip = "<title>\(escapeHTML(label))</title>"
        switch series % 4 {
        case 0: return "<circle cx=\"\(x.svg)\" cy=\"\(y.svg)\" r=\"3.5\" \(styled("chart-marker"))>\(tooltip)</circle>"
        case 1: return "<rect x=\"\((x - 3.5).svg)\" y=\"\((y - 3.5).svg)\" width=\"7\" height=\"7\" \(styled("chart-marker"))>\(tooltip)</rect>"
        case 2: return "<path d=\"M\(x.svg) \((y - 4.5).svg)L\((x + 4).svg) \((y + 3).svg)H\((x - 4).svg)Z\" \(styled("chart-marker"))>\(tooltip)</path>"
        default: return "<path d=\"M\(x.svg) \((y - 4.5).svg)L\((x + 4.5).svg) \(y.svg)L\(x.svg) \((y + 4.5).svg)L\((x - 4.5).svg) \(y.svg)Z\" \(styled("chart-marker"))>\(tooltip)</path>"
        }
    }
}

private extension Double {
    /// Coordinates with at most one decimal: small files, identical on every machine.
    var svg: String {
        let rounded = (self * 10).rounded() / 10
        return rounded == rounded.rounded() ? String(Int(rounded)) : String(rounded)
    }
}
