import Foundation

/// What answers a page's old address: a page that sends the reader on at once (meta refresh,
/// which works from a web server and from disk alike), says where the page went with a link
/// for when it does not, and asks search engines to list the new address instead.
enum RedirectPages {
    static func page(_ redirect: Redirect, site: Site) -> String {
        let strings = site.edition(redirect.language).strings
        let target = escapeHTML(redirect.from.link(to: redirect.to))
        let canonical = site.config.baseURL.map { PageContext.address(of: redirect.to, base: $0) }.map(escapeHTML) ?? target
        let title = escapeHTML(redirect.title)
        return """
        <!DOCTYPE html>
        <html lang="\(escapeHTML(redirect.language))">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta name="robots" content="noindex">
        <title>\(escapeHTML(strings["page_moved_title"])): \(title)</title>
        <link rel="canonical" href="\(canonical)">
        <meta http-equiv="refresh" content="0; url=\(target)">
        <link rel="stylesheet" href="\(escapeHTML(redirect.from.link(to: Site.stylesheet)))">
        </head>
        <body>
        <main id="main"><div class="wrap">
        <h1>\(escapeHTML(strings["page_moved_title"]))</h1>
        <p>\(escapeHTML(strings["page_moved"])) <a href="\(target)">\(title)</a></p>
        </div></main>
        </body>
        </html>

        """
    }

    /// `_redirects`, as Netlify and Cloudflare Pages read it: `old new 301`, a line each, from
    /// the top of the host (the path of `base_url`, when the site lives in a folder of it).
    static func list(_ redirects: [Redirect], base: String?) -> String {
        let folder = base.flatMap { URL(string: $0)?.path }.map { $0.hasSuffix("/") ? $0 : $0 + "/" } ?? "/"
        return redirects.map {
            "\(PageContext.address(of: $0.from, base: folder)) \(PageContext.address(of: $0.to, base: folder)) 301\n"
        }.joined()
    }
}
