/// The print HTML of every forum kit's five documents, which the print step turns into PDFs
/// beside the event's flyer. The interpreter packet prints the glossary terms of pages, so
/// the kits are made on every rebuild.
struct ForumKits: OutputFormat {
    var printsPageWords: Bool { true }

    func files(_ renderer: SiteRenderer) -> [@Sendable () -> (Route, [UInt8])] {
        let forum = ForumRenderer(printer: HandoutRenderer(site: renderer.site, theme: renderer.theme, markdown: renderer.markdown))
        let markdown = renderer.markdown
        return renderer.site.editions.flatMap(\.events).compactMap(\.forum).flatMap { kit in
            kit.documents.map { part, document -> @Sendable () -> (Route, [UInt8]) in
                { (document.route, Array(forum.render(part, of: kit, markdown: markdown).utf8)) }
            }
        }
    }
}
