import CCMark
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// GitHub pipe tables. cmark reads `| a | b |` lines as a paragraph; this pass finds each
/// paragraph whose lines hold a header row and, right under it, a delimiter row with as many
/// cells (`| --- | :-: |`), and puts a table in its place: the lines above the header stay a
/// paragraph, every line below is a row. Cells are read from the source lines (cmark's
/// paragraph has lost the pipes' meaning) and parsed as inline Markdown.
struct PipeTables {
    let lines: SourceLines
    let flags: Int32
    /// Where each link, image, piece of HTML and text in a cell was written: its node's own place is in the text
    /// the cell was parsed from.
    var placesInCells: [OpaquePointer: (line: Int, column: Int)] = [:]
    var notices: [MarkdownNotice] = []
    /// The words of each row, for the page's search entry.
    var rowTexts: [TextBlock] = []
    private var referenceDefinitions: String?

    init(lines: SourceLines, flags: Int32) {
        self.lines = lines
        self.flags = flags
    }

    /// Replaces the table paragraphs under `document`; `lineOffsets` (the lines before each
    /// part of a large text, by its first block) follows a first block that is replaced.
    mutating func apply(to document: OpaquePointer, lineOffsets: inout [OpaquePointer: Int], frame: (PipeTable) -> TableFrame) {
        var candidates: [(node: OpaquePointer, offset: Int)] = []
        var offset = 0
        let iterator = cmark_iter_new(document)
        while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
            guard event == CMARK_EVENT_ENTER, let node = cmark_iter_get_node(iterator) else { continue }
            if !lineOffsets.isEmpty, let start = lineOffsets[node] { offset = start }
            if cmark_node_get_type(node) == CMARK_NODE_PARAGRAPH, Self.mayHoldTable(node) { candidates.append((node, offset)) }
        }
        cmark_iter_free(iterator)
        for (node, offset) in candidates {
            guard let replacement = table(for: node, lineOffset: offset, frame: frame) else { continue }
            if let start = lineOffsets.removeValue(forKey: node), let first = replacement.first { lineOffsets[first] = start }
            for block in replacement { cmark_node_insert_before(node, block) }
            cmark_node_free(node)
        }
    }

    /// A table needs a pipe on its header or delimiter line: one in the paragraph's text.
    private static func mayHoldTable(_ paragraph: OpaquePointer) -> Bool {
        var child = cmark_node_first_child(paragraph)
        var lines = 1
        var pipe = false
        while let node = child {
            switch cmark_node_get_type(node) {
            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK: lines += 1
            case CMARK_NODE_TEXT: if !pipe, let literal = cmark_node_get_literal(node) { pipe = strchr(literal, Int32(UInt8(ascii: "|"))) != nil }
            default: break
            }
            child = cmark_node_next(node)
        }
        return pipe && lines >= 2
    }

    /// The paragraph's lines as written, without what its containers put before them
    /// (`> `, a list item's indent): the first line from the paragraph's column, the others
    /// less as many `>`, spaces and tabs as came before that column.
    private func paragraphLines(_ paragraph: OpaquePointer, lineOffset: Int) -> [(text: ArraySlice<UInt8>, line: Int, column: Int)] {
        let first = Int(cmark_node_get_start_line(paragraph)) + lineOffset
        let last = Int(cmark_node_get_end_line(paragraph)) + lineOffset
        let prefix = Int(cmark_node_get_start_column(paragraph)) - 1
        guard first >= 1, last >= first, last <= lines.count else { return [] }
        var result: [(ArraySlice<UInt8>, Int, Int)] = []
        for number in first...last {
            var text = lines[number]
            var stripped = 0
            if number == first {
                stripped = min(prefix, text.count)
            } else {
                while stripped < prefix, stripped < text.count,
                      [UInt8(ascii: ">"), UInt8(ascii: " "), UInt8(ascii: "\t")].contains(text[text.startIndex + stripped]) { stripped += 1 }
            }
            text = text.dropFirst(stripped)
            let leading = text.prefix { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }.count
            result.append((text.dropFirst(leading), number, stripped + leading + 1))
        }
        return result
    }

    /// The blocks that replace a table paragraph, or nil when it holds no table.
    private mutating func table(for paragraph: OpaquePointer, lineOffset: Int, frame: (PipeTable) -> TableFrame) -> [OpaquePointer]? {
        let lines = paragraphLines(paragraph, lineOffset: lineOffset)
        guard lines.count >= 2 else { return nil }
        for headerIndex in 0..<(lines.count - 1) {
            let headerLine = lines[headerIndex], delimiterLine = lines[headerIndex + 1]
            guard let alignments = Self.alignments(delimiterLine.text),
                  headerLine.text.contains(UInt8(ascii: "|")) || delimiterLine.text.contains(UInt8(ascii: "|")) else { continue }
            let header = Self.cells(headerLine.text, column: headerLine.column)
            guard header.count == alignments.count else {
                // GitHub shows it as text too; the author meant a table, and is told why it is not one.
                notices.append(MarkdownNotice(.tableColumnsDiffer(header: header.count, delimiter: alignments.count),
                                              line: delimiterLine.line, column: delimiterLine.column))
                return nil
            }
            return build(paragraph: paragraph, before: Array(lines[..<headerIndex]), header: (header, headerLine.line),
                         alignments: alignments, rows: Array(lines[(headerIndex + 2)...]), frame: frame)
        }
        return nil
    }

    private mutating func build(paragraph: OpaquePointer, before: [(text: ArraySlice<UInt8>, line: Int, column: Int)],
                                header: (cells: [Cell], line: Int), alignments: [PipeTable.Alignment],
                                rows: [(text: ArraySlice<UInt8>, line: Int, column: Int)], frame: (PipeTable) -> TableFrame) -> [OpaquePointer]? {
        let width = alignments.count
        var grid: [(cells: [Cell], line: Int)] = [header]
        for row in rows {
            var cells = Self.cells(row.text, column: row.column)
            if cells.count > width {
                let dropped = cells[width...].filter { !$0.text.isEmpty }
                if !dropped.isEmpty {
                    notices.append(MarkdownNotice(.tableCellsDropped(count: dropped.count, columns: width), line: row.line, column: dropped[0].column))
                }
                cells.removeLast(cells.count - width)
            }
            while cells.count < width { cells.append(Cell(text: [], column: row.column)) }
            grid.append((cells, row.line))
        }
        guard let parsed = parseInline(grid.flatMap { $0.cells.map(\.text) }) else { return nil }
        defer { cmark_node_free(parsed.document) }

        var blocks: [OpaquePointer] = []
        if !before.isEmpty {
            // The lines above the header stay a paragraph, parsed again on their own.
            guard let lead = parseInline([Array(before.map { Array($0.text) }.joined(separator: [UInt8(ascii: "\n")]))], placeholder: false),
                  let leadParagraph = lead.paragraphs.first else { return nil }
            cmark_node_unlink(leadParagraph)
            cmark_node_free(lead.document)
            record(links: leadParagraph, line: before[0].line, column: before[0].column, shift: 0)
            blocks.append(leadParagraph)
        }

        let shape = PipeTable(header: parsed.paragraphs.prefix(width).map { Self.withoutFootnoteReferences(Markdown.plainText(of: $0)) },
                              alignments: alignments, rowCount: rows.count, line: header.line)
        let frame = frame(shape)
        guard let table = CMarkNodes.customBlock(frame.open, frame.close) else { return nil }
        var paragraphs = parsed.paragraphs.makeIterator()
        for (index, row) in grid.enumerated() {
            if index <= 1, let section = CMarkNodes.customBlock(index == 0 ? "<thead>" : "<tbody>", index == 0 ? "</thead>" : "</tbody>") {
                cmark_node_append_child(table, section)
            }
            guard let section = cmark_node_last_child(table), let tr = CMarkNodes.customBlock("<tr>", "</tr>") else { continue }
            cmark_node_append_child(section, tr)
            var words: [UInt8] = []
            for (column, cell) in row.cells.enumerated() {
                let tag = index == 0 ? "th" : "td"
                let scope = index == 0 ? " scope=\"col\"" : ""
                let align = alignments[column] == .none ? "" : " class=\"align-\(alignments[column].rawValue)\""
                guard let content = paragraphs.next(), let element = CMarkNodes.customInline("<\(tag)\(scope)\(align)>", "</\(tag)>\n") else { continue }
                record(links: content, line: row.line, column: cell.column, shift: Self.placeholder.utf8.count)
                if !words.isEmpty { words.append(UInt8(ascii: " ")) }
                Markdown.appendPlainText(of: content, to: &words)
                CMarkNodes.moveChildren(of: content, to: element)
                cmark_node_append_child(tr, element)
            }
            rowTexts.append(TextBlock(utf8: words, line: row.line))
        }
        blocks.append(table)
        return blocks
    }

    /// A header's words as a name for the table: `Teams [^count]` is `Teams`.
    private static func withoutFootnoteReferences(_ text: String) -> String {
        text.replacingOccurrences(of: #"\s*\[\^[^\]\s]+\]"#, with: "", options: .regularExpression)
    }

    /// Notes where each link, image, piece of HTML and text under `node` was written.
    private mutating func record(links node: OpaquePointer, line: Int, column: Int, shift: Int) {
        for link in CMarkNodes.nodes(in: node, ofType: [CMARK_NODE_LINK.rawValue, CMARK_NODE_IMAGE.rawValue, CMARK_NODE_HTML_INLINE.rawValue, CMARK_NODE_TEXT.rawValue]) {
            let within = max(Int(cmark_node_get_start_column(link)) - 1 - shift, 0)
            placesInCells[link] = (line, column + within)
        }
    }

    /// Put before each cell so cmark reads it as the inside of a paragraph (`1. x` stays text,
    /// not a list) and takes away after: a private-use character no author text begins with.
    static let placeholder = "\u{E000} "

    /// Parses each text as a paragraph of its own, with the page's link reference definitions
    /// (a cell may say `[name][]`), and with the placeholder taken off again.
    private mutating func parseInline(_ texts: [[UInt8]], placeholder: Bool = true) -> (document: OpaquePointer, paragraphs: [OpaquePointer])? {
        var source: [UInt8] = []
        for text in texts {
            if placeholder { source += Self.placeholder.utf8 }
            source += text
            source += [UInt8(ascii: "\n"), UInt8(ascii: "\n")]
        }
        source += referenceLines().utf8
        guard let document = Markdown.parseDocument(source[...], flags: flags) else { return nil }
        let paragraphs = CMarkNodes.children(of: document).filter { cmark_node_get_type($0) == CMARK_NODE_PARAGRAPH }
        guard paragraphs.count == texts.count else {
            cmark_node_free(document)
            return nil
        }
        if placeholder {
            for paragraph in paragraphs { Self.removePlaceholder(from: paragraph) }
        }
        return (document, paragraphs)
    }

    private static func removePlaceholder(from paragraph: OpaquePointer) {
        guard let first = cmark_node_first_child(paragraph), cmark_node_get_type(first) == CMARK_NODE_TEXT else { return }
        var literal = Substring(CMarkNodes.literal(first))
        guard literal.hasPrefix("\u{E000}") else { return }
        literal = literal.dropFirst()
        if literal.hasPrefix(" ") { literal = literal.dropFirst() }
        if literal.isEmpty {
            cmark_node_free(first)
        } else {
            cmark_node_set_literal(first, String(literal))
        }
    }

    /// The lines of the text that may define link references (`[name]: address`).
    private mutating func referenceLines() -> String {
        if let referenceDefinitions { return referenceDefinitions }
        var found = ""
        for number in 1...max(lines.count, 1) {
            let line = lines[number].drop { $0 == UInt8(ascii: " ") }
            guard line.first == UInt8(ascii: "["), line.dropFirst().first != UInt8(ascii: "^"),
                  let close = line.firstIndex(of: UInt8(ascii: "]")), line.index(after: close) < line.endIndex,
                  line[line.index(after: close)] == UInt8(ascii: ":") else { continue }
            found += String(decoding: line, as: UTF8.self) + "\n\n"
        }
        referenceDefinitions = found
        return found
    }

    struct Cell {
        var text: [UInt8]
        /// Where the cell's text starts on its line (1-based).
        var column: Int
    }
}
