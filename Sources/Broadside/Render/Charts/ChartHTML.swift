/// A chart on the page: its title, the SVG, the source line, and the numbers themselves in a
/// table a reader can open (the chart's text alternative, and a way to check it).
struct ChartHTML {
    let spec: ChartSpec
    let id: String
    let strings: Strings

    func render() -> String {
        let data = spec.data
        let pieces = printedPieces
        var html = "<figure class=\"chart\(pieces.isEmpty ? "" : " chart-long")\" id=\"\(id)\">\n<figcaption class=\"chart-title\"><strong>\(escapeHTML(spec.title))</strong>"
        if let caption = spec.caption { html += "<span class=\"chart-caption\">\(escapeHTML(caption))</span>" }
        html += "</figcaption>\n"
        // Drawn at two sizes; the stylesheet shows one (see ChartLayout for why).
        for layout in [ChartLayout.wide, .narrow] {
            html += ChartSVG(spec: spec, id: id, strings: strings, layout: layout).render() + "\n"
        }
        for (number, rows) in pieces.enumerated() {
            // On paper, each piece after the first says whose it is and which.
            if number > 0 {
                let which = strings.format("table_part", ["part": "\(number + 1)", "parts": "\(pieces.count)"])
                html += "<p class=\"chart-piece-title\">\(escapeHTML(spec.title)) (\(escapeHTML(strings["table_continued"])), \(escapeHTML(which)))</p>\n"
            }
            html += ChartSVG(spec: spec, id: id, strings: strings, layout: .wide, piece: (number + 1, rows)).render() + "\n"
        }
        var source: [String] = []
        if let name = spec.sourceName {
            let shown = spec.sourceURL.map { "<a href=\"\(escapeHTML($0))\">\(escapeHTML(name))</a>" } ?? escapeHTML(name)
            source.append("\(escapeHTML(strings["source"])): \(shown).")
        }
        if let day = spec.asOf { source.append(escapeHTML(strings.format("as_of", ["date": strings.date(day)]))) }
        if let units = spec.format.units { source.append(escapeHTML(strings.format("values_in", ["units": units]))) }
        if !source.isEmpty { html += "<p class=\"chart-source\">\(source.joined(separator: " "))</p>\n" }
        html += "<details class=\"chart-data\">\n<summary>\(escapeHTML(strings["show_numbers"]))</summary>\n<table>\n<thead><tr><th scope=\"col\">\(escapeHTML(data.xLabel))</th>"
        for series in data.series { html += "<th scope=\"col\">\(escapeHTML(series.name))</th>" }
        html += "</tr></thead>\n<tbody>\n"
        for (index, category) in data.categories.enumerated() {
            html += "<tr><th scope=\"row\">\(escapeHTML(category))</th>"
            for series in data.series {
                html += "<td>\(series.values[index].map { escapeHTML(spec.format.string($0)) } ?? "—")</td>"
            }
            html += "</tr>\n"
        }
        html += "</tbody>\n</table>\n<p><a class=\"download\" href=\"\(escapeHTML(spec.csvURL))\" download>\(escapeHTML(strings["download_csv"]))</a></p>\n</details>\n</figure>\n"
        return html
    }

    /// A bar chart longer than a printed page also comes in pieces of at most this many rows,
    /// each kept on one page, shown only in print (an SVG cannot break across pages).
    static let rowsPerPrintedPiece = 24

    private var printedPieces: [Range<Int>] {
        let count = spec.data.categories.count
        guard spec.kind == .bar, count > Self.rowsPerPrintedPiece else { return [] }
        return stride(from: 0, to: count, by: Self.rowsPerPrintedPiece).map { $0..<min($0 + Self.rowsPerPrintedPiece, count) }
    }
}
