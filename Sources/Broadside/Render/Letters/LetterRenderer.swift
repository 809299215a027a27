import Foundation

/// A letter's pages: the page itself, where a reader chooses their county; each official's
/// page, with the letter filled in and how to reach them; and each official's printable
/// letter, laid out to sign and mail, with the call script on a sheet of its own.
struct LetterRenderer {
    let renderer: SiteRenderer
    var site: Site { renderer.site }

    /// The letter's page as the site has it now (a rebuild after an edit to its text holds the new text).
    func page(of letter: Letter) -> ContentPage? {
        site.pages.first { $0.route == letter.page }
    }

    /// Markdown rendered as `page`'s body would be, at `route`: links and citations as on the
    /// page, but no glossary terms: a letter is the reader's own words to an official, not
    /// a page that explains them. Its problems are the page's own, which the page's render reports.
    func html(_ markdown: String, of page: ContentPage, at route: Route, printing: Bool, idPrefix: String = "letter-") -> PageBody {
        var copy = page
        let file = SourceFile(relativePath: page.sourcePath, displayPath: page.source.file.displayPath, text: markdown)
        copy.source = PageSource(file: file, frontMatter: page.frontMatter, bodyStart: file.text.startIndex,
                                 bodyLineOffset: page.source.bodyLineOffset)
        if !printing { copy.route = route }
        var ignored = Diagnostics()
        var edition = site.edition(page.language)
        edition.glossary = GlossaryTerms()
        return PageBody(copy, model: PageContext.Model(site: site, edition: edition), markdown: renderer.markdown,
                        medium: printing ? .print(route, idPrefix: idPrefix) : .web, diagnostics: &ignored)
    }

    /// The letter's text, or its call script, rendered and filled in for `official`: the
    /// values go into the HTML as text once the Markdown around them is rendered.
    func filled(_ text: Substring, for official: Official, of page: ContentPage, at route: Route, printing: Bool,
                idPrefix: String = "letter-") -> PageBody {
        let columns = official.values.keys.sorted()
        var body = html(LetterText.marked(text, columns: columns), of: page, at: route, printing: printing, idPrefix: idPrefix)
        body.html = LetterText.values(in: body.html) { columns.indices.contains($0) ? official.values[columns[$0]] ?? "" : "" }
        return body
    }

    /// Text as it shows on the letter's own page: each field a visible `[column]`.
    func withPlaceholders(_ text: Substring, of page: ContentPage) -> [UInt8] {
        let marked = LetterText.fill(text) { "\(LetterText.markOpen)\(LetterText.escaped($0))\(LetterText.markClose)" }
        return LetterText.placeholders(in: html(marked, of: page, at: page.route, printing: false).html)
    }

    /// One official's page, inside the letter's folder.
    func officialPage(_ official: Official, page: ContentPage) -> [UInt8] {
        let context = PageContext(model: renderer.contexts[site.editionIndex(page.language)], route: official.route)
        let strings = context.strings
        var crumbs = [(strings["home"], context.model.edition.homeRoute)]
        crumbs += context.model.edition.sections(around: page.folder).map { ($0.title, $0.route) }
        crumbs.append((page.title, page.route))
        var values = context.chrome(title: official.name, summary: "\(official.title) · \(official.county)", breadcrumbs: crumbs, section: page.section)
        let body = filled(page.source.body, for: official, of: page, at: official.route, printing: false)
        values["letterTitle"] = .text(page.title)
        values["letter"] = .html(body.html)
        values["callScript"] = .optional(page.frontMatter.callScript.map { script in
            TemplateValue.html(filled(script[...], for: official, of: page, at: official.route, printing: false).html)
        })
        values["contact"] = contact(official, subject: page.title, letter: MailText.of(html: body.html) + "\n\n" + strings["letter_closing"] + "\n")
        values["print"] = renderer.makesPDFs
            ? ["url": .text(official.route.link(to: official.pdf)), "label": .text(strings["letter_print_pdf"])]
            : ["url": .text(official.route.link(to: official.print)), "label": .text(strings["letter_print"])]
        values["back"] = .text(official.route.link(to: page.route))
        return renderer.wrap(values, template: "letter")
    }

