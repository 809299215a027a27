import CCMark
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Renders CommonMark to HTML. The only code in Broadside that touches cmark: every cmark
/// allocation made here is freed before `render` returns, and callers see Swift values only.
public struct Markdown: Sendable {
    public var options: MarkdownOptions

    public init(options: MarkdownOptions = MarkdownOptions()) {
        self.options = options
    }

    /// Parses `source`, lets `rewriteLink` replace each link and image destination (return nil
    /// to keep it) and `renderFence` replace a fenced code block with HTML of its own (return nil
    /// to keep the code block), gives headings ids, and renders HTML.
    /// With `numberLinks`, each link is followed by a superscript number and its address is
    /// listed in `linkNotes`: on paper a reader cannot follow a link, but can type it.
    /// `autolink` may turn parts of running text (not headings, links or code) into links:
    /// legal citations, glossary terms. It sees the text in document order, each piece that
    /// `mayLink` let through on seeing its UTF-8 bytes (most text links nothing, and need
    /// not be made a string to say so).
    /// GitHub's extensions are read too (see `GFM/`): pipe tables, framed by `frameTable`;
    /// strikethrough; task lists; footnotes; bare `www.`, `https://` and e-mail addresses as
    /// links; and, where raw HTML is allowed, GitHub's tag filter. What the author wrote that
    /// does not show as written is in the result's `notices`.
    public func render(
        _ source: some StringProtocol,
        numberLinks: Bool = false,
        rewriteLink: (LinkDestination) -> RewrittenLink? = { _ in nil },
        renderFence: (FencedBlock) -> String? = { _ in nil },
        frameTable: (PipeTable) -> TableFrame = { _ in .plain },
        mayLink: (Span<UInt8>) -> Bool = { _ in true },
        autolink: (String) -> [AutoLink] = { _ in [] }
    ) -> RenderedMarkdown {
        var flags = CMARK_OPT_SOURCEPOS
        // Without CMARK_OPT_UNSAFE cmark replaces raw HTML with a comment and empties
        // javascript:, vbscript:, file: and non-image data: URLs: exactly the safe default we want.
        if options.allowRawHTML { flags |= CMARK_OPT_UNSAFE }
        if options.smartPunctuation { flags |= CMARK_OPT_SMART }

        // Read where the text is (a page's body is a part of its file's text, not a copy), with
        // the length from Swift, not strlen: text after a NUL byte must not vanish.
        var lineOffsets: [OpaquePointer: Int] = [:]
        // Read where the text is: through the generic view, this pass took a tenth of a large build.
        let triggers = source.utf8.withContiguousStorageIfAvailable { GFMTriggers($0.span) } ?? GFMTriggers(Array(source.utf8).span)
        var footnotes: Footnotes?
        var edited: [UInt8]?
        if triggers.footnote {
            // Definitions are taken out of the text before cmark reads it; their lines stay, empty.
            // Kept with no definitions too: a reference to none is named.
            var text = Array(source.utf8)
            footnotes = Footnotes(extractingFrom: &text)
            if !(footnotes?.isEmpty ?? true) { edited = text }
        }
        let parsed = edited.map { text in text.withUnsafeBufferPointer { parse($0, flags: flags, lineOffsets: &lineOffsets) } }
            ?? source.utf8.withContiguousStorageIfAvailable { bytes in parse(bytes, flags: flags, lineOffsets: &lineOffsets) }
        guard let document = parsed ?? String(source).withCString({ cmark_parse_document($0, source.utf8.count, flags) }) else {
            return RenderedMarkdown(htmlBytes: [], headings: [])
        }
        var notices: [MarkdownNotice] = []
        var placesInCells: [OpaquePointer: (line: Int, column: Int)] = [:]
        var tableRows: [TextBlock] = []
        if triggers.pipe {
            var tables = PipeTables(lines: SourceLines(edited ?? Array(source.utf8)), flags: flags)
            tables.apply(to: document, lineOffsets: &lineOffsets, frame: frameTable)
            placesInCells = tables.placesInCells
            notices += tables.notices
            tableRows = tables.rowTexts
        }
        if var found = footnotes {
            found.apply(to: document, idPrefix: options.idPrefix, labels: options.labels, lineOffsets: &lineOffsets, places: placesInCells) { text in
                Self.parseDocument(text, flags: flags)
            }
            notices += found.notices
            footnotes = found
        }
        if triggers.tilde { Strikethrough.apply(to: document) }
        if triggers.task { TaskLists.apply(to: document) }
        // Freed by the last step below, as soon as the HTML is made: on a large page the tree is
        // the largest thing held, and the HTML is copied after it is gone.
        var tree: OpaquePointer? = document
        defer { if let tree { cmark_node_free(tree) } }

        var headingNodes: [(node: OpaquePointer, line: Int, column: Int)] = []
        var linkNodes: [OpaquePointer] = []
        var fenceNodes: [(node: OpaquePointer, sectionLevel: Int, line: Int)] = []
        var textNodes: [(node: OpaquePointer, lineOffset: Int, mayHoldAddress: Bool)] = []
        var annotations: [(link: OpaquePointer, html: String)] = []
        var sectionLevel = 0
        var result = RenderedMarkdown(htmlBytes: [], headings: [])
        result.tableRows = tableRows
        do {
            let iterator = cmark_iter_new(document)
            defer { cmark_iter_free(iterator) }
            // Text inside headings and links is left as written: no links within links.
            var protectedDepth = 0
            // Lines before the part of a large text that the current block came from.
            var lineOffset = 0
            while case let event = cmark_iter_next(iterator), event != CMARK_EVENT_DONE {
                guard let node = cmark_iter_get_node(iterator) else { continue }
                if !lineOffsets.isEmpty, event == CMARK_EVENT_ENTER, let offset = lineOffsets[node] { lineOffset = offset }
                func line(_ node: OpaquePointer) -> Int { Int(cmark_node_get_start_line(node)) + lineOffset }
                let type = cmark_node_get_type(node)
                let protects = type == CMARK_NODE_LINK || type == CMARK_NODE_IMAGE || type == CMARK_NODE_HEADING
                if event == CMARK_EVENT_EXIT {
                    if protects { protectedDepth -= 1 }
                    continue
                }
                if protects { protectedDepth += 1 }
                switch type {
                case CMARK_NODE_TEXT where protectedDepth == 0:
                    if let literal = cmark_node_get_literal(node) {
                        let bytes = UnsafeBufferPointer(start: UnsafeRawPointer(literal).assumingMemoryBound(to: UInt8.self), count: strlen(literal))
                        let mayHoldAddress = ExtendedAutolinks.mayContain(bytes)
                        if mayHoldAddress || mayLink(bytes.span) { textNodes.append((node, lineOffset, mayHoldAddress)) }
                    }
                case CMARK_NODE_PARAGRAPH:
                    var text: [UInt8] = []
                    Self.appendPlainText(of: node, to: &text)
                    result.paragraphs.append(TextBlock(utf8: text, line: line(node)))
                case CMARK_NODE_HTML_BLOCK, CMARK_NODE_HTML_INLINE:
                    let literal = CMarkNodes.literal(node)
                    if type == CMARK_NODE_HTML_BLOCK && options.allowRawHTML { result.htmlBlocks.append(TextBlock(utf8: Array(literal.utf8), line: line(node))) }
                    let place = placesInCells.isEmpty ? nil : placesInCells[node]
                    let (htmlLine, htmlColumn) = place ?? (line(node), Int(cmark_node_get_start_column(node)))
                    if !options.allowRawHTML {
                        // cmark leaves it out; the author is told, unless it is a comment (meant not to show).
                        if !literal.hasPrefix("<!--") && !literal.hasPrefix("</") {
                            notices.append(MarkdownNotice(.rawHTMLOmitted(RawHTML.shown(literal)), line: htmlLine, column: htmlColumn))
                        }
                    } else if let filtered = TagFilter.filter(literal) {
                        cmark_node_set_literal(node, filtered.html)
                        for tag in filtered.tags { notices.append(MarkdownNotice(.tagFiltered(tag), line: htmlLine, column: htmlColumn)) }
                    }
                case CMARK_NODE_LINK, CMARK_NODE_IMAGE:
                    let place = placesInCells.isEmpty ? nil : placesInCells[node]
                    let destination = LinkDestination(
                        url: String(cString: cmark_node_get_url(node)),
                        isImage: cmark_node_get_type(node) == CMARK_NODE_IMAGE,
                        line: place?.line ?? line(node),
                        column: place?.column ?? Int(cmark_node_get_start_column(node))
                    )
                    result.links.append(LinkText(destination: destination, text: Self.plainText(of: node)))
                    if let replacement = rewriteLink(destination) {
                        cmark_node_set_url(node, replacement.url)
                        if let after = replacement.after { annotations.append((node, after)) }
                    }
                    if numberLinks && !destination.isImage { linkNodes.append(node) }
                case CMARK_NODE_HEADING:
                    headingNodes.append((node, line(node), Int(cmark_node_get_start_column(node))))
                    sectionLevel = Int(cmark_node_get_heading_level(node))
                case CMARK_NODE_CODE_BLOCK:
                    // Only fenced blocks have an info string; indented code never has one.
                    if cmark_node_get_fence_info(node).pointee != 0 { fenceNodes.append((node, sectionLevel, line(node))) }
                default:
                    break
                }
            }
        }

        for (node, offset, mayHoldAddress) in textNodes {
            let literal = String(cString: cmark_node_get_literal(node))
            // Addresses the author wrote out are links first; a citation or term inside one is not.
            let addresses = mayHoldAddress ? ExtendedAutolinks.find(in: literal) : []
            var links = autolink(literal).filter { link in !addresses.contains { $0.range.overlaps(link.range) } }
            if !addresses.isEmpty {
                let line = CMarkNodes.line(of: node) + offset
                for address in addresses {
                    let column = CMarkNodes.column(of: node) + literal.utf8.distance(from: literal.startIndex, to: address.range.lowerBound)
                    let destination = LinkDestination(url: address.url, isImage: false, line: line, column: column)
                    result.links.append(LinkText(destination: destination, text: address.label))
                    var link = AutoLink(range: address.range, url: rewriteLink(destination)?.url ?? address.url, title: "")
                    link.label = address.label
                    links.append(link)
                }
                links.sort { $0.range.lowerBound < $1.range.lowerBound }
            }
            let created = insertLinks(into: node, literal: literal, links)
            if numberLinks { linkNodes += created }
        }

        // After the walk, like every change to the tree: the iterator must not see it change.
        for (link, html) in annotations {
            guard let note = CMarkNodes.customInline(html) else { continue }
            cmark_node_insert_after(link, note)
        }

        var linkNotes: [String] = []
        for node in linkNodes {
            let url = String(cString: cmark_node_get_url(node))
            // Links within the page, and addresses the reader already sees, need no note.
            guard !url.isEmpty, !url.hasPrefix("#"), !url.hasPrefix("mailto:"), !url.hasPrefix("tel:") else { continue }
            let number = (linkNotes.firstIndex(of: url) ?? linkNotes.count) + 1
            if number > linkNotes.count { linkNotes.append(url) }
            guard let note = CMarkNodes.customInline("<sup class=\"link-note\">\(number)</sup>") else { continue }
            cmark_node_insert_after(node, note)
        }

        for (node, sectionLevel, line) in fenceNodes {
            let block = FencedBlock(
                info: String(cString: cmark_node_get_fence_info(node)).trimmingCharacters(in: .whitespaces),
                literal: String(cString: cmark_node_get_literal(node)),
                line: line,
                column: Int(cmark_node_get_start_column(node)),
                sectionLevel: sectionLevel
            )
            if let html = renderFence(block) {
                replace(node, withHTML: html)
            }
        }

        // Headings are swapped for custom blocks after the walk: cmark's iterator must not see
        // the tree change under it. cmark renders a custom block's on_enter/on_exit verbatim,
        // which is how the id attribute gets in while author HTML stays out.
        var ids = HeadingIDs(reserved: footnotes.map { options.reservedIDs.union($0.ids) } ?? options.reservedIDs)
        var headings: [Heading] = []
        var sectionStarts: Set<OpaquePointer> = []
        for (node, line, column) in headingNodes {
            let level = Int(cmark_node_get_heading_level(node))
            let text = Self.plainText(of: node)
            let id = options.idPrefix + ids.next(for: text)
            let topLevel = cmark_node_parent(node) == document
            headings.append(Heading(level: level, text: text, id: id, line: line, column: column, isTopLevel: topLevel))
            if let block = replaceHeading(node, level: level, id: id, text: text, flags: flags & ~CMARK_OPT_SOURCEPOS), topLevel, level <= 2 {
                sectionStarts.insert(block)
            }
        }

        result.headings = headings
        result.linkNotes = linkNotes
        result.notices = notices.sorted { ($0.line, $0.column) < ($1.line, $1.column) }
        if options.splitSections {
            result.sections = sections(of: document, startingAt: sectionStarts, flags: flags & ~CMARK_OPT_SOURCEPOS)
            result.htmlBytes = Array(result.sections.joined().utf8)
            return result
        }
        guard let buffer = cmark_render_html(document, flags & ~CMARK_OPT_SOURCEPOS) else { return result }
        defer { free(buffer) }
        cmark_node_free(document)
        tree = nil
        result.htmlBytes = Array(UnsafeRawBufferPointer(start: buffer, count: strlen(buffer)))
        return result
    }

