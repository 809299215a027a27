import Foundation

/// Where a chart's names and values go: only where they overprint nothing.
extension ChartSVG {
    /// Category names under a column or line chart, at `centres`, `pitch` apart, below `bottom`.
    /// All of them level when they fit side by side; all turned 45° when that lets every one show
    /// (columns only: a line's points are not boxes to label); otherwise every nth, the first
    /// and the last always, n being what the widest name needs. Returns the space they take.
    func categoryAxis(centres: [Double], pitch: Double, bottom: Double, turn: Bool,
                      space: inout LabelSpace) -> (body: String, height: Double) {
        let labels = data.categories.enumerated().map { index, name in
            ChartLabel(text: name, x: centres[index], y: bottom + 24, bold: name == spec.highlight)
        }
        let widest = labels.map(\.width).max() ?? 0
        if widest + 2 <= pitch, let level = placeAll(labels, space: space) {
            space = level
            return (labels.map(draw).joined(), 32)
        }
        let turned = labels.map { label in
            var turned = label
            turned.y = bottom + 14
            turned.anchor = .end
            turned.angle = -45
            return turned
        }
        // Turned names are 17 units apart across their slant when the columns are 24 apart.
        if turn && pitch >= 24, let slanted = placeAll(turned, space: space) {
            space = slanted
            return (turned.map(draw).joined(), widest * 0.71 + 24)
        }
        let every = max(1, Int(((widest + 10) / max(pitch, 0.1)).rounded(.up)))
        let last = labels.count - 1
        var shown: [Int] = []
        for index in [last, 0] + Array(stride(from: every, to: last, by: every)) where !shown.contains(index) {
            if space.place(LabelSpace.centred(labels[index], within: 0, space.width)) { shown.append(index) }
        }
        let body = shown.sorted().map { draw(LabelSpace.centred(labels[$0], within: 0, space.width)) }.joined()
        return (body, 32)
    }

    /// The space with every label placed, or nil when one of them does not fit.
    private func placeAll(_ labels: [ChartLabel], space: LabelSpace) -> LabelSpace? {
        var trial = space
        for label in labels where !trial.place(label) { return nil }
        return trial
    }

    /// Value labels where they fit: every one when each fits its own slot, otherwise only
    /// the ones that matter most, in `priority` order (the highest, the latest, the highlighted),
    /// each one only where it overprints nothing already placed, and right of the axis's
    /// numbers (`left`).
    func valueLabels(_ all: [ChartLabel], slot: Double, priority: [Int], left: Double, space: inout LabelSpace) -> String {
        let everyOneFits = (all.map(\.width).max() ?? 0) + 4 <= slot
        var body = ""
        var seen = Set<Int>()
        for index in everyOneFits ? Array(all.indices) : priority where all.indices.contains(index) && seen.insert(index).inserted {
            let label = LabelSpace.centred(all[index], within: left, space.width)
            if space.place(label) { body += draw(label) }
        }
        return body
    }

    /// A value label, with what decides whether it is shown when not all fit.
    struct Ranked {
        var label: Int
        var value: Double
        var category: Int
    }

    /// Which value labels matter most when not all fit: the highest, the latest, the
    /// highlighted, then the lowest.
    func priority(_ ranked: [Ranked]) -> [Int] {
        let byValue = ranked.sorted { $0.value > $1.value }
        let latest = ranked.max { $0.category < $1.category }
        let highlighted = ranked.filter { data.categories[$0.category] == spec.highlight }
        return ([byValue.first, latest].compactMap { $0 } + highlighted + [byValue.last].compactMap { $0 }).map(\.label)
    }
}
