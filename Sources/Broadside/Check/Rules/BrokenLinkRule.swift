/// `links/broken` and `content/draft-link`: a link or image in the text, or a block's `src`,
/// that leads to no page or file of the built site (or to a draft, which is left out), as
/// rendering found them.
struct BrokenLinkRule: PageRule {
    var rules: [Rule] { [.brokenLink, .draftLink] }

    func check(_ page: CheckedPage, diagnostics: inout Diagnostics) {
        for link in page.body.missingLinks {
            diagnostics.report(.finding(link.isDraft ? .draftLink : .brokenLink, "\(link.what): \(link.reason)", at: link.location))
        }
    }
}
