/// Each event's one-page flyer and its calendar file (`.ics`).
struct EventDownloads: OutputFormat {
    func files(_ renderer: SiteRenderer) -> [@Sendable () -> (Route, [UInt8])] {
        let printer = HandoutRenderer(site: renderer.site, theme: renderer.theme, markdown: renderer.markdown)
        return renderer.events.values.flatMap { files -> [@Sendable () -> (Route, [UInt8])] in
            [{ (files.flyer, Array(printer.flyer(files).utf8)) }, { (files.calendar, Array(renderer.calendar(files).utf8)) }]
        }
    }
}
