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
    /// Works on UTF-8 bytes (the separators are ASCII); columns count characters, as editors do.
    public static func parse(_ file: SourceFile, diagnostics: inout Diagnostics) -> [[CSVField]]? {
        let bytes = Array(file.text.utf8)
        let comma = UInt8(ascii: ","), newline = UInt8(ascii: "\n"), quote = UInt8(ascii: "\"")
        var records: [[CSVField]] = []
        var i = 0, line = 1, column = 1

        /// Moves past one byte of field text; only the first byte of a character starts a column.
        func step() {
            if bytes[i] == newline {
                line += 1
                column = 1
            } else if bytes[i] & 0xC0 != 0x80 {
                column += 1
            }
            i += 1
        }
        func error(_ message: String, _ line: Int, _ column: Int) -> [[CSVField]]? {
            diagnostics.error(message, at: SourceLocation(path: file.displayPath, line: line, column: column))
            return nil
        }

        while i < bytes.count {
            if bytes[i] == newline {
                step()
                continue
            }
            var record: [CSVField] = []
            while true {
                let fieldLine = line, fieldColumn = column
                var text: String
                if i < bytes.count && bytes[i] == quote {
                    step()
                    var unquoted: [UInt8] = []
                    var segment = i
                    while true {
                        guard i < bytes.count else {
                            return error("this quoted field is never closed: add the missing \" before the end of the file", fieldLine, fieldColumn)
                        }
                        if bytes[i] == quote {
                            unquoted += bytes[segment..<i]
                            step()
                            guard i < bytes.count && bytes[i] == quote else { break }
                            // A doubled quote stands for one quote character.
                            segment = i
                            step()
                            continue
                        }
                        step()
                    }
                    text = String(decoding: unquoted, as: UTF8.self)
                    if i < bytes.count && bytes[i] != comma && bytes[i] != newline {
                        return error("after a closing quote a field must end: expected a comma or the end of the line", line, column)
                    }
                } else {
                    let start = i
                    while i < bytes.count && bytes[i] != comma && bytes[i] != newline { step() }
                    text = String(decoding: bytes[start..<i], as: UTF8.self)
                }
                record.append(CSVField(text: text, line: fieldLine, column: fieldColumn))
                guard i < bytes.count && bytes[i] == comma else { break }
                step()
            }
            if i < bytes.count { step() }
            records.append(record)
        }
        return records
    }
}
