import BroadsideMarkdown
import BroadsideQR

/// Print-ready HTML for handouts and packets, laid out with CSS paged media (`print.css`) for
/// the PDF engine: a title band with the QR code, the body with numbered link notes, and
/// running footers with the review date, "not legal advice", contact and page numbers, all
/// in the handout's language. A bilingual handout sets its translation beside it, section by
/// section.
struct HandoutRenderer {
    let site: Site
    let theme: Theme
    let markdown: Markdown

    func handout(_ handout: Handout) -> String {
        let languages = [handout.page.language] + (handout.partner.map { [$0.language] } ?? [])
        var values = document(route: handout.route, title: handout.page.title, languages: languages)
        values["sheet"] = sheet(handout.page, partner: handout.partner, at: handout.route, id: "handout")
        return theme.render(values, with: "handout")
    }

    func packet(_ packet: Packet) -> String {
        let about = packet.about
        let languages = [packet.language] + (about.bilingual.map { [$0] } ?? [])
        var values = document(route: packet.route, title: about.title, languages: languages)
        let sheets = packet.pages.enumerated().map { sheet($1.page, partner: $1.partner, at: packet.route, id: "handout-\($0 + 1)") }
        values["packet"] = [
            "title": .text(about.title),
            "subtitle": .optional(about.subtitle),
            "cover": .optional(about.cover),
            "duplex": .flag(about.duplex),
        ]
        values["sheets"] = .list(sheets)
        return theme.render(values, with: "packet")
    }

    /// A one-page flyer for an event, in its page's language: large title, when and where,
    /// access and interpretation, and a QR code to sign up (or to the page).
    func flyer(_ files: EventFiles) -> String {
        let page = files.page
        let strings = site.edition(page.language).strings
        var values = document(route: files.flyer, title: page.title, languages: [page.language])
        values["title"] = .text(page.title)
        values["summary"] = .optional(page.frontMatter.summary)
        var facts = PageContext.facts(files.event, strings: strings)
        facts["onPaper"] = true  // a link cannot be followed on paper: show its address
        values["facts"] = .object(facts)
        let target = files.event.rsvpURL ?? publicURL(of: page)
        if let target, let svg = QRCode.svg(for: target, label: strings.format("qr_code", ["url": target])) {
            values["qr"] = ["svg": .text(svg), "url": .text(target), "label": .text(strings[files.event.rsvpURL == nil ? "flyer_details" : "flyer_rsvp"])]
        } else {
            values["qr"] = false
        }
        return theme.render(values, with: "flyer")
    }

    /// The absolute address of a page online, for its QR code; nil without `base_url`.
    func publicURL(of page: ContentPage) -> String? {
        site.config.baseURL.map { PageContext.address(of: page.route, base: $0) }
    }

    /// What the whole document shares. A bilingual one says its notices in both languages.
    func document(route: Route, title: String, languages: [String]) -> TemplateFields {
        let config = site.config
        let org = config.organization
        let all = languages.map { site.edition($0).strings }
        let strings = all[0]
        let contact = [org.name ?? strings["site_title"], org.phone, org.email, org.url].compactMap { $0 }.joined(separator: " · ")
        func both(_ key: String) -> String { all.map { $0[key] }.joined(separator: " / ") }
        // The running foot's words reach print.css through attributes (`string-set`), so
        // the stylesheet stays the same for every language.
        let pages = strings.pieces("page_n_of_m", around: ["page", "pages"])
        return [
            "lang": .text(strings.language.code),
            "t": strings.templateValues,
            "documentTitle": "\(title) · \(strings["site_title"])",
            "stylesheet": .text(route.link(to: Site.printStylesheet)),
            "paper": config.paper == .a4 ? "A4" : "letter",
            "publisher": .text(org.name ?? strings["site_title"]),
            "contact": .text(contact),
            "disclaimer": .text(strings["disclaimer"]),
            "contentsTitle": .text(both("contents")),
            "contentsFooter": .text(both("contents_footer")),
            "footerNotice": .text(both("print_footer")),
            // A bilingual document numbers its pages once, in its first language.
            "pageBefore": .text(pages[0]), "pageBetween": .text(pages[1]), "pageAfter": .text(pages[2]),
        ]
    }

    /// One handout's content, as it appears alone or inside a packet; with a partner, the
    /// two languages' sections side by side.
    private func sheet(_ page: ContentPage, partner: ContentPage?, at route: Route, id: String) -> TemplateValue {
        var (values, left) = words(page, at: route, idPrefix: id + "-", split: partner != nil)
        values["id"] = .text(id)
        values["qr"] = qrCode(page, strings: site.edition(page.language).strings)
        values["bilingual"] = .flag(partner != nil)
        values["partner"] = false
        guard let partner else { return .object(values) }
        let (other, right) = words(partner, at: route, idPrefix: id + "-\(partner.language)-", split: true)
        values["partner"] = .object(other)
        values["rows"] = .list((0..<max(left.count, right.count)).compactMap { index -> TemplateValue? in
            let pair = (index < left.count ? left[index] : "", index < right.count ? right[index] : "")
            return pair.0.allSatisfy(\.isWhitespace) && pair.1.allSatisfy(\.isWhitespace) ? nil
                : ["left": .text(pair.0), "right": .text(pair.1), "leftLang": .text(page.language), "rightLang": .text(partner.language)]
        })
        return .object(values)
    }

    /// The page's own words and notices, in its language, and its HTML cut at top-level
    /// headings (for a bilingual handout's rows).
    private func words(_ page: ContentPage, at route: Route, idPrefix: String, split: Bool) -> (TemplateFields, sections: [String]) {
        let strings = site.edition(page.language).strings
        var markdown = markdown
        markdown.options.splitSections = split
        var ignored = Diagnostics()  // the web render already reported this page's problems
        let body = PageBody(page, model: PageContext.Model(site: site, edition: site.edition(page.language)), markdown: markdown,
                            medium: .print(route, idPrefix: idPrefix), diagnostics: &ignored)
        let values: TemplateFields = [
            "lang": .text(page.language),
            "languageName": .text(site.edition(page.language).language.name),
            "t": strings.templateValues,
            "title": .text(page.title),
            "stale": .optional(site.staleNotice(for: page, strings: strings)),
            "citations": body.citationValues,
            "hasCitations": .flag(!body.citations.isEmpty),
            "terms": body.termValues,
            "hasTerms": .flag(!body.terms.isEmpty),
            "idPrefix": .text(body.idPrefix),
            "summary": .optional(page.frontMatter.summary),
            "badge": .optional(site.edition(page.language).section(named: page.section) { $0.title }),
            "reviewed": .text(page.frontMatter.reviewed.map { strings.format("last_reviewed_on", ["date": strings.date($0)]) }
                ?? strings["not_yet_reviewed"]),
            "disclaimer": .text(strings["disclaimer"]),
            "body": .html(body.html),
            "sections": .list(body.sections.map(TemplateValue.text)),
            "links": .list(body.linkNotes.map(TemplateValue.text)),
            "hasLinks": .flag(!body.linkNotes.isEmpty),
        ]
        return (values, body.sections)
    }

    private func qrCode(_ page: ContentPage, strings: Strings) -> TemplateValue {
        guard let url = publicURL(of: page), let svg = QRCode.svg(for: url, label: strings.format("qr_code", ["url": url])) else {
            return false
        }
        return ["svg": .text(svg), "url": .text(url)]
    }
}
