/// `a11y/table-headers`: an HTML table without header cells.
struct TableHeadersRule: PageRule {
    var rules: [Rule] { [.tableHeaders] }

    func check(_ page: CheckedPage, diagnostics: inout Diagnostics) {
        for block in page.body.rendered.htmlBlocks where block.text.contains("<table") && !block.text.contains("<th") {
            diagnostics.report(.finding(.tableHeaders, "this table has no header cells (<th>): screen readers cannot say what each column means",
                                        at: page.at(block.line)))
        }
    }
}
