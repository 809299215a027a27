/// The theme's stylesheets, script and icon, each replaced by a file of the same name in
/// Site/assets/ (as templates are by theirs), and the file that tells GitHub Pages not to run Jekyll.
struct ThemeFiles: OutputFormat {
    func reserved(config: SiteConfig, assets: [String]) -> [(route: Route, owner: String)] {
        [(Site.stylesheet, "the theme stylesheet"), (Site.script, "the theme script"),
         (Site.printStylesheet, "the theme's print stylesheet"), (Site.noJekyll, "the file that tells GitHub Pages not to run Jekyll")]
            + (Site.iconNames.contains(where: assets.contains) ? [] : [(Site.builtInFavicon, "the theme's icon")])
    }

    func files(_ renderer: SiteRenderer) -> [@Sendable () -> (Route, [UInt8])] {
        let site = renderer.site
        var files: [@Sendable () -> (Route, [UInt8])] = []
        for (route, text) in [(Site.stylesheet, Theme.stylesheet), (Site.script, Theme.script), (Site.printStylesheet, Theme.printStylesheet)]
        where !site.assets.contains(route.path.lastPathComponent) {
            files.append { (route, Array(text.utf8)) }
        }
        // Any icon of the site's own (svg, png or ico) replaces the built-in one.
        if site.favicon == Site.builtInFavicon {
            files.append { (Site.builtInFavicon, Array(Theme.favicon(accent: site.config.accent).utf8)) }
        }
        files.append { (Site.noJekyll, []) }
        return files
    }
}
