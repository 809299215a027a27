/// The last build's assembled site, reused when the sources' shape is unchanged: then only
/// pages' bodies differ, and assembling (routes, languages, sections, topics, print
/// materials) would come out the same.
extension Site {
    /// Puts the given pages' files (by relative path) in place of the ones the site was
    /// assembled from, everywhere a page is held. In place: a save changes one page of
    /// thousands, and a site held by nothing else has its lists changed, not copied.
    mutating func replaceSources(_ fresh: [String: PageSource]) {
        guard !fresh.isEmpty else { return }
        // Found by path once, in the list of all pages; elsewhere by identity, which is
        // cheaper than reading each page's path and finds the page in every list that holds it.
        var replaced: [(old: ObjectIdentifier, new: ContentPage)] = []
        for page in pages {
            guard let source = fresh[page.sourcePath] else { continue }
            var changed = page
            changed.source = source
            replaced.append((page.identity, changed))
        }
        func swap(_ page: inout ContentPage) {
            let identity = page.identity
            if let new = replaced.first(where: { $0.old == identity })?.new { page = new }
        }
        func swap(_ page: inout ContentPage?) {
            guard let identity = page?.identity else { return }
            if let new = replaced.first(where: { $0.old == identity })?.new { page = new }
        }
        func swapAll(_ list: inout [ContentPage]) {
            for index in list.indices where replaced.contains(where: { $0.old == list[index].identity }) { swap(&list[index]) }
        }
        func swap(_ handouts: inout [Handout]) {
            for index in handouts.indices {
                swap(&handouts[index].page)
                swap(&handouts[index].partner)
            }
        }
        func swap(_ packets: inout [Packet]) {
            for index in packets.indices {
                for sheet in packets[index].pages.indices {
                    swap(&packets[index].pages[sheet].page)
                    swap(&packets[index].pages[sheet].partner)
                }
            }
        }
        swapAll(&pages)
        swap(&handouts)
        swap(&packets)
        // Gathered first: changing the table while going through it would copy it whole.
        let keys = translations.compactMap { key, versions in
            versions.values.contains { page in replaced.contains { $0.old == page.identity } } ? key : nil
        }
        for key in keys {
            translations[key] = translations[key]?.mapValues { page in replaced.first { $0.old == page.identity }?.new ?? page }
        }
        for index in editions.indices {
            swapAll(&editions[index].pages)
            swap(&editions[index].home)
            for section in editions[index].sections.indices {
                swap(&editions[index].sections[section].index)
                swapAll(&editions[index].sections[section].pages)
            }
            swapAll(&editions[index].topPages)
            for tag in editions[index].tags.indices { swapAll(&editions[index].tags[tag].pages) }
            swap(&editions[index].handouts)
            swap(&editions[index].packets)
            for event in editions[index].events.indices { swap(&editions[index].events[event].page) }
        }
    }
}
