import CCMark
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The cmark side of `Markdown.render`: parsing (a large text part by part), rendering a node's
/// HTML, and the edits made to the tree (headings with ids, links put into text, generated
/// HTML in place of a node). Every cmark call the render's hooks need is made here or there.
extension Markdown {
    /// Parses UTF-8 text; a very large text part by part (see `LargeDocument`), each part's
    /// blocks moved into one new document as soon as the part is parsed, with the lines before
    /// each part in `lineOffsets` by the first block it gave. Nil for an empty text.
    func parse(_ text: [UInt8], flags: Int32, lineOffsets: inout [OpaquePointer: Int]) -> OpaquePointer? {
        guard let parts = LargeDocument.parts(of: text.span, threshold: options.largeDocumentBytes) else {
            return text.isEmpty ? nil : Self.parseDocument(text[...], flags: flags)
        }
        guard let document = cmark_node_new(CMARK_NODE_DOCUMENT) else { return nil }
        for part in parts where !part.bytes.isEmpty {
            guard let piece = Self.parseDocument(text[part.bytes], flags: flags) else { continue }
            if let first = cmark_node_first_child(piece) { lineOffsets[first] = part.lineOffset }
            while let block = cmark_node_first_child(piece) { cmark_node_append_child(document, block) }
            cmark_node_free(piece)
        }
        return document
    }

    /// The node's HTML as cmark wrote it. Kept as bytes: made from strings, it is UTF-8
    /// already, and making it a string again checked every byte of every page once more.
    func html(of node: OpaquePointer, flags: Int32) -> [UInt8] {
        guard let buffer = cmark_render_html(node, flags) else { return [] }
        defer { free(buffer) }
        return Self.bytes(ofCString: buffer)
    }

    /// The document's HTML cut before each top-level heading in `starts`: what comes before
    /// the first, then each heading with the blocks under it.
    func sections(of document: OpaquePointer, startingAt starts: Set<OpaquePointer>, flags: Int32) -> [String] {
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
    /// bytes: every page's headings come here.
    @discardableResult
    func replaceHeading(_ heading: OpaquePointer, level: Int, id: String, text: String, flags: Int32) -> OpaquePointer? {
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
        return replace(heading, withHTML: String(decoding: html, as: UTF8.self))
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

    /// Turns parts of a text node into links: addresses the author wrote out (when
    /// `mayHoldAddress`), then what `autolink` finds in the rest. Returns the new link nodes;
    /// the addresses' links are added to `found` as written.
    func linkRunningText(_ node: OpaquePointer, lineOffset offset: Int, mayHoldAddress: Bool, links found: inout [LinkText],
                         rewriteLink: (LinkDestination) -> RewrittenLink?, autolink: (String) -> [AutoLink]) -> [OpaquePointer] {
        let literal = String(cString: cmark_node_get_literal(node))
        // Addresses the author wrote out are links first; a citation or term inside one is not.
        let addresses = mayHoldAddress ? ExtendedAutolinks.find(in: literal) : []
        var links = autolink(literal).filter { link in !addresses.contains { $0.range.overlaps(link.range) } }
        if !addresses.isEmpty {
            let line = CMarkNodes.line(of: node) + offset
            for address in addresses {
                let column = CMarkNodes.column(of: node) + literal.utf8.distance(from: literal.startIndex, to: address.range.lowerBound)
                let destination = LinkDestination(url: address.url, isImage: false, line: line, column: column)
                found.append(LinkText(destination: destination, text: address.label))
                var link = AutoLink(range: address.range, url: rewriteLink(destination)?.url ?? address.url, title: "")
                link.label = address.label
                links.append(link)
            }
            links.sort { $0.range.lowerBound < $1.range.lowerBound }
        }
        return insertLinks(into: node, literal: literal, links)
    }

    /// Splits a text node (whose text is `literal`) around `links`, which must be in order and
    /// not overlap; returns the new link nodes. The text node is freed when anything was linked.
    func insertLinks(into text: OpaquePointer, literal: String, _ links: [AutoLink]) -> [OpaquePointer] {
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
    func replace(_ node: OpaquePointer, withHTML html: String) -> OpaquePointer? {
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
                if let literal = cmark_node_get_literal(current) { appendBytes(ofCString: literal, to: &bytes) }
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
}
