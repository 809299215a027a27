/// `a11y/img-alt`: an image a screen reader cannot describe.
struct ImageAltRule: PageRule {
    var rules: [Rule] { [.imageAlt] }

    func check(_ page: CheckedPage, diagnostics: inout Diagnostics) {
        for link in page.body.rendered.links where link.destination.isImage && link.text.trimmed.isEmpty {
            diagnostics.report(.finding(.imageAlt, "this image has no alt text: describe it in the brackets, ![like this](\(link.destination.url))",
                                        at: page.at(link.destination.line, link.destination.column)))
        }
    }
}
