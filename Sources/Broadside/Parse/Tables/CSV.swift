/// One field of a CSV file, with the place it starts for diagnostics.
public struct CSVField: Sendable, Equatable {
    public var text: String
    public var line: Int
    public var column: Int
}

/// RFC 4180 CSV: quoted fields, doubled quotes, commas and line breaks inside quotes.
/// Written here rather than taken from a CSV library because every error must name its line
/// and column, and none of the libraries on hand report positions.
public enum CSV {
    /// The records of `file`, or nil after reporting why the file cannot be read as CSV.
    /// Line endings are already LF and the byte-order mark is gone (see `SourceFile`).
    /// Completely empty lines are skipped: spreadsheets often leave one at the end.
    public static func parse(_ file: SourceFile, diagnostics: inout Diagnostics) -> [[CSVField]]? {
        var records: [[CSVField]] = []
        var record: [CSVField] = []
        var field = String.UnicodeScalarView()
        var line = 1, column = 1
        var fieldLine = 1, fieldColumn = 1
        var quoted = false, afterClosingQuote = false, atRecordStart = true
        var scalars = file.text.unicodeScalars.makeIterator()
        var pending: Unicode.Scalar?

        func location(_ line: Int, _ column: Int) -> SourceLocation {
            SourceLocation(path: file.displayPath, line: line, column: column)
        }
        func endField() {
            record.append(CSVField(text: String(field), line: fieldLine, column: fieldColumn))
            field = String.UnicodeScalarView()
            quoted = false
            afterClosingQuote = false
        }

        while let scalar = pending ?? scalars.next() {
            pending = nil
            if atRecordStart {
                if scalar == "\n" {
                    line += 1
                    continue
                }
                atRecordStart = false
                fieldLine = line
                fieldColumn = column
            }
            defer {
                if scalar == "\n" {
                    line += 1
                    column = 1
                } else {
                    column += 1
                }
            }
            if quoted {
                if scalar == "\"" {
                    let next = scalars.next()
                    if next == "\"" {
                        field.append("\"")
                        column += 1
                    } else {
                        quoted = false
                        afterClosingQuote = true
                        pending = next
                    }
                } else {
                    field.append(scalar)
                }
                continue
            }
            switch scalar {
            case ",":
                endField()
                fieldLine = line
                fieldColumn = column + 1
            case "\n":
                endField()
                records.append(record)
                record = []
                atRecordStart = true
            case "\"" where field.isEmpty && !afterClosingQuote:
                quoted = true
            default:
                if afterClosingQuote {
                    diagnostics.error("after a closing quote a field must end: expected a comma or the end of the line", at: location(line, column))
                    return nil
                }
                field.append(scalar)
            }
        }
        if quoted {
            diagnostics.error("this quoted field is never closed: add the missing \" before the end of the file",
                              at: location(fieldLine, fieldColumn))
            return nil
        }
        if !atRecordStart {
            endField()
            records.append(record)
        }
        return records
    }
}
