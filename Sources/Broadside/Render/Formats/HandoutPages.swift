/// The printable HTML of every handout and packet, which the print step turns into PDFs.
struct HandoutPages: OutputFormat {
    var printsPageWords: Bool { true }

    func files(_ renderer: SiteRenderer) -> [@Sendable () -> (Route, [UInt8])] {
        let site = renderer.site
        let printer = HandoutRenderer(site: site, theme: renderer.theme, markdown: renderer.markdown)
        let handouts = site.handouts.map { handout -> @Sendable () -> (Route, [UInt8]) in { (handout.route, Array(printer.handout(handout).utf8)) } }
        let packets = site.packets.map { packet -> @Sendable () -> (Route, [UInt8]) in { (packet.route, Array(printer.packet(packet).utf8)) } }
        return handouts + packets
    }
}
