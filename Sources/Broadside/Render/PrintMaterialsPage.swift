import Foundation

extension SiteRenderer {
    /// The "Print materials" page: every handout and packet, with page counts once printed.
    public func printMaterials(_ edition: Edition, pageCounts: [Route: Int]) -> [UInt8] {
        let strings = edition.strings
        let context = PageContext(model: contexts[site.editionIndex(edition.language.code)], route: edition.printMaterials)
        var values = context.chrome(title: strings["print_materials"], summary: nil,
                                    breadcrumbs: [(strings["home"], edition.homeRoute)], section: nil)
        func entry(title: String, summary: String?, html: Route, pdf: Route, languages: [String]) -> TemplateValue {
            [
                "title": .text(title), "summary": .optional(summary), "lang": .text(languages[0]),
                "url": .text(context.route.link(to: makesPDFs ? pdf : html)),
                "printURL": .text(context.route.link(to: html)),
                "pdf": .flag(makesPDFs),
                "pages": .optional(pageCounts[pdf].map { strings.count("page_count", $0) }),
                // A handout in another language than the list's says which ones it holds.
                "languages": .optional(languages == [edition.language.code] ? nil
                                       : languages.map { site.edition($0).language.name }.joined(separator: " / ")),
            ]
        }
        values["packets"] = .list(edition.packets.map {
            entry(title: $0.about.title, summary: $0.about.subtitle, html: $0.route, pdf: $0.pdf,
                  languages: [$0.language] + ($0.about.bilingual.map { [$0] } ?? []))
        })
        values["hasPackets"] = .flag(!edition.packets.isEmpty)
        values["handouts"] = .list(edition.handouts.map { handout in
            // A bilingual handout is listed by its words in this list's language.
            let shown = handout.partner?.language == edition.language.code ? handout.partner! : handout.page
            let other = shown.language == handout.page.language ? handout.partner : handout.page
            return entry(title: shown.title, summary: shown.frontMatter.summary, html: handout.route, pdf: handout.pdf,
                         languages: [shown.language] + (other.map { [$0.language] } ?? []))
        })
        values["hasHandouts"] = .flag(!edition.handouts.isEmpty)
        values["flyers"] = .list(edition.events.map {
            entry(title: $0.page.title, summary: strings.eventTime($0.event),
                  html: $0.flyer, pdf: $0.flyerPDF, languages: [edition.language.code])
        })
        values["hasFlyers"] = .flag(!edition.events.isEmpty)
        // Documents printed from data, each under what it belongs to (a forum, a questionnaire).
        var groups: [(title: String, documents: [PrintDocument])] = []
        for document in edition.documents {
            if let index = groups.firstIndex(where: { $0.title == document.group }) {
                groups[index].documents.append(document)
            } else {
                groups.append((document.group, [document]))
            }
        }
        values["documentGroups"] = .list(groups.map { group in
            ["title": .text(group.title),
             "documents": .list(group.documents.map { entry(title: $0.title, summary: nil, html: $0.route, pdf: $0.pdf, languages: [$0.language]) })]
        })
        values["hasDocuments"] = .flag(!edition.documents.isEmpty)
        values["makesPDFs"] = .flag(makesPDFs)
        return wrap(values, template: "print-materials")
    }
}
