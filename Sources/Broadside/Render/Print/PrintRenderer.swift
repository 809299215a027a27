import BroadsideMarkdown
import BroadsideQR

/// Print-ready HTML for handouts and packets, laid out with CSS paged media (`print.css`) for
/// the PDF engine: a title band with the QR code, the body with numbered link notes, and
/// running footers with the review date, "not legal advice", contact and page numbers.
struct PrintRenderer {
    let site: Site
    let theme: Theme
    let markdown: Markdown

    func handout(_ handout: Handout) -> String {
        var values = document(route: handout.route, title: handout.page.title, lang: site.config.language)
        values["sheet"] = sheet(handout.page, at: handout.route, id: "handout")
        return theme.render(values, with: "handout")
    }

    func packet(_ packet: Packet) -> String {
        let about = packet.about
        var values = document(route: packet.route, title: about.title, lang: about.lang ?? site.config.language)
        let sheets = packet.pages.enumerated().map { sheet($1, at: packet.route, id: "handout-\($0 + 1)") }
        values["packet"] = [
            "title": about.title,
            "subtitle": absent(about.subtitle),
            "cover": absent(about.cover),
            "duplex": about.duplex,
        ]
        values["sheets"] = sheets
        return theme.render(values, with: "packet")
    }

    /// The absolute address of a page online, for its QR code; nil without `base_url`.
    func publicURL(of page: ContentPage) -> String? {
        site.config.baseURL.map { $0 + String(page.route.path.dropLast("index.html".count)) }
    }

    private func document(route: Route, title: String, lang: String) -> [String: Any] {
        let config = site.config
        let org = config.organization
        let contact = [org.name ?? config.title, org.phone, org.email, org.url].compactMap { $0 }.joined(separator: " · ")
        return [
            "lang": lang,
            "documentTitle": "\(title) · \(config.title)",
            "stylesheet": route.link(to: Site.printStylesheet),
            "paper": config.paper == .a4 ? "A4" : "letter",
            "publisher": org.name ?? config.title,
            "contact": contact,
            "disclaimer": config.disclaimer,
        ]
    }

    /// One handout's content, as it appears alone or inside a packet.
    private func sheet(_ page: ContentPage, at route: Route, id: String) -> [String: Any] {
        var ignored = Diagnostics()  // the web render already reported this page's problems
        let body = PageBody(page, site: site, markdown: markdown, medium: .print(route, idPrefix: id + "-"), diagnostics: &ignored)
        let reviewed = (DateText.context(page.frontMatter.reviewed)?["text"] as? String).map { "Last reviewed \($0)" }
        var qr: Any = false
        if let url = publicURL(of: page), let svg = QRCode.svg(for: url, label: "QR code: \(url)") {
            qr = ["svg": svg, "url": url]
        }
        return [
            "id": id,
            "title": page.title,
            "stale": absent(site.staleNotice(for: page)),
            "citations": body.citations.map { ["name": $0.name, "url": $0.url] },
            "hasCitations": !body.citations.isEmpty,
            "terms": body.terms.map { ["term": $0.term, "definition": $0.definition, "id": $0.id] },
            "hasTerms": !body.terms.isEmpty,
            "idPrefix": body.idPrefix,
            "summary": absent(page.frontMatter.summary),
            "badge": absent(site.section(named: page.section)?.title),
            "reviewed": reviewed ?? "Not yet reviewed",
            "body": body.html,
            "links": body.linkNotes,
            "hasLinks": !body.linkNotes.isEmpty,
            "qr": qr,
        ]
    }
}
