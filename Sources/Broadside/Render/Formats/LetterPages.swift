/// Each letter's officials: a page of their own and the print HTML of their letter, which the
/// print step turns into a PDF. Made on every build: they print the letter page's words.
struct LetterPages: OutputFormat {
    var printsPageWords: Bool { true }

    func files(_ renderer: SiteRenderer) -> [@Sendable () -> (Route, [UInt8])] {
        let letters = LetterRenderer(renderer: renderer)
        return renderer.site.letters.flatMap { letter -> [@Sendable () -> (Route, [UInt8])] in
            guard let page = letters.page(of: letter) else { return [] }
            return letter.officials.flatMap { official -> [@Sendable () -> (Route, [UInt8])] in
                [{ (official.route, letters.officialPage(official, page: page)) },
                 { (official.print, letters.printed(official, page: page)) }]
            }
        }
    }
}
