import BroadsideMarkdown

extension MarkdownNotice {
    /// What the author is told, with the rule a site may tune under `checks:`.
    var finding: (rule: Rule, message: String) {
        switch kind {
        case .rawHTMLOmitted(let html):
            (.rawHTML, "raw HTML '\(html)' is left out of the page: write it in Markdown, or set raw_html: true in Site/site.yml if every author of the site is trusted")
        case .tagFiltered(let tag):
            (.rawHTML, "<\(tag)> is shown as text, not used: pages never take <script>, <style>, <iframe>, <textarea>, <title> and the like, even with raw_html: true")
        case .footnoteUndefined(let label):
            (.footnote, "footnote [^\(label)] has no definition, so it shows as written: add a line '[^\(label)]: the note' to the page")
        case .footnoteUnused(let label):
            (.footnote, "footnote [^\(label)] is never referred to, so it is left out: put [^\(label)] in the text where it belongs, or remove the note")
        case .footnoteDuplicate(let label):
            (.footnote, "footnote [^\(label)] is defined again; only the first definition is used: give this one a label of its own")
        case .tableCellsDropped(let count, let columns):
            (.tableCells, "this table row has \(count) more \(count == 1 ? "cell" : "cells") than the header's \(columns) columns, left out of the page: add \(count == 1 ? "a header cell" : "header cells") or remove the extra '|'")
        }
    }
}

extension MarkdownLabels {
    /// The words of footnotes in the page's language.
    init(_ strings: Strings) {
        self.init()
        footnotes = strings["footnotes"]
        footnote = strings["footnote_ref"]
        backToReference = strings["footnote_back"]
    }
}