    /// Parses UTF-8 text; a very large text part by part (see `LargeDocument`), each part's
    /// blocks moved into one new document as soon as the part is parsed, with the lines before
    /// each part in `lineOffsets` by the first block it gave. Nil for an empty text.
    private func parse(_ text: UnsafeBufferPointer<UInt8>, flags: Int32, lineOffsets: inout [OpaquePointer: Int]) -> OpaquePointer? {
        func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> OpaquePointer? {
            bytes.withMemoryRebound(to: CChar.self) { $0.isEmpty ? nil : cmark_parse_document($0.baseAddress, $0.count, flags) }
        }
        guard let parts = LargeDocument.parts(of: text.span, threshold: options.largeDocumentBytes) else { return parse(text) }
        guard let document = cmark_node_new(CMARK_NODE_DOCUMENT) else { return nil }
        for part in parts {
            guard let piece = parse(UnsafeBufferPointer(rebasing: text[part.bytes])) else { continue }
            if let first = cmark_node_first_child(piece) { lineOffsets[first] = part.lineOffset }
            while let block = cmark_node_first_child(piece) { cmark_node_append_child(document, block) }
            cmark_node_free(piece)
        }
        return document
    }

    /// The node's HTML as cmark wrote it. Kept as bytes: made from strings, it is UTF-8
    /// already, and making it a string again checked every byte of every page once more.
    private func html(of node: OpaquePointer, flags: Int32) -> [UInt8] {
        guard let buffer = cmark_render_html(node, flags) else { return [] }
        defer { free(buffer) }
        return Array(UnsafeRawBufferPointer(start: buffer, count: strlen(buffer)))
    }

