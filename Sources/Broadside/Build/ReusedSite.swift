/// The last build's assembled site, reused when the sources' shape is unchanged: then only
/// pages' bodies differ, and assembling (routes, languages, sections, topics, print
/// materials) would come out the same.
extension Site {
    /// This site with the given pages' files (by relative path) in place of the ones it was
    /// assembled from, everywhere a page is held.
    func replacingSources(_ fresh: [String: PageSource]) -> Site {
        guard !fresh.isEmpty else { return self }
        // Found by path once, in the list of all pages; elsewhere by identity, which is
        // cheaper than reading each page's path and finds the page in every list that holds it.
        var replaced: [ObjectIdentifier: ContentPage] = [:]
        for page in pages {
            guard let source = fresh[page.sourcePath] else { continue }
            var changed = page
            changed.source = source
            replaced[page.identity] = changed
        }
        func swap(_ page: ContentPage) -> ContentPage {
            replaced[page.identity] ?? page
        }
        func swap(_ handout: Handout) -> Handout {
            var handout = handout
            handout.page = swap(handout.page)
            handout.partner = handout.partner.map(swap)
            return handout
        }
        func swap(_ packet: Packet) -> Packet {
            var packet = packet
            packet.pages = packet.pages.map { (swap($0.page), $0.partner.map(swap)) }
            return packet
        }
        var site = self
        site.pages = pages.map(swap)
        site.handouts = handouts.map(swap)
        site.packets = packets.map(swap)
        site.translations = translations.mapValues { $0.mapValues(swap) }
        for index in site.editions.indices {
            var edition = site.editions[index]
            edition.pages = edition.pages.map(swap)
            edition.home = edition.home.map(swap)
            edition.sections = edition.sections.map { section in
                var section = section
                section.index = section.index.map(swap)
                section.pages = section.pages.map(swap)
                return section
            }
            edition.topPages = edition.topPages.map(swap)
            edition.tags = edition.tags.map { ($0.tag, $0.pages.map(swap)) }
            edition.handouts = edition.handouts.map(swap)
            edition.packets = edition.packets.map(swap)
            edition.events = edition.events.map { files in
                var files = files
                files.page = swap(files.page)
                return files
            }
            site.editions[index] = edition
        }
        return site
    }
}
