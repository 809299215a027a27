/// `a11y/vague-link`: link words that do not say where the link goes ("click here").
struct VagueLinkRule: PageRule {
    var rules: [Rule] { [.vagueLinkText] }

    static let phrases: Set<String> = ["click here", "here", "read more", "more", "link", "this link", "this page",
                                       "aquí", "haga clic aquí", "clic aquí", "más", "leer más", "este enlace"]

    func check(_ page: CheckedPage, diagnostics: inout Diagnostics) {
        for link in page.body.rendered.links where !link.destination.isImage {
            let words = link.text.trimmed
            guard !words.isEmpty, Self.phrases.contains(PageChecks.phrase(words)) else { continue }
            diagnostics.report(.finding(.vagueLinkText, "'\(words)' does not say where the link goes: name the page or what it offers",
                                        at: page.at(link.destination.line, link.destination.column)))
        }
    }
}