    /// Address, phone and e-mail, each only when the CSV gives it; the e-mail link opens a
    /// message with the letter already written in it.
    private func contact(_ official: Official, subject: String, letter text: String) -> TemplateValue {
        let lines = official.address.split(separator: "\n").map { TemplateValue.text($0.trimmed) }
        var mailto: String?
        if !official.email.isEmpty {
            mailto = "mailto:\(official.email)?subject=\(MailText.percentEncoded(subject))&body=\(MailText.percentEncoded(text))"
        }
        return [
            "address": .flag(!lines.isEmpty), "addressLines": .list(lines),
            "phone": .optional(official.phone.isEmpty ? nil : official.phone),
            "tel": .text(PageContext.telephoneLink(official.phone)),
            "email": .optional(official.email.isEmpty ? nil : official.email),
            "mailto": .optional(mailto),
        ]
    }

    /// One official's printable letter: sender block with lines to fill in, date, the
    /// official's address, the text, closing and signature lines; the call script after it.
    func printed(_ official: Official, page: ContentPage) -> [UInt8] {
        let strings = site.edition(page.language).strings
        let printer = HandoutRenderer(site: site, theme: renderer.theme, markdown: renderer.markdown)
        var values = printer.document(route: official.print, title: "\(page.title): \(official.name)", languages: [page.language])
        let body = filled(page.source.body, for: official, of: page, at: official.print, printing: true)
        values["to"] = .list(([official.name, official.title] + official.address.split(separator: "\n").map { $0.trimmed })
            .filter { !$0.isEmpty }.map(TemplateValue.text))
        values["body"] = .html(body.html)
        values["links"] = .list(body.linkNotes.map(TemplateValue.text))
        values["hasLinks"] = .flag(!body.linkNotes.isEmpty)
        let org = site.config.organization
        values["foot"] = .text(([strings.format("letter_from", ["org": org.name ?? strings["site_title"], "date": strings.date(site.today)])]
            + [org.phone, org.email, org.url].compactMap { $0 }).joined(separator: " · "))
        values["script"] = .optional(page.frontMatter.callScript.map { script -> TemplateValue in
            let script = filled(script[...], for: official, of: page, at: official.print, printing: true, idPrefix: "script-")
            return ["html": .html(script.html), "links": .list(script.linkNotes.map(TemplateValue.text)), "hasLinks": .flag(!script.linkNotes.isEmpty),
                    "phone": .optional(official.phone.isEmpty ? nil : official.phone),
                    "title": .text(page.title), "official": .text("\(official.name) · \(official.title) · \(official.county)")]
        })
        return Array(renderer.theme.render(values, with: "letter-print").utf8)
    }
}

extension SiteRenderer {
    /// On a letter's page: the county picker, and the letter and call script with their fields
    /// as visible placeholders in place of the body as written.
    func addLetter(to values: inout TemplateFields, page: ContentPage) {
        guard let letter = site.letters.first(where: { $0.page == page.route }) else { return }
        let letters = LetterRenderer(renderer: self)
        values["body"] = .html(letters.withPlaceholders(page.source.body, of: page))
        values["hasTerms"] = false  // the letter shows no glossary terms (see `LetterRenderer.html`)
        values["script"] = .text(page.route.link(to: Site.script))
        // A county with two officials (a district attorney and a sheriff) names each in the list.
        var counties: [String: Int] = [:]
        for official in letter.officials { counties[official.county, default: 0] += 1 }
        values["letter"] = [
            "officials": .list(letter.officials.map { official in
                ["county": .text(official.county), "name": .text(official.name), "title": .text(official.title),
                 "choice": .text(counties[official.county]! > 1 ? "\(official.county): \(official.name)" : official.county),
                 "url": .text(page.route.link(to: official.route))]
            }),
            "callScript": .optional(page.frontMatter.callScript.map { TemplateValue.html(letters.withPlaceholders($0[...], of: page)) }),
        ]
    }
}
