/// `a11y/empty-link`: a link with no words, which a screen reader reads as its address.
struct EmptyLinkRule: PageRule {
    var rules: [Rule] { [.emptyLinkText] }

    func check(_ page: CheckedPage, diagnostics: inout Diagnostics) {
        for link in page.body.rendered.links where !link.destination.isImage && link.text.trimmed.isEmpty {
            diagnostics.report(.finding(.emptyLinkText, "this link has no words: a screen reader would only say its address",
                                        at: page.at(link.destination.line, link.destination.column)))
        }
    }
}
