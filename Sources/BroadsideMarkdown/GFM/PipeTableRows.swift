/// A pipe table's rows read from their bytes, before cmark parses any cell: where cells
/// begin and end, and the delimiter row's alignments.
extension PipeTables {
    /// A row's cells: split at each `|` not escaped by a backslash, the outer pipes dropped,
    /// each cell trimmed and its `\|` made a plain `|` (also inside code spans, as on GitHub).
    static func cells(_ line: ArraySlice<UInt8>, column: Int) -> [Cell] {
        var text = line
        while let last = text.last, last == UInt8(ascii: " ") || last == UInt8(ascii: "\t") { text.removeLast() }
        var start = text.startIndex
        if text.first == UInt8(ascii: "|") { start += 1 }
        var cells: [Cell] = []
        var current: [UInt8] = []
        var cellStart = start
        var index = start
        func finish(_ end: Int) {
            var leading = 0
            while leading < current.count, current[leading] == UInt8(ascii: " ") || current[leading] == UInt8(ascii: "\t") { leading += 1 }
            var trimmed = Array(current[leading...])
            while let last = trimmed.last, last == UInt8(ascii: " ") || last == UInt8(ascii: "\t") { trimmed.removeLast() }
            cells.append(Cell(text: trimmed, column: column + (cellStart - line.startIndex) + leading))
            current = []
        }
        var endedWithPipe = false
        while index < text.endIndex {
            let byte = text[index]
            endedWithPipe = false
            if byte == UInt8(ascii: "\\"), index + 1 < text.endIndex {
                if text[index + 1] != UInt8(ascii: "|") { current.append(byte) }
                current.append(text[index + 1])
                index += 2
                continue
            }
            if byte == UInt8(ascii: "|") {
                finish(index)
                endedWithPipe = true
                cellStart = index + 1
            } else {
                current.append(byte)
            }
            index += 1
        }
        if !endedWithPipe || cells.isEmpty { finish(index) }
        return cells
    }

    /// The delimiter row's alignments, or nil when the line is not one (`| --- | :-: |`).
    static func alignments(_ line: ArraySlice<UInt8>) -> [PipeTable.Alignment]? {
        guard line.contains(UInt8(ascii: "-")),
              line.allSatisfy({ [UInt8(ascii: "|"), UInt8(ascii: "-"), UInt8(ascii: ":"), UInt8(ascii: " "), UInt8(ascii: "\t")].contains($0) })
        else { return nil }
        var result: [PipeTable.Alignment] = []
        for cell in cells(line, column: 1) {
            let text = cell.text
            guard !text.isEmpty, text.contains(UInt8(ascii: "-")),
                  text.dropFirst().dropLast().allSatisfy({ $0 == UInt8(ascii: "-") }) else { return nil }
            let left = text.first == UInt8(ascii: ":"), right = text.last == UInt8(ascii: ":")
            result.append(left && right ? .center : left ? .left : right ? .right : .none)
        }
        return result.isEmpty ? nil : result
    }
}
