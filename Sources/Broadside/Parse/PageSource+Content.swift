/// What a page's front matter and body say together that neither says alone: text that would
/// be lost (a `link:` Broadside does not show, a page with no body) or said twice (a
/// `# Heading` that repeats the title). Pages moved from Jekyll or Hugo often have both.
extension PageSource {
    static func checked(_ page: PageSource, diagnostics: inout Diagnostics) -> PageSource {
        page.checkContent(diagnostics: &diagnostics)
        return page
    }

    func checkContent(diagnostics: inout Diagnostics) {
        let frontMatter = self.frontMatter
        let path = file.displayPath
        let isEmpty = body.utf8.allSatisfy { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") || $0 == UInt8(ascii: "\n") || $0 == UInt8(ascii: "\r") }
        // The home page and a section's `index.md` or `_index.md` list pages, so they are not
        // empty without text; a draft is not built, and an event page shows the event's details.
        let folders = file.relativePath.split(separator: "/")
        let name = folders.last ?? ""
        let listsPages = name.hasPrefix("_index.") || (name.hasPrefix("index.") && folders.count <= 2)
        let mayBeEmpty = listsPages || frontMatter.draft || frontMatter.written.contains("event")
        let link = frontMatter.ignoredLink
        let address = link?.address.map { "[text](\($0))" } ?? "[text](address)"
        if isEmpty && !mayBeEmpty {
            // At the closing fence: what to write goes below it.
            let at = SourceLocation(path: path, line: max(bodyLineOffset, 1))
            if let link {
                diagnostics.report(.finding(.emptyPage, "this page has no text after its front matter, so it will be empty, and its `\(link.key):` is not shown: write a sentence or two below the front matter, with the link in it as \(address)",
                                            at: at))
            } else {
                diagnostics.report(.finding(.emptyPage, "this page has no text after its front matter, so it will be empty: write what readers should know below the front matter",
                                            at: at))
            }
        } else if let link {
            diagnostics.report(.finding(.ignoredContent, "'\(link.key)' is not shown: the page's text is what shows; put the link in the text as \(address)",
                                        at: link.location))
        }
        if !isEmpty, let title = frontMatter.title, let heading = Self.firstTopHeading(in: body),
           Self.comparable(heading.text) == Self.comparable(title), !Self.comparable(title).isEmpty {
            diagnostics.report(.finding(.repeatedTitle, "this heading repeats the page's title, which the page shows above it already: remove the `#` line, or change it to say something new",
                                        at: SourceLocation(path: path, line: bodyLineOffset + heading.line, column: heading.column)))
        }
    }

    /// The first `# Heading` of the body outside fenced code: its text, line (in the body,
    /// from 1) and the column of its `#`. Line by line over the bytes, stopping at the first:
    /// a page with no `#` heading is read to its end.
    static func firstTopHeading(in body: Substring) -> (text: Substring, line: Int, column: Int)? {
        let utf8 = body.utf8
        guard let found = utf8.withContiguousStorageIfAvailable({ firstTopHeading(bytes: $0) }) ?? firstTopHeading(bytes: Array(utf8)) else { return nil }
        let start = utf8.index(utf8.startIndex, offsetBy: found.text.lowerBound)
        let end = utf8.index(start, offsetBy: found.text.count)
        return (body[start..<end], found.line, found.column)
    }

    private static func firstTopHeading<Bytes: RandomAccessCollection<UInt8>>(bytes: Bytes) -> (text: Range<Int>, line: Int, column: Int)?
    where Bytes.Index == Int {
        var line = 0
        var fence: (byte: UInt8, count: Int)?
        var lineStart = bytes.startIndex
        while lineStart < bytes.endIndex {
            line += 1
            let lineEnd = bytes[lineStart...].firstIndex(of: UInt8(ascii: "\n")) ?? bytes.endIndex
            defer { lineStart = lineEnd + 1 }
            var at = lineStart
            while at < lineEnd, bytes[at] == UInt8(ascii: " ") { at += 1 }
            let indent = at - lineStart
            guard indent < 4, at < lineEnd else { continue }
            let first = bytes[at]
            if first == UInt8(ascii: "`") || first == UInt8(ascii: "~") {
                var count = 0
                while at + count < lineEnd, bytes[at + count] == first { count += 1 }
                if count >= 3 {
                    if let open = fence {
                        if open.byte == first, count >= open.count { fence = nil }
                    } else {
                        fence = (first, count)
                    }
                    continue
                }
            }
            guard fence == nil, first == UInt8(ascii: "#") else { continue }
            let after = at + 1
            guard after == lineEnd || bytes[after] == UInt8(ascii: " ") || bytes[after] == UInt8(ascii: "\t") || bytes[after] == UInt8(ascii: "\r") else { continue }
            return (after - bytes.startIndex..<lineEnd - bytes.startIndex, line, indent + 1)
        }
        return nil
    }

    /// A heading or title as a reader sees it: without Markdown's emphasis and closing `#`s,
    /// case and spacing aside.
    static func comparable(_ text: some StringProtocol) -> String {
        var words = text.lowercased().split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\r" }).map(String.init)
        if let last = words.last, last.allSatisfy({ $0 == "#" }) { words.removeLast() }
        return words.joined(separator: " ").filter { !"*_`\\".contains($0) }
    }
}
