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
        // Read where the text is: every page of every build comes here.
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
        // An empty text is an empty document.
        guard let document = parse(edited ?? Array(source.utf8), flags: flags, lineOffsets: &lineOffsets)
                ?? cmark_parse_document("", 0, flags) else {
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
                Self.parseDocument(text[...], flags: flags)
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
            let created = linkRunningText(node, lineOffset: offset, mayHoldAddress: mayHoldAddress, links: &result.links,
                                          rewriteLink: rewriteLink, autolink: autolink)
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
        result.htmlBytes = Self.bytes(ofCString: buffer)
        return result
    }

    /// Parses UTF-8 text with cmark: a page, a part of a large one, a table's cells, a footnote.
    static func parseDocument(_ text: ArraySlice<UInt8>, flags: Int32) -> OpaquePointer? {
        text.withUnsafeBufferPointer { $0.withMemoryRebound(to: CChar.self) { cmark_parse_document($0.baseAddress, $0.count, flags) } }
    }

    /// The bytes of a C string cmark made (a render, a node's text), before its zero byte.
    static func bytes(ofCString text: UnsafePointer<CChar>) -> [UInt8] {
        var bytes: [UInt8] = []
        appendBytes(ofCString: text, to: &bytes)
        return bytes
    }

    static func appendBytes(ofCString text: UnsafePointer<CChar>, to bytes: inout [UInt8]) {
        bytes.append(contentsOf: UnsafeRawBufferPointer(start: text, count: strlen(text)))
    }
}
