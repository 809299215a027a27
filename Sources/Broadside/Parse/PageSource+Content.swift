/// What a page's front matter and body say together that neither says alone: text that would
/// be lost (a `link:` Broadside does not show, a page with no body). Pages moved from Jekyll
/// or Hugo often have both. (A `# Heading` that says the title again is found in Check, from
/// the headings the page's Markdown gave.)
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
    }
}
