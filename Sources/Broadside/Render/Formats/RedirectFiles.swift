/// A page at each old address (`aliases:`) that sends the reader on, and `_redirects`, the same
/// list for hosts that redirect themselves (Netlify, Cloudflare). Their addresses are claimed
/// when the site is assembled (`Redirects`), each naming the page that asked for it.
struct RedirectFiles: OutputFormat {
    func files(_ renderer: SiteRenderer) -> [@Sendable () -> (Route, [UInt8])] {
        let site = renderer.site
        var files: [@Sendable () -> (Route, [UInt8])] = site.redirects.map { redirect -> @Sendable () -> (Route, [UInt8]) in
            { (redirect.from, Array(RedirectPages.page(redirect, site: site).utf8)) }
        }
        if !site.redirects.isEmpty {
            files.append { (Site.redirectList, Array(RedirectPages.list(site.redirects, base: site.config.baseURL).utf8)) }
        }
        return files
    }
}
