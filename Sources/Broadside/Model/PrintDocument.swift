/// A document printed from data rather than from one page's Markdown: a questionnaire's voter
/// guide, a forum's question cards or sign-in sheet, a letter to one official. The output format
/// of its kind writes its print HTML at `route`; the print step makes `pdf` from it, and its
/// language's Print materials page lists it under `group`.
public struct PrintDocument: Sendable {
    /// The print HTML, and the PDF made from it.
    public var route: Route
    public var pdf: Route
    public var title: String
    /// The language it is printed in (its Print materials page's).
    public var language: String
    /// What it belongs to, as the Print materials page groups documents: the forum's or the
    /// questionnaire's title.
    public var group: String
    /// The file it is made from, as messages name it.
    public var source: String
    /// The pages whose words it prints: where the PDF engine's findings are looked up.
    public var pages: [SourceFile] = []
    /// How many sheets it may take, and where that limit comes from: a voter guide is one sheet.
    public var budget: Int? = nil
    public var budgetLocation: SourceLocation? = nil
    /// What it is, and what to do when it runs over its budget ("voter guide", "…: shorten the quotes").
    public var what = "document"
    public var advice = "that its kind allows: shorten what it prints"

    var job: PDFPrinter.Job {
        PDFPrinter.Job(html: route, pdf: pdf, budget: budget, budgetLocation: budgetLocation, source: source, pages: pages,
                       what: what, advice: advice)
    }
}
