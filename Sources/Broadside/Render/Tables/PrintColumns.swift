/// How a table prints on its landscape page without losing a column: at print.css's table
/// size when it fits, else smaller down to a floor an office printer still prints legibly,
/// else in parts of a few columns each with the key column repeated, one after another.
///
/// The widths are estimates from the text (the engine lays the table out later): a column
/// needs at least its longest word, and reads well at about a dozen characters. An estimate
/// that is still too small shows up as the engine's overflow warning, never as a cut column.
struct PrintColumns: Equatable {
    /// Type size in points: `regular` is print.css's size for tables.
    var fontSize: Double
    /// The columns of each part, in order; the key column leads each part and is not listed.
    var parts: [[Int]]

    static let regular = 8.5
    static let floor = 7.0

    /// ` data-source="Content/x.md:12"` on a printed table: the PDF engine names where a table
    /// that still runs past its page is written.
    static func sourceAttribute(_ location: String?) -> String {
        location.map { " data-source=\"\(escapeHTML($0))\"" } ?? ""
    }

    /// Text width of the landscape page in points: the paper's long side less print.css's
    /// 0.6 in margins on each side of `@page wide`.
    static func pageWidth(_ paper: SiteConfig.Paper) -> Double {
        let long = paper == .a4 ? 297 / 25.4 * 72 : 11 * 72
        return long - 2 * 0.6 * 72
    }

    /// The width a table prints in: a wide one's landscape page; else the portrait page less
    /// its 0.7 in margins; beside its translation, half of that less the 0.12 in padding on
    /// each side of a bilingual handout's column (a column cannot turn its page).
    static func textWidth(_ paper: SiteConfig.Paper, wide: Bool, besideTranslation: Bool) -> Double {
        if wide && !besideTranslation { return pageWidth(paper) }
        let portrait = (paper == .a4 ? 210 / 25.4 * 72 : 8.5 * 72) - 2 * 0.7 * 72
        return besideTranslation ? portrait / 2 - 2 * 0.12 * 72 : portrait
    }

    /// `columns` holds each column's texts as printed (header first); `key` is the key column.
    static func plan(_ columns: [[String]], key: Int, pageWidth: Double) -> PrintColumns {
        let widths = columns.map(width)
        let others = columns.indices.filter { $0 != key }
        let total = widths.reduce(0, +)
        if total * regular <= pageWidth { return PrintColumns(fontSize: regular, parts: [others]) }
        if total * floor <= pageWidth { return PrintColumns(fontSize: floor, parts: [others]) }
        // Each part must fit beside the key column; parts of about equal width read as a set.
        let room = pageWidth / floor - widths[key]
        let count = greedyParts(others, widths: widths, room: room).count
        // As few parts as fit, then the narrowest limit that still needs no more of them.
        var limit = others.reduce(0) { $0 + widths[$1] } / Double(count)
        while limit < room && greedyParts(others, widths: widths, room: limit).count > count { limit += 0.25 }
        return PrintColumns(fontSize: floor, parts: greedyParts(others, widths: widths, room: min(limit, room)))
    }

    /// Columns in order, a new part whenever the next would pass `room` (a column wider than
    /// `room` alone still gets a part of its own).
    private static func greedyParts(_ columns: [Int], widths: [Double], room: Double) -> [[Int]] {
        var parts: [[Int]] = []
        var used = Double.infinity
        for column in columns {
            if used + widths[column] > room || parts.isEmpty {
                parts.append([column])
                used = widths[column]
            } else {
                parts[parts.count - 1].append(column)
                used += widths[column]
            }
        }
        return parts
    }

    /// A column's width in ems: its longest word (which cannot break), or a dozen characters
    /// when its text runs longer, plus the cell's padding and rule. DejaVu Sans, the print
    /// face, averages about 0.62 em a character; bold headers run wider.
    static func width(_ texts: [String]) -> Double {
        var widest = 0.0
        for (index, text) in texts.enumerated() {
            let perCharacter = index == 0 ? 0.68 : 0.62
            let longestWord = text.split(whereSeparator: { $0 == " " || $0 == "\n" }).map(\.count).max() ?? 0
            widest = max(widest, Double(max(longestWord, min(text.count, 12))) * perCharacter)
        }
        return widest + 0.8
    }
}