    /// The document's HTML cut before each top-level heading in `starts`: what comes before
    /// the first, then each heading with the blocks under it.
    private func sections(of document: OpaquePointer, startingAt starts: Set<OpaquePointer>, flags: Int32) -> [String] {
        var sections = [""]
        var child = cmark_node_first_child(document)
        while let node = child {
            if starts.contains(node) { sections.append("") }
            sections[sections.count - 1] += String(decoding: html(of: node, flags: flags), as: UTF8.self)
            child = cmark_node_next(node)
        }
        return sections
    }

    /// cmark renders a heading as exactly `<hN>…</hN>`; the rendered text gets its id and goes
    /// back into the tree as a custom block, which cmark emits verbatim. A heading of plain
    /// text (most) is escaped here as cmark escapes text, without a renderer of its own, into
    /// bytes: made of strings, every page's headings showed in a build.
    @discardableResult
    private func replaceHeading(_ heading: OpaquePointer, level: Int, id: String, text: String, flags: Int32) -> OpaquePointer? {
        var html: [UInt8] = []
        html.reserveCapacity(id.utf8.count + text.utf8.count + 24)
        let digit = UInt8(ascii: "0") + UInt8(level)  // 1 to 6
        html += [UInt8(ascii: "<"), UInt8(ascii: "h"), digit]
        html += #" id=""#.utf8
        html += id.utf8
        html += #"">"#.utf8
        var child = cmark_node_first_child(heading)
        while let node = child, cmark_node_get_type(node) == CMARK_NODE_TEXT { child = cmark_node_next(node) }
        if child == nil {
            Self.appendEscaped(text, to: &html)
            html += [UInt8(ascii: "<"), UInt8(ascii: "/"), UInt8(ascii: "h"), digit, UInt8(ascii: ">")]
        } else {
            let rendered = self.html(of: heading, flags: flags)
            let opening = [UInt8(ascii: "<"), UInt8(ascii: "h"), digit, UInt8(ascii: ">")]
            guard rendered.starts(with: opening) else { return nil }
            html += rendered[opening.count...]
            if html.last == UInt8(ascii: "\n") { html.removeLast() }
        }
        html.append(0)
        return html.withUnsafeBufferPointer { bytes in
            bytes.withMemoryRebound(to: CChar.self) { replace(heading, withHTML: $0.baseAddress!) }
        }
    }

