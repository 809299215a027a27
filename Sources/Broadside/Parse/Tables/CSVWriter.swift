import Foundation

/// Writes rows as RFC 4180 CSV that `CSV.parse` reads back cell for cell.
public enum CSVWriter {
    /// One line per row, each ending in LF. A field is quoted when it holds a comma, a quote
    /// or a line break, its quotes doubled. Line breaks in a cell are written as LF: the build
    /// reads CRLF as LF anyway. A row of one empty field is written `""`, since `CSV.parse`
    /// skips an empty line.
    public static func text(_ rows: [[String]]) -> String {
        var text = ""
        for row in rows {
            if row.count == 1 && row[0].isEmpty {
                text += "\"\"\n"
                continue
            }
            text += row.map(field).joined(separator: ",") + "\n"
        }
        return text
    }

    private static func field(_ cell: String) -> String {
        let cell = cell.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        guard cell.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" }) else { return cell }
        return "\"" + cell.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