    /// Text as cmark writes it into HTML: `&`, `<`, `>` and `"` as entities, the rest as it is.
    static func appendEscaped(_ text: String, to html: inout [UInt8]) {
        var text = text
        text.withUTF8 { bytes in
            for byte in bytes {
                switch byte {
                case UInt8(ascii: "&"): html += "&amp;".utf8
                case UInt8(ascii: "<"): html += "&lt;".utf8
                case UInt8(ascii: ">"): html += "&gt;".utf8
                case UInt8(ascii: "\""): html += "&quot;".utf8
                default: html.append(byte)
                }
            }
        }
    }

    /// Splits a text node (whose text is `literal`) around `links`, which must be in order and
    /// not overlap; returns the new link nodes. The text node is freed when anything was linked.
    private func insertLinks(into text: OpaquePointer, literal: String, _ links: [AutoLink]) -> [OpaquePointer] {
        guard !links.isEmpty else { return [] }
        func textNode(_ part: Substring) -> OpaquePointer? { part.isEmpty ? nil : CMarkNodes.text(part) }
        var created: [OpaquePointer] = []
        var cursor = literal.startIndex
        for link in links where link.range.lowerBound >= cursor && link.range.upperBound <= literal.endIndex {
            if let before = textNode(literal[cursor..<link.range.lowerBound]) { cmark_node_insert_before(text, before) }
            guard let node = cmark_node_new(CMARK_NODE_LINK) else { continue }
            cmark_node_set_url(node, link.url)
            if !link.title.isEmpty { cmark_node_set_title(node, link.title) }
            let words: Substring = link.label.map { Substring($0) } ?? literal[link.range]
            if let label = textNode(words) { cmark_node_append_child(node, label) }
            cmark_node_insert_before(text, node)
            created.append(node)
            cursor = link.range.upperBound
        }
        if let after = textNode(literal[cursor...]) { cmark_node_insert_before(text, after) }
        cmark_node_free(text)
        return created
    }

    /// Puts generated HTML where `node` was and frees the node; returns the new block.
    @discardableResult
    private func replace(_ node: OpaquePointer, withHTML html: UnsafePointer<CChar>) -> OpaquePointer? {
        guard let block = cmark_node_new(CMARK_NODE_CUSTOM_BLOCK) else { return nil }
        cmark_node_set_on_enter(block, html)
        cmark_node_set_on_exit(block, "")
        cmark_node_insert_before(node, block)
        cmark_node_free(node)
        return block
    }

    /// The text a reader sees in a node, for heading ids and the table of contents. Gathered
    /// as bytes and made a string once: a string for each piece of each paragraph showed.
    static func plainText(of node: OpaquePointer) -> String {
        var bytes: [UInt8] = []
        appendPlainText(of: node, to: &bytes)
        return String(decoding: bytes, as: UTF8.self)
    }

    static func appendPlainText(of node: OpaquePointer, to bytes: inout [UInt8]) {
        var child = cmark_node_first_child(node)
        while let current = child {
            switch cmark_node_get_type(current) {
            case CMARK_NODE_TEXT, CMARK_NODE_CODE:
                if let literal = cmark_node_get_literal(current) {
                    bytes.append(contentsOf: UnsafeBufferPointer(start: UnsafeRawPointer(literal).assumingMemoryBound(to: UInt8.self), count: strlen(literal)))
                }
            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK:
                bytes.append(UInt8(ascii: " "))
            case CMARK_NODE_HTML_INLINE:
                break
            default:
                appendPlainText(of: current, to: &bytes)
            }
            child = cmark_node_next(current)
        }
    }

    /// Parses a text the passes made (a table's cells, a footnote), with the same flags.
    static func parseDocument(_ text: [UInt8], flags: Int32) -> OpaquePointer? {
        text.withUnsafeBufferPointer { $0.withMemoryRebound(to: CChar.self) { cmark_parse_document($0.baseAddress, $0.count, flags) } }
    }
}
